#include "hilcv_common.hpp"
#include <stdexcept>

namespace {
thread_local std::string last_error;
}

namespace hilcv {

void set_error(const std::string& message) { last_error = message; }
void clear_error() { last_error.clear(); }

cv::Mat wrap(const hilcv_view* view, const char* name) {
    if (view == nullptr || view->data == nullptr) {
        throw std::invalid_argument(std::string(name) + " is null");
    }
    if (view->width <= 0 || view->height <= 0) {
        throw std::invalid_argument(std::string(name) + " is empty (" + std::to_string(view->width) + "x" +
                                    std::to_string(view->height) + ")");
    }
    if (view->channels != 1 && view->channels != 3 && view->channels != 4) {
        throw std::invalid_argument(std::string(name) + " has " + std::to_string(view->channels) +
                                    " channels; 1, 3 or 4 expected");
    }
    if (static_cast<int64_t>(view->stride) < static_cast<int64_t>(view->width) * view->channels) {
        throw std::invalid_argument(std::string(name) + " stride " + std::to_string(view->stride) +
                                    " is shorter than a row");
    }
    return cv::Mat(view->height, view->width, CV_8UC(view->channels), view->data, static_cast<size_t>(view->stride));
}

cv::Mat wrap_within(const hilcv_view* view, int64_t capacity, const char* name) {
    cv::Mat mat = wrap(view, name);
    const int64_t needed = static_cast<int64_t>(view->stride) * (view->height - 1) +
                           static_cast<int64_t>(view->width) * view->channels;
    if (capacity <= 0 || needed > capacity) {
        throw std::invalid_argument(std::string(name) + " is " + std::to_string(view->width) + "x" +
                                    std::to_string(view->height) + " (" + std::to_string(needed) +
                                    " bytes) but its buffer holds " + std::to_string(capacity) + " bytes");
    }
    return mat;
}

}  // namespace hilcv

extern "C" {

int32_t hilcv_abi_version(void) { return 1; }

const char* hilcv_last_error(void) { return last_error.c_str(); }

const char* hilcv_opencv_version(void) { return CV_VERSION; }
}
