// Shared helpers for the shim: error capture and view <-> cv::Mat wrapping (no copies).
#pragma once
#include "hilcv.h"
#include <opencv2/core.hpp>
#include <string>

namespace hilcv {

void set_error(const std::string& message);
void clear_error();

// Wraps caller memory as a cv::Mat header; throws std::invalid_argument on a malformed view.
cv::Mat wrap(const hilcv_view* view, const char* name);

// Like wrap, and also refuses a view whose last row ends past capacity bytes (the caller's buffer length).
cv::Mat wrap_within(const hilcv_view* view, int64_t capacity, const char* name);

// Runs body, converting every C++ exception into a negative return code and a last-error message.
template <typename F>
int32_t guarded(const char* function, F&& body) {
    try {
        clear_error();
        return body();
    } catch (const cv::Exception& e) {
        set_error(std::string(function) + ": OpenCV: " + e.what());
    } catch (const std::exception& e) {
        set_error(std::string(function) + ": " + e.what());
    } catch (...) {
        set_error(std::string(function) + ": unknown native error");
    }
    return -1;
}

}  // namespace hilcv
