/* libhilcv capture-model additions: JPEG with a chosen chroma subsampling. OpenCV 4.6's imencode always writes
 * 4:2:0 (IMWRITE_JPEG_SAMPLING_FACTOR arrived in 4.7), so this calls libjpeg (libjpeg62-turbo, which OpenCV's
 * imgcodecs already loads) directly. Same conventions as hilcv.h. */
#ifndef HILCV_CAPTURE_H
#define HILCV_CAPTURE_H
#include "hilcv.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Encodes BGR (3 channels) or grey (1 channel) src as a baseline JPEG at quality 1..100 into dst (capacity
 * bytes); *length receives the size. subsampling: 444, 422 (chroma halved horizontally, what USB capture chips
 * such as the MS2109 send) or 420; grey ignores it. Returns -2 (and the size needed in *length) when dst is too
 * small. */
HILCV_API int32_t hilcv_encode_jpeg_sampled(const hilcv_view* src, int32_t quality, int32_t subsampling,
                                            uint8_t* dst, int32_t capacity, int32_t* length);

#ifdef __cplusplus
}
#endif
#endif
