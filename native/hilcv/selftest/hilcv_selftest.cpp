// A tiny self-test of the built shim, run by ci/native-arm64 under qemu-user: it loads libhilcv through the
// dynamic linker (so OpenCV's arm64 libraries resolve), encodes and decodes a PNG, and finds a template.
#include <cstdio>
#include <cstring>
#include <vector>
#include "hilcv.h"

static int fail(const char* what) {
    std::printf("FAIL %s: %s\n", what, hilcv_last_error() ? hilcv_last_error() : "?");
    return 1;
}

int main() {
    std::printf("hilcv abi %d, OpenCV %s\n", hilcv_abi_version(), hilcv_opencv_version());
    const int w = 64, h = 48;
    std::vector<uint8_t> pixels(w * h, 20);
    for (int y = 10; y < 20; y++) {
        for (int x = 30; x < 42; x++) {
            pixels[y * w + x] = static_cast<uint8_t>(200 + (x + y) % 50);
        }
    }
    hilcv_view grey{};
    grey.data = pixels.data();
    grey.width = w;
    grey.height = h;
    grey.stride = w;
    grey.channels = 1;
    hilcv_buffer* png = nullptr;
    if (hilcv_encode(&grey, ".png", 3, &png) != 0) return fail("encode");
    const uint8_t* bytes = nullptr;
    int32_t length = 0;
    if (hilcv_buffer_data(png, &bytes, &length) != 0) return fail("buffer");
    hilcv_image* decoded = nullptr;
    if (hilcv_decode(bytes, length, 1 /* grey */, &decoded) != 0) return fail("decode");
    hilcv_view view{};
    if (hilcv_image_view(decoded, &view) != 0) return fail("view");
    if (view.width != w || view.height != h) return fail("size after round trip");
    for (int y = 0; y < h; y++) {
        if (std::memcmp(view.data + y * view.stride, pixels.data() + y * w, w) != 0) return fail("pixels after round trip");
    }
    std::printf("PNG round trip %d bytes ok\n", length);
    std::vector<uint8_t> patch(12 * 10);
    for (int y = 0; y < 10; y++) {
        std::memcpy(patch.data() + y * 12, pixels.data() + (y + 10) * w + 30, 12);
    }
    hilcv_view templ{patch.data(), 12, 10, 12, 1};
    double score = 0;
    int32_t x = -1, y = -1;
    if (hilcv_match_best(&view, &templ, nullptr, 5 /* TM_CCOEFF_NORMED */, &score, &x, &y) != 0) return fail("match");
    if (x != 30 || y != 10 || score < 0.99) return fail("match location");
    std::printf("template found at %d,%d score %.3f\n", x, y, score);
    hilcv_image_free(decoded);
    hilcv_buffer_free(png);
    std::printf("hilcv self-test passed\n");
    return 0;
}
