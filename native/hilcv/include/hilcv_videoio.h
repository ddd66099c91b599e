/* libhilcv video additions: JPEG decode into caller pixels, JPEG encode into caller bytes, and V4L2 capture
 * through cv::VideoCapture that hands back the device's raw MJPEG buffers when it can. Same conventions as
 * hilcv.h: 0 on success, negative on failure with hilcv_last_error(); no C++ exception crosses the boundary. */
#ifndef HILCV_VIDEOIO_H
#define HILCV_VIDEOIO_H
#include "hilcv.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Decodes JPEG/PNG bytes into dst (pre-sized to the image's size; 3 channels BGR or 1 grey). No allocation
 * beyond the codec's own scratch. Fails when the image's size differs from dst's, and when dst's rows reach past
 * dst_capacity bytes (the caller's buffer length) or its size products overflow. */
HILCV_API int32_t hilcv_decode_into(const uint8_t* bytes, int32_t length, hilcv_view* dst, int64_t dst_capacity);

/* Encodes src as JPEG into dst (capacity bytes); *length receives the size. Returns -2 (and the size needed in
 * *length) when dst is too small. Fails when src's rows reach past src_capacity bytes. */
HILCV_API int32_t hilcv_encode_jpeg_into(const hilcv_view* src, int32_t quality, uint8_t* dst, int32_t capacity,
                                         int32_t* length, int64_t src_capacity);

/* 1 when the shim was built with opencv_videoio, else 0. */
HILCV_API int32_t hilcv_videoio_available(void);

typedef struct hilcv_capture hilcv_capture;

/* Opens a V4L2 device through cv::VideoCapture(CAP_V4L2) asking for MJPG width x height @ fps, a driver queue of
 * buffer_size frames and raw (undecoded) buffers. */
HILCV_API int32_t hilcv_capture_open(const char* device, int32_t width, int32_t height, int32_t fps,
                                     int32_t buffer_size, hilcv_capture** out);

/* What the driver agreed to: size, fps and FOURCC (e.g. 'MJPG' as a little-endian int), and whether read()
 * returns raw JPEG bytes (1) or decoded BGR pixels (0). */
HILCV_API int32_t hilcv_capture_info(const hilcv_capture* capture, int32_t* width, int32_t* height, double* fps,
                                     int32_t* fourcc, int32_t* raw);

/* Grabs and retrieves the next frame. When *is_jpeg is 1, data/length are the JPEG bytes; otherwise data is
 * BGR pixels of width x height with stride. Valid until the next read or close. Returns -3 at end of stream. */
HILCV_API int32_t hilcv_capture_read(hilcv_capture* capture, const uint8_t** data, int32_t* length,
                                     int32_t* width, int32_t* height, int32_t* stride, int32_t* is_jpeg);

HILCV_API void hilcv_capture_close(hilcv_capture* capture);

#ifdef __cplusplus
}
#endif
#endif
