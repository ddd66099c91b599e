// Image decode/encode through OpenCV's imgcodecs.
#include "hilcv_common.hpp"
#include <opencv2/imgcodecs.hpp>
#include <stdexcept>
#include <vector>

struct hilcv_image {
    cv::Mat mat;
};

struct hilcv_buffer {
    std::vector<uchar> bytes;
};

extern "C" {

int32_t hilcv_decode(const uint8_t* bytes, int32_t length, int32_t mode, hilcv_image** out) {
    return hilcv::guarded("hilcv_decode", [&]() -> int32_t {
        if (out == nullptr) throw std::invalid_argument("out is null");
        *out = nullptr;
        if (bytes == nullptr || length <= 0) throw std::invalid_argument("no bytes to decode");
        int flags = mode == 1 ? cv::IMREAD_GRAYSCALE : mode == 2 ? cv::IMREAD_UNCHANGED : cv::IMREAD_COLOR;
        cv::Mat encoded(1, length, CV_8UC1, const_cast<uint8_t*>(bytes));
        cv::Mat decoded = cv::imdecode(encoded, flags);
        if (decoded.empty()) throw std::runtime_error("not a decodable image (PNG, JPEG, BMP or PPM expected)");
        if (decoded.depth() != CV_8U) decoded.convertTo(decoded, CV_8U, 1.0 / 256.0);
        *out = new hilcv_image{decoded};
        return 0;
    });
}

int32_t hilcv_image_view(const hilcv_image* image, hilcv_view* out) {
    return hilcv::guarded("hilcv_image_view", [&]() -> int32_t {
        if (image == nullptr || out == nullptr) throw std::invalid_argument("null argument");
        out->data = image->mat.data;
        out->width = image->mat.cols;
        out->height = image->mat.rows;
        out->stride = static_cast<int32_t>(image->mat.step[0]);
        out->channels = image->mat.channels();
        return 0;
    });
}

void hilcv_image_free(hilcv_image* image) { delete image; }

int32_t hilcv_encode(const hilcv_view* src, const char* extension, int32_t param, hilcv_buffer** out) {
    return hilcv::guarded("hilcv_encode", [&]() -> int32_t {
        if (out == nullptr || extension == nullptr) throw std::invalid_argument("null argument");
        *out = nullptr;
        cv::Mat mat = hilcv::wrap(src, "src");
        std::string ext(extension);
        std::vector<int> params;
        if (ext == ".png") {
            params = {cv::IMWRITE_PNG_COMPRESSION, param};
        } else if (ext == ".jpg" || ext == ".jpeg") {
            params = {cv::IMWRITE_JPEG_QUALITY, param};
        } else {
            throw std::invalid_argument("unsupported extension '" + ext + "' (.png or .jpg expected)");
        }
        auto* buffer = new hilcv_buffer{};
        try {
            if (!cv::imencode(ext, mat, buffer->bytes, params)) throw std::runtime_error("encoder refused the image");
        } catch (...) {
            delete buffer;
            throw;
        }
        *out = buffer;
        return 0;
    });
}

int32_t hilcv_buffer_data(const hilcv_buffer* buffer, const uint8_t** data, int32_t* length) {
    return hilcv::guarded("hilcv_buffer_data", [&]() -> int32_t {
        if (buffer == nullptr || data == nullptr || length == nullptr) throw std::invalid_argument("null argument");
        *data = buffer->bytes.data();
        *length = static_cast<int32_t>(buffer->bytes.size());
        return 0;
    });
}

void hilcv_buffer_free(hilcv_buffer* buffer) { delete buffer; }
}
