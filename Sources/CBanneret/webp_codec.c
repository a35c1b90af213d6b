#include "CBanneret.h"
#include <webp/decode.h>
#include <webp/encode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bnr_status bnr_webp_decode(const uint8_t *data, size_t length, uint64_t max_pixels, bnr_decoded *out) {
    memset(out, 0, sizeof *out);
    WebPBitstreamFeatures features;
    if (WebPGetFeatures(data, length, &features) != VP8_STATUS_OK) {
        snprintf(out->error, sizeof out->error, "WebP header is invalid");
        return BNR_ERR_CORRUPT;
    }
    if (features.width <= 0 || features.height <= 0 ||
        (uint64_t)features.width * (uint64_t)features.height > max_pixels) {
        snprintf(out->error, sizeof out->error, "WebP declares %dx%d pixels, over the limit of %llu",
                 features.width, features.height, (unsigned long long)max_pixels);
        return BNR_ERR_TOO_LARGE;
    }
    if (features.has_animation) {
        snprintf(out->error, sizeof out->error, "animated WebP is not supported");
        return BNR_ERR_UNSUPPORTED;
    }
    uint32_t stride = (uint32_t)features.width * 4;
    size_t size = (size_t)stride * (uint32_t)features.height;
    uint8_t *pixels = malloc(size);
    if (!pixels) return BNR_ERR_NO_MEMORY;
    if (!WebPDecodeBGRAInto(data, length, pixels, size, (int)stride)) {
        free(pixels);
        snprintf(out->error, sizeof out->error, "WebP data is truncated or corrupt");
        return BNR_ERR_CORRUPT;
    }
    out->pixels = pixels;
    out->width = (uint32_t)features.width;
    out->height = (uint32_t)features.height;
    out->stride = stride;
    out->has_alpha = bnr_premultiply_bgra(pixels, out->width, out->height, stride);
    return BNR_OK;
}

bnr_status bnr_webp_encode(const uint8_t *pixels, uint32_t width, uint32_t height, uint32_t stride,
                           int quality, int lossless, bnr_encoded *out) {
    memset(out, 0, sizeof *out);
    /* WebP wants straight alpha. */
    uint32_t rgba_stride = width * 4;
    uint8_t *rgba = malloc((size_t)rgba_stride * height);
    if (!rgba) return BNR_ERR_NO_MEMORY;
    for (uint32_t y = 0; y < height; y++)
        bnr_unpremultiply_row_to_rgb(pixels + (size_t)y * stride, rgba + (size_t)y * rgba_stride, width, 1);
    uint8_t *output = NULL;
    size_t length = lossless
        ? WebPEncodeLosslessRGBA(rgba, (int)width, (int)height, (int)rgba_stride, &output)
        : WebPEncodeRGBA(rgba, (int)width, (int)height, (int)rgba_stride, (float)quality, &output);
    free(rgba);
    if (length == 0) {
        snprintf(out->error, sizeof out->error, "WebP encoder failed");
        return BNR_ERR_CORRUPT;
    }
    /* WebP's buffer comes from its own allocator; hand the caller a malloc'd copy. */
    out->bytes = malloc(length);
    if (!out->bytes) { WebPFree(output); return BNR_ERR_NO_MEMORY; }
    memcpy(out->bytes, output, length);
    out->length = length;
    WebPFree(output);
    return BNR_OK;
}
