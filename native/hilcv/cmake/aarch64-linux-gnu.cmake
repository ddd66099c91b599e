# Cross-compiles libhilcv for linux-arm64 with Debian's toolchain (g++-aarch64-linux-gnu: libc and libstdc++ from
# /usr/aarch64-linux-gnu) against a private sysroot of unpacked arm64 -dev packages (HILCV_ARM64_SYSROOT, made by
# ci/native-arm64 in .cache/arm64-sysroot/root), never against arm64 packages installed in the system.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

if(NOT HILCV_ARM64_SYSROOT)
  set(HILCV_ARM64_SYSROOT "$ENV{HILCV_ARM64_SYSROOT}")
endif()
if(NOT IS_DIRECTORY "${HILCV_ARM64_SYSROOT}/usr/lib/aarch64-linux-gnu")
  message(FATAL_ERROR "HILCV_ARM64_SYSROOT '${HILCV_ARM64_SYSROOT}' is not an arm64 sysroot: run ci/native-arm64")
endif()
set(ENV{HILCV_ARM64_SYSROOT} "${HILCV_ARM64_SYSROOT}")
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES HILCV_ARM64_SYSROOT)

# Headers and libraries come only from the sysroot (then the toolchain), never from the host's /usr.
set(CMAKE_FIND_ROOT_PATH "${HILCV_ARM64_SYSROOT}" /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# Debian keeps arch-specific headers (opencv2/cvconfig.h, jconfig.h) under include/aarch64-linux-gnu.
set(_inc "${HILCV_ARM64_SYSROOT}/usr/include/aarch64-linux-gnu")
set(CMAKE_CXX_FLAGS_INIT "-isystem ${_inc}/opencv4 -isystem ${_inc}")
# -L first: Debian's cross ld also searches the host's /usr/lib/aarch64-linux-gnu, which must not leak in.
# OpenCV's own dependencies (ffmpeg, gdal, ...) are resolved at link time through rpath-link into the sysroot.
set(_lib "${HILCV_ARM64_SYSROOT}/usr/lib/aarch64-linux-gnu")
set(_links "-L${_lib}")
# Debian ships some (hdf4, armadillo, ogdi) in /usr/lib and the BLAS/LAPACK alternatives in subfolders.
foreach(_dir lib/aarch64-linux-gnu usr/lib/aarch64-linux-gnu usr/lib usr/lib/aarch64-linux-gnu/blas
        usr/lib/aarch64-linux-gnu/lapack)
  string(APPEND _links " -Wl,-rpath-link,${HILCV_ARM64_SYSROOT}/${_dir}")
endforeach()
set(CMAKE_SHARED_LINKER_FLAGS_INIT "${_links}")
set(CMAKE_EXE_LINKER_FLAGS_INIT "${_links}")
