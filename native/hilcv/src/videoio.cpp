// Video additions: decode/encode into caller memory (no per-frame allocation on the .NET side) and V4L2 capture.
#include "hilcv_common.hpp"
#include "hilcv_videoio.h"
#include <cstring>
#include <opencv2/imgcodecs.hpp>
#include <stdexcept>
#include <vector>
#ifdef HILCV_HAVE_VIDEOIO
#include <opencv2/videoio.hpp>
#endif

struct hilcv_capture {
#ifdef HILCV_HAVE_VIDEOIO
    cv::VideoCapture capture;
#endif
    cv::Mat frame;
    bool raw = false;
};

extern "C" {

int32_t hilcv_decode_into(const uint8_t* bytes, int32_t length, hilcv_view* dst, int64_t dst_capacity) {
    return hilcv::guarded("hilcv_decode_into", [&]() -> int32_t {
        if (bytes == nullptr || length <= 0) throw std::invalid_argument("no bytes to decode");
        cv::Mat target = hilcv::wrap_within(dst, dst_capacity, "dst");
        int flags = target.channels() == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR;
        cv::Mat encoded(1, length, CV_8UC1, const_cast<uint8_t*>(bytes));
        cv::Mat out = target;
        cv::imdecode(encoded, flags, &out);
        if (out.empty()) throw std::runtime_error("not a decodable image (JPEG or PNG expected)");
        if (out.data != target.data) {
            if (out.size() != target.size() || out.type() != target.type()) {
                throw std::runtime_error("decoded image is " + std::to_string(out.cols) + "x" +
                                         std::to_string(out.rows) + ", destination is " +
                                         std::to_string(target.cols) + "x" + std::to_string(target.rows));
            }
            out.copyTo(target);
        }
        return 0;
    });
}

int32_t hilcv_encode_jpeg_into(const hilcv_view* src, int32_t quality, uint8_t* dst, int32_t capacity,
                               int32_t* length, int64_t src_capacity) {
    return hilcv::guarded("hilcv_encode_jpeg_into", [&]() -> int32_t {
        if (length == nullptr) throw std::invalid_argument("length is null");
        if (capacity < 0) throw std::invalid_argument("negative capacity");
        cv::Mat mat = hilcv::wrap_within(src, src_capacity, "src");
        thread_local std::vector<uchar> scratch;
        if (!cv::imencode(".jpg", mat, scratch, {cv::IMWRITE_JPEG_QUALITY, quality})) {
            throw std::runtime_error("encoder refused the image");
        }
        *length = static_cast<int32_t>(scratch.size());
        if (dst == nullptr || capacity < *length) return -2;
        std::memcpy(dst, scratch.data(), scratch.size());
        return 0;
    });
}

int32_t hilcv_videoio_available(void) {
#ifdef HILCV_HAVE_VIDEOIO
    return 1;
#else
    return 0;
#endif
}

int32_t hilcv_capture_open(const char* device, int32_t width, int32_t height, int32_t fps, int32_t buffer_size,
                           hilcv_capture** out) {
    return hilcv::guarded("hilcv_capture_open", [&]() -> int32_t {
        if (device == nullptr || out == nullptr) throw std::invalid_argument("null argument");
        *out = nullptr;
#ifdef HILCV_HAVE_VIDEOIO
        auto* capture = new hilcv_capture{};
        try {
            if (!capture->capture.open(device, cv::CAP_V4L2)) {
                throw std::runtime_error(std::string("cv::VideoCapture(CAP_V4L2) could not open '") + device + "'");
            }
            auto& c = capture->capture;
            c.set(cv::CAP_PROP_FOURCC, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'));
            c.set(cv::CAP_PROP_FRAME_WIDTH, width);
            c.set(cv::CAP_PROP_FRAME_HEIGHT, height);
            c.set(cv::CAP_PROP_FPS, fps);
            c.set(cv::CAP_PROP_BUFFERSIZE, buffer_size);
            // Raw buffers: for MJPG the V4L2 backend then returns the JPEG bytes untouched (we decode them
            // ourselves, full range, at the size in each JPEG's header).
            capture->raw = c.set(cv::CAP_PROP_CONVERT_RGB, 0) && c.get(cv::CAP_PROP_CONVERT_RGB) == 0;
        } catch (...) {
            delete capture;
            throw;
        }
        *out = capture;
        return 0;
#else
        (void)width; (void)height; (void)fps; (void)buffer_size;
        throw std::runtime_error("libhilcv was built without opencv_videoio (install libopencv-videoio-dev)");
#endif
    });
}

int32_t hilcv_capture_info(const hilcv_capture* capture, int32_t* width, int32_t* height, double* fps,
                           int32_t* fourcc, int32_t* raw) {
    return hilcv::guarded("hilcv_capture_info", [&]() -> int32_t {
        if (capture == nullptr) throw std::invalid_argument("capture is null");
#ifdef HILCV_HAVE_VIDEOIO
        auto& c = const_cast<cv::VideoCapture&>(capture->capture);
        if (width) *width = static_cast<int32_t>(c.get(cv::CAP_PROP_FRAME_WIDTH));
        if (height) *height = static_cast<int32_t>(c.get(cv::CAP_PROP_FRAME_HEIGHT));
        if (fps) *fps = c.get(cv::CAP_PROP_FPS);
        if (fourcc) *fourcc = static_cast<int32_t>(c.get(cv::CAP_PROP_FOURCC));
        if (raw) *raw = capture->raw ? 1 : 0;
        return 0;
#else
        (void)width; (void)height; (void)fps; (void)fourcc; (void)raw;
        throw std::runtime_error("built without opencv_videoio");
#endif
    });
}

int32_t hilcv_capture_read(hilcv_capture* capture, const uint8_t** data, int32_t* length, int32_t* width,
                           int32_t* height, int32_t* stride, int32_t* is_jpeg) {
    return hilcv::guarded("hilcv_capture_read", [&]() -> int32_t {
        if (capture == nullptr || data == nullptr || length == nullptr || width == nullptr || height == nullptr ||
            stride == nullptr || is_jpeg == nullptr) {
            throw std::invalid_argument("null argument");
        }
#ifdef HILCV_HAVE_VIDEOIO
        if (!capture->capture.grab()) return -3;
        // Keep the newest: with several V4L2 buffers queued, drop older ready frames (bounded) so the caller sees the
        // latest screen, and a buffer is never the one the driver is refilling.
        try {
            std::vector<cv::VideoCapture> streams{capture->capture};
            std::vector<int> ready;
            for (int extra = 0; extra < 8; ++extra) {
                ready.clear();
                if (!cv::VideoCapture::waitAny(streams, ready, 0) || ready.empty()) break;
                if (!capture->capture.grab()) return -3;
            }
        } catch (const cv::Exception&) {
            // waitAny unsupported by this backend build: the oldest queued frame is used.
        }
        if (!capture->capture.retrieve(capture->frame) || capture->frame.empty()) return -3;
        cv::Mat& f = capture->frame;
        bool jpeg = f.depth() == CV_8U && f.channels() == 1 && f.total() > 2 && f.isContinuous() &&
                    f.data[0] == 0xFF && f.data[1] == 0xD8;
        *data = f.data;
        *is_jpeg = jpeg ? 1 : 0;
        *length = static_cast<int32_t>(f.total() * f.elemSize());
        *width = f.cols;
        *height = f.rows;
        *stride = static_cast<int32_t>(f.step[0]);
        if (!jpeg && f.type() != CV_8UC3) {
            throw std::runtime_error("capture returned an unexpected pixel layout (type " +
                                     std::to_string(f.type()) + ")");
        }
        return 0;
#else
        throw std::runtime_error("built without opencv_videoio");
#endif
    });
}

void hilcv_capture_close(hilcv_capture* capture) {
    try {
        delete capture;
    } catch (...) {
    }
}
}
