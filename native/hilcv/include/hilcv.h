/* libhilcv: flat C ABI over OpenCV for Openterface.Hil. Every function returns 0 on success and a negative
 * value on failure; hilcv_last_error() then describes the failure (thread-local, valid until the next call).
 * No C++ exception ever crosses this boundary. Pixel buffers are owned by the caller unless stated. */
#ifndef HILCV_H
#define HILCV_H
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HILCV_API __attribute__((visibility("default")))

/* A view of caller-owned pixels: 8-bit, 1 (grey), 3 (BGR) or 4 (BGRA) channels, rows `stride` bytes apart. */
typedef struct hilcv_view {
    uint8_t* data;
    int32_t width;
    int32_t height;
    int32_t stride;
    int32_t channels;
} hilcv_view;

/* An image or byte buffer owned by the shim; free it with hilcv_image_free / hilcv_buffer_free. */
typedef struct hilcv_image hilcv_image;
typedef struct hilcv_buffer hilcv_buffer;

HILCV_API int32_t hilcv_abi_version(void);
HILCV_API const char* hilcv_last_error(void);
HILCV_API const char* hilcv_opencv_version(void);

/* Decode PNG/JPEG/BMP/PPM bytes. mode: 0 = BGR colour, 1 = grey, 2 = unchanged. */
HILCV_API int32_t hilcv_decode(const uint8_t* bytes, int32_t length, int32_t mode, hilcv_image** out);
HILCV_API int32_t hilcv_image_view(const hilcv_image* image, hilcv_view* out);
HILCV_API void hilcv_image_free(hilcv_image* image);

/* Encode to ".png" (param = compression 0..9) or ".jpg" (param = quality 0..100). */
HILCV_API int32_t hilcv_encode(const hilcv_view* src, const char* extension, int32_t param, hilcv_buffer** out);
HILCV_API int32_t hilcv_buffer_data(const hilcv_buffer* buffer, const uint8_t** data, int32_t* length);
HILCV_API void hilcv_buffer_free(hilcv_buffer* buffer);

/* cv::cvtColor with an OpenCV ColorConversionCodes value; dst must be pre-sized. */
HILCV_API int32_t hilcv_cvt_color(const hilcv_view* src, hilcv_view* dst, int32_t code);
/* cv::resize to dst's size; interpolation is an OpenCV InterpolationFlags value. */
HILCV_API int32_t hilcv_resize(const hilcv_view* src, hilcv_view* dst, int32_t interpolation);

/* cv::matchTemplate into a caller-owned float32 result of (W-w+1) x (H-h+1), row stride in bytes.
 * method is an OpenCV TemplateMatchModes value; mask may be NULL (same size as templ, 1 or templ's channels). */
HILCV_API int32_t hilcv_match_template(const hilcv_view* image, const hilcv_view* templ, const hilcv_view* mask,
                                       int32_t method, float* result, int32_t result_stride);
/* cv::minMaxLoc over a float32 matrix. */
HILCV_API int32_t hilcv_min_max_loc(const float* data, int32_t width, int32_t height, int32_t stride,
                                    double* min_value, double* max_value,
                                    int32_t* min_x, int32_t* min_y, int32_t* max_x, int32_t* max_y);
/* matchTemplate + minMaxLoc in one call; the best location is the max (or the min for SQDIFF methods). */
HILCV_API int32_t hilcv_match_best(const hilcv_view* image, const hilcv_view* templ, const hilcv_view* mask,
                                   int32_t method, double* score, int32_t* x, int32_t* y);

#ifdef __cplusplus
}
#endif
#endif
