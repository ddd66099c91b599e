// Colour conversion, resizing and template matching over caller-owned pixels (no copies in or out).
#include "hilcv_common.hpp"
#include <opencv2/imgproc.hpp>
#include <stdexcept>

extern "C" {

int32_t hilcv_cvt_color(const hilcv_view* src, hilcv_view* dst, int32_t code) {
    return hilcv::guarded("hilcv_cvt_color", [&]() -> int32_t {
        cv::Mat in = hilcv::wrap(src, "src");
        cv::Mat out = hilcv::wrap(dst, "dst");
        cv::Mat converted;
        cv::cvtColor(in, converted, code);
        if (converted.size() != out.size() || converted.type() != out.type()) {
            throw std::invalid_argument("dst does not have the converted size and channel count");
        }
        converted.copyTo(out);
        return 0;
    });
}

int32_t hilcv_resize(const hilcv_view* src, hilcv_view* dst, int32_t interpolation) {
    return hilcv::guarded("hilcv_resize", [&]() -> int32_t {
        cv::Mat in = hilcv::wrap(src, "src");
        cv::Mat out = hilcv::wrap(dst, "dst");
        if (in.channels() != out.channels()) throw std::invalid_argument("src and dst channel counts differ");
        cv::resize(in, out, out.size(), 0, 0, interpolation);
        return 0;
    });
}

static void check_match_args(const cv::Mat& img, const cv::Mat& tpl) {
    if (img.channels() != tpl.channels()) throw std::invalid_argument("image and template channel counts differ");
    if (tpl.cols > img.cols || tpl.rows > img.rows) {
        throw std::invalid_argument("template (" + std::to_string(tpl.cols) + "x" + std::to_string(tpl.rows) +
                                    ") is larger than the image (" + std::to_string(img.cols) + "x" +
                                    std::to_string(img.rows) + ")");
    }
}

int32_t hilcv_match_template(const hilcv_view* image, const hilcv_view* templ, const hilcv_view* mask, int32_t method,
                             float* result, int32_t result_stride) {
    return hilcv::guarded("hilcv_match_template", [&]() -> int32_t {
        cv::Mat img = hilcv::wrap(image, "image");
        cv::Mat tpl = hilcv::wrap(templ, "templ");
        check_match_args(img, tpl);
        if (result == nullptr) throw std::invalid_argument("result is null");
        int rw = img.cols - tpl.cols + 1;
        int rh = img.rows - tpl.rows + 1;
        if (result_stride < rw * static_cast<int32_t>(sizeof(float))) throw std::invalid_argument("result stride too short");
        cv::Mat out(rh, rw, CV_32FC1, result, static_cast<size_t>(result_stride));
        cv::Mat computed;
        if (mask != nullptr) {
            cv::matchTemplate(img, tpl, computed, method, hilcv::wrap(mask, "mask"));
        } else {
            cv::matchTemplate(img, tpl, computed, method);
        }
        computed.copyTo(out);
        return 0;
    });
}

int32_t hilcv_min_max_loc(const float* data, int32_t width, int32_t height, int32_t stride, double* min_value,
                          double* max_value, int32_t* min_x, int32_t* min_y, int32_t* max_x, int32_t* max_y) {
    return hilcv::guarded("hilcv_min_max_loc", [&]() -> int32_t {
        if (data == nullptr || width <= 0 || height <= 0) throw std::invalid_argument("empty matrix");
        cv::Mat m(height, width, CV_32FC1, const_cast<float*>(data), static_cast<size_t>(stride));
        cv::Point lo, hi;
        cv::minMaxLoc(m, min_value, max_value, &lo, &hi);
        if (min_x) *min_x = lo.x;
        if (min_y) *min_y = lo.y;
        if (max_x) *max_x = hi.x;
        if (max_y) *max_y = hi.y;
        return 0;
    });
}

int32_t hilcv_match_best(const hilcv_view* image, const hilcv_view* templ, const hilcv_view* mask, int32_t method,
                         double* score, int32_t* x, int32_t* y) {
    return hilcv::guarded("hilcv_match_best", [&]() -> int32_t {
        cv::Mat img = hilcv::wrap(image, "image");
        cv::Mat tpl = hilcv::wrap(templ, "templ");
        check_match_args(img, tpl);
        if (score == nullptr || x == nullptr || y == nullptr) throw std::invalid_argument("null output");
        cv::Mat result;
        if (mask != nullptr) {
            cv::matchTemplate(img, tpl, result, method, hilcv::wrap(mask, "mask"));
        } else {
            cv::matchTemplate(img, tpl, result, method);
        }
        double lo = 0, hi = 0;
        cv::Point loAt, hiAt;
        cv::minMaxLoc(result, &lo, &hi, &loAt, &hiAt);
        bool lowerIsBetter = method == cv::TM_SQDIFF || method == cv::TM_SQDIFF_NORMED;
        *score = lowerIsBetter ? lo : hi;
        *x = lowerIsBetter ? loAt.x : hiAt.x;
        *y = lowerIsBetter ? loAt.y : hiAt.y;
        return 0;
    });
}
}
