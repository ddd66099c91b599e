/* libhilcv matching helpers: pyramids, blur, region statistics and frame differences for the needle matcher.
 * Same conventions as hilcv.h: 0 on success, negative on failure with hilcv_last_error(); caller-owned pixels. */
#ifndef HILCV_MATCHING_H
#define HILCV_MATCHING_H
#include "hilcv.h"

#ifdef __cplusplus
extern "C" {
#endif

/* cv::pyrDown into dst, which must be ((W+1)/2) x ((H+1)/2) with src's channel count. */
HILCV_API int32_t hilcv_pyr_down(const hilcv_view* src, hilcv_view* dst);

/* cv::GaussianBlur with a square kernel (odd ksize, sigma 0 = derived from ksize); src and dst may alias. */
HILCV_API int32_t hilcv_gaussian_blur(const hilcv_view* src, hilcv_view* dst, int32_t ksize);

/* cv::meanStdDev per channel (up to 4); mask may be NULL (8-bit, non-zero = counted). */
HILCV_API int32_t hilcv_mean_std(const hilcv_view* src, const hilcv_view* mask, double* mean4, double* std4);

/* Pixels whose largest per-channel absolute difference exceeds threshold, outside the ignore rectangles
 * (x, y, w, h quadruples). Reports the count and the bounding box of the changed pixels (0,0,0,0 when none). */
HILCV_API int32_t hilcv_frame_diff(const hilcv_view* a, const hilcv_view* b, int32_t threshold,
                                   const int32_t* ignore_xywh, int32_t ignore_count,
                                   int64_t* changed, int32_t* x, int32_t* y, int32_t* w, int32_t* h);

/* Per-pixel visual diff of two equally sized BGR views into dst (BGR): |a-b| amplified, changed pixels tinted red. */
HILCV_API int32_t hilcv_diff_image(const hilcv_view* a, const hilcv_view* b, hilcv_view* dst);

/* cv::matchTemplate with a mask, like hilcv_match_template, but on a private copy of the mask: OpenCV 4.6
 * thresholds an 8-bit mask in place (255 -> 1), which would corrupt a caller's shared, read-only mask. */
HILCV_API int32_t hilcv_match_template_masked(const hilcv_view* image, const hilcv_view* templ, const hilcv_view* mask,
                                              int32_t method, float* result, int32_t result_stride);

/* openQA's preparation of a scene or needle: BGR (or grey) -> grey, then a 3x3 Gaussian (sigma from the kernel)
 * with OpenCV's default border. dst is a 1-channel view of src's size. */
HILCV_API int32_t hilcv_grey_blur3(const hilcv_view* src, hilcv_view* dst);

/* stb-tester's confirm step on two equally sized views (grey or BGR, converted to grey): optionally min-max
 * normalise both (within mask), zero masked-out pixels, |a-b| > threshold*255, erode erode_passes times with a 3x3
 * ellipse; remaining = pixels still set (0 = confirmed). mask may be NULL (8-bit, 255 = counted). */
HILCV_API int32_t hilcv_confirm_absdiff(const hilcv_view* image, const hilcv_view* templ, const hilcv_view* mask,
                                        int32_t normed, double threshold, int32_t erode_passes, int64_t* remaining);

#ifdef __cplusplus
}
#endif
#endif
