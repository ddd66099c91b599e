// Matching helpers for the needle matcher: pyramids, blur, region statistics, frame differences.
#include "hilcv_common.hpp"
#include "hilcv_matching.h"
#include <opencv2/imgproc.hpp>
#include <stdexcept>

namespace {
thread_local cv::Mat diff_scratch;
thread_local cv::Mat diff_max;
thread_local cv::Mat mask_copy;
thread_local cv::Mat match_scratch;
}  // namespace

extern "C" {

int32_t hilcv_pyr_down(const hilcv_view* src, hilcv_view* dst) {
    return hilcv::guarded("hilcv_pyr_down", [&]() -> int32_t {
        cv::Mat in = hilcv::wrap(src, "src");
        cv::Mat out = hilcv::wrap(dst, "dst");
        if (in.channels() != out.channels()) throw std::invalid_argument("src and dst channel counts differ");
        if (out.cols != (in.cols + 1) / 2 || out.rows != (in.rows + 1) / 2) {
            throw std::invalid_argument("dst must be half the size of src, rounded up");
        }
        cv::pyrDown(in, out, out.size());
        return 0;
    });
}

int32_t hilcv_gaussian_blur(const hilcv_view* src, hilcv_view* dst, int32_t ksize) {
    return hilcv::guarded("hilcv_gaussian_blur", [&]() -> int32_t {
        cv::Mat in = hilcv::wrap(src, "src");
        cv::Mat out = hilcv::wrap(dst, "dst");
        if (in.size() != out.size() || in.type() != out.type()) throw std::invalid_argument("src and dst differ in size or type");
        if (ksize < 1 || ksize % 2 == 0) throw std::invalid_argument("ksize must be odd and positive");
        cv::GaussianBlur(in, out, cv::Size(ksize, ksize), 0, 0, cv::BORDER_REPLICATE);
        return 0;
    });
}

int32_t hilcv_mean_std(const hilcv_view* src, const hilcv_view* mask, double* mean4, double* std4) {
    return hilcv::guarded("hilcv_mean_std", [&]() -> int32_t {
        cv::Mat in = hilcv::wrap(src, "src");
        if (mean4 == nullptr || std4 == nullptr) throw std::invalid_argument("null output");
        cv::Scalar mean, stddev;
        if (mask != nullptr) {
            cv::Mat m = hilcv::wrap(mask, "mask");
            if (m.size() != in.size() || m.channels() != 1) throw std::invalid_argument("mask must be 1-channel, src-sized");
            cv::meanStdDev(in, mean, stddev, m);
        } else {
            cv::meanStdDev(in, mean, stddev);
        }
        for (int i = 0; i < 4; i++) {
            mean4[i] = mean[i];
            std4[i] = stddev[i];
        }
        return 0;
    });
}

int32_t hilcv_frame_diff(const hilcv_view* a, const hilcv_view* b, int32_t threshold, const int32_t* ignore_xywh,
                         int32_t ignore_count, int64_t* changed, int32_t* x, int32_t* y, int32_t* w, int32_t* h) {
    return hilcv::guarded("hilcv_frame_diff", [&]() -> int32_t {
        cv::Mat ma = hilcv::wrap(a, "a");
        cv::Mat mb = hilcv::wrap(b, "b");
        if (ma.size() != mb.size() || ma.type() != mb.type()) throw std::invalid_argument("frames differ in size or format");
        if (changed == nullptr || x == nullptr || y == nullptr || w == nullptr || h == nullptr) {
            throw std::invalid_argument("null output");
        }
        if (ignore_count > 0 && ignore_xywh == nullptr) throw std::invalid_argument("ignore rectangles are null");
        cv::absdiff(ma, mb, diff_scratch);
        if (diff_scratch.channels() == 1) {
            diff_max = diff_scratch;
        } else {
            cv::Mat planes[4];
            cv::split(diff_scratch, planes);
            cv::max(planes[0], planes[1], diff_max);
            cv::max(diff_max, planes[2], diff_max);
        }
        cv::threshold(diff_max, diff_max, threshold, 255, cv::THRESH_BINARY);
        cv::Rect frame(0, 0, diff_max.cols, diff_max.rows);
        for (int32_t i = 0; i < ignore_count; i++) {
            cv::Rect r(ignore_xywh[i * 4], ignore_xywh[i * 4 + 1], ignore_xywh[i * 4 + 2], ignore_xywh[i * 4 + 3]);
            r &= frame;
            if (r.area() > 0) diff_max(r).setTo(0);
        }
        *changed = cv::countNonZero(diff_max);
        cv::Rect box = *changed > 0 ? cv::boundingRect(diff_max) : cv::Rect();
        *x = box.x;
        *y = box.y;
        *w = box.width;
        *h = box.height;
        return 0;
    });
}

int32_t hilcv_diff_image(const hilcv_view* a, const hilcv_view* b, hilcv_view* dst) {
    return hilcv::guarded("hilcv_diff_image", [&]() -> int32_t {
        cv::Mat ma = hilcv::wrap(a, "a");
        cv::Mat mb = hilcv::wrap(b, "b");
        cv::Mat out = hilcv::wrap(dst, "dst");
        if (ma.size() != mb.size() || ma.type() != mb.type() || out.size() != ma.size() || out.type() != ma.type()) {
            throw std::invalid_argument("a, b and dst must have one size and type");
        }
        if (ma.channels() != 3) throw std::invalid_argument("BGR views expected");
        cv::Mat grey, diff, diffGrey, base;
        cv::cvtColor(ma, grey, cv::COLOR_BGR2GRAY);
        cv::cvtColor(grey, base, cv::COLOR_GRAY2BGR);
        base.convertTo(base, -1, 0.35, 0);  // the needle, dimmed, for orientation
        cv::absdiff(ma, mb, diff);
        cv::cvtColor(diff, diffGrey, cv::COLOR_BGR2GRAY);
        cv::Mat amplified;
        diffGrey.convertTo(amplified, -1, 3.0, 0);
        cv::Mat red(ma.size(), CV_8UC3, cv::Scalar(0, 0, 0));
        cv::Mat planes[3] = {cv::Mat::zeros(ma.size(), CV_8UC1), cv::Mat::zeros(ma.size(), CV_8UC1), amplified};
        cv::merge(planes, 3, red);
        cv::add(base, red, out);
        return 0;
    });
}
int32_t hilcv_match_template_masked(const hilcv_view* image, const hilcv_view* templ, const hilcv_view* mask,
                                    int32_t method, float* result, int32_t result_stride) {
    return hilcv::guarded("hilcv_match_template_masked", [&]() -> int32_t {
        cv::Mat img = hilcv::wrap(image, "image");
        cv::Mat tpl = hilcv::wrap(templ, "templ");
        if (img.channels() != tpl.channels()) throw std::invalid_argument("image and template channel counts differ");
        if (tpl.cols > img.cols || tpl.rows > img.rows) throw std::invalid_argument("template is larger than the image");
        if (result == nullptr) throw std::invalid_argument("result is null");
        int rw = img.cols - tpl.cols + 1;
        int rh = img.rows - tpl.rows + 1;
        if (result_stride < rw * static_cast<int32_t>(sizeof(float))) throw std::invalid_argument("result stride too short");
        cv::Mat out(rh, rw, CV_32FC1, result, static_cast<size_t>(result_stride));
        if (mask != nullptr) {
            hilcv::wrap(mask, "mask").copyTo(mask_copy);
            cv::matchTemplate(img, tpl, match_scratch, method, mask_copy);
        } else {
            cv::matchTemplate(img, tpl, match_scratch, method);
        }
        match_scratch.copyTo(out);
        return 0;
    });
}
}

extern "C" {

int32_t hilcv_grey_blur3(const hilcv_view* src, hilcv_view* dst) {
    return hilcv::guarded("hilcv_grey_blur3", [&]() -> int32_t {
        cv::Mat in = hilcv::wrap(src, "src");
        cv::Mat out = hilcv::wrap(dst, "dst");
        if (out.channels() != 1) throw std::invalid_argument("dst must be 1-channel (grey)");
        if (in.size() != out.size()) throw std::invalid_argument("src and dst differ in size");
        if (in.channels() != 1 && in.channels() != 3) throw std::invalid_argument("src must be grey or BGR");
        cv::Mat grey;
        if (in.channels() == 3) {
            cv::cvtColor(in, grey, cv::COLOR_BGR2GRAY);
        } else {
            grey = in.clone();
        }
        // openQA: 3x3 Gaussian, sigma derived from the kernel, OpenCV's default border (reflect 101)
        cv::GaussianBlur(grey, out, cv::Size(3, 3), 0, 0, cv::BORDER_DEFAULT);
        return 0;
    });
}

int32_t hilcv_confirm_absdiff(const hilcv_view* image, const hilcv_view* templ, const hilcv_view* mask,
                              int32_t normed, double threshold, int32_t erode_passes, int64_t* remaining) {
    return hilcv::guarded("hilcv_confirm_absdiff", [&]() -> int32_t {
        cv::Mat img = hilcv::wrap(image, "image");
        cv::Mat tpl = hilcv::wrap(templ, "templ");
        if (remaining == nullptr) throw std::invalid_argument("remaining is null");
        if (img.size() != tpl.size() || img.type() != tpl.type()) throw std::invalid_argument("image and template differ in size or type");
        if (img.channels() != 1 && img.channels() != 3) throw std::invalid_argument("grey or BGR views expected");
        if (threshold < 0 || threshold > 1) throw std::invalid_argument("threshold must be within 0..1");
        if (erode_passes < 0 || erode_passes > 16) throw std::invalid_argument("erode_passes must be within 0..16");
        cv::Mat m;
        if (mask != nullptr) {
            m = hilcv::wrap(mask, "mask");
            if (m.size() != tpl.size() || m.channels() != 1) throw std::invalid_argument("mask must be 1-channel, template-sized");
        }
        cv::Mat a, b;
        if (img.channels() == 3) {
            cv::cvtColor(img, a, cv::COLOR_BGR2GRAY);
            cv::cvtColor(tpl, b, cv::COLOR_BGR2GRAY);
        } else {
            a = img.clone();
            b = tpl.clone();
        }
        if (normed != 0) {
            cv::normalize(a, a, 0, 255, cv::NORM_MINMAX, -1, m);
            cv::normalize(b, b, 0, 255, cv::NORM_MINMAX, -1, m);
        }
        if (!m.empty()) {
            cv::Mat keep = m == 255;
            a.setTo(0, ~keep);
            b.setTo(0, ~keep);
        }
        cv::Mat diff, thresholded;
        cv::absdiff(a, b, diff);
        cv::threshold(diff, thresholded, static_cast<int>(threshold * 255), 255, cv::THRESH_BINARY);
        if (erode_passes > 0) {
            cv::erode(thresholded, thresholded, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(3, 3)), cv::Point(-1, -1), erode_passes);
        }
        *remaining = cv::countNonZero(thresholded);
        return 0;
    });
}
}
