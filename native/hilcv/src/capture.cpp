// JPEG with a chosen chroma subsampling through libjpeg (OpenCV 4.6 only writes 4:2:0).
#include "hilcv_capture.h"
#include "hilcv_common.hpp"
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <csetjmp>
#include <jpeglib.h>
#include <stdexcept>
#include <vector>

namespace {

struct error_manager {
    jpeg_error_mgr base;
    jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

void on_error(j_common_ptr info) {
    auto* manager = reinterpret_cast<error_manager*>(info->err);
    (*info->err->format_message)(info, manager->message);
    longjmp(manager->jump, 1);
}

// Compresses rows of src into a malloc'ed buffer; longjmp-safe (no C++ objects with destructors live here).
bool compress(const hilcv_view* src, int quality, int subsampling, const uint8_t* const* rows,
              unsigned char** out, unsigned long* size, char* error) {
    jpeg_compress_struct info;
    error_manager errors;
    info.err = jpeg_std_error(&errors.base);
    errors.base.error_exit = on_error;
    if (setjmp(errors.jump)) {
        std::memcpy(error, errors.message, JMSG_LENGTH_MAX);
        jpeg_destroy_compress(&info);
        return false;
    }
    jpeg_create_compress(&info);
    jpeg_mem_dest(&info, out, size);
    info.image_width = static_cast<JDIMENSION>(src->width);
    info.image_height = static_cast<JDIMENSION>(src->height);
    info.input_components = src->channels;
    info.in_color_space = src->channels == 3 ? JCS_EXT_BGR : JCS_GRAYSCALE;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, quality, TRUE);
    if (src->channels == 3) {
        info.comp_info[0].h_samp_factor = subsampling == 444 ? 1 : 2;
        info.comp_info[0].v_samp_factor = subsampling == 420 ? 2 : 1;
        info.comp_info[1].h_samp_factor = info.comp_info[1].v_samp_factor = 1;
        info.comp_info[2].h_samp_factor = info.comp_info[2].v_samp_factor = 1;
    }
    jpeg_start_compress(&info, TRUE);
    while (info.next_scanline < info.image_height) {
        auto* row = const_cast<JSAMPROW>(rows[info.next_scanline]);
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    return true;
}

}  // namespace

extern "C" {

int32_t hilcv_encode_jpeg_sampled(const hilcv_view* src, int32_t quality, int32_t subsampling, uint8_t* dst,
                                  int32_t capacity, int32_t* length) {
    return hilcv::guarded("hilcv_encode_jpeg_sampled", [&]() -> int32_t {
        if (src == nullptr || src->data == nullptr || length == nullptr) throw std::invalid_argument("null argument");
        if (src->channels != 1 && src->channels != 3) throw std::invalid_argument("1 (grey) or 3 (BGR) channels expected");
        if (src->width <= 0 || src->height <= 0) throw std::invalid_argument("empty image");
        if (quality < 1 || quality > 100) throw std::invalid_argument("quality must be 1..100");
        if (subsampling != 444 && subsampling != 422 && subsampling != 420) {
            throw std::invalid_argument("subsampling must be 444, 422 or 420");
        }
        std::vector<const uint8_t*> rows(static_cast<size_t>(src->height));
        for (int32_t y = 0; y < src->height; y++) rows[static_cast<size_t>(y)] = src->data + static_cast<ptrdiff_t>(y) * src->stride;
        unsigned char* encoded = nullptr;
        unsigned long size = 0;
        char error[JMSG_LENGTH_MAX] = {0};
        if (!compress(src, quality, subsampling, rows.data(), &encoded, &size, error)) {
            std::free(encoded);
            throw std::runtime_error(std::string("libjpeg: ") + error);
        }
        *length = static_cast<int32_t>(size);
        int32_t rc = 0;
        if (dst == nullptr || static_cast<unsigned long>(capacity) < size) {
            rc = -2;
        } else {
            std::memcpy(dst, encoded, size);
        }
        std::free(encoded);
        return rc;
    });
}

}  // extern "C"
