#include "CBanneret.h"
#include <stdlib.h>

void bnr_free(void *pointer) { free(pointer); }

/* Returns 1 when some pixel is translucent; premultiplies in place. */
int bnr_premultiply_bgra(uint8_t *pixels, uint32_t width, uint32_t height, uint32_t stride) {
    int translucent = 0;
    for (uint32_t y = 0; y < height; y++) {
        uint8_t *p = pixels + (size_t)y * stride;
        for (uint32_t x = 0; x < width; x++, p += 4) {
            uint32_t a = p[3];
            if (a == 255) continue;
            translucent = 1;
            /* (v * a + 127) / 255 without a division: exact for 8-bit values. */
            for (int c = 0; c < 3; c++) {
                uint32_t t = p[c] * a + 128;
                p[c] = (uint8_t)((t + (t >> 8)) >> 8);
            }
        }
    }
    return translucent;
}

/* Cairo stores premultiplied colour; PNG, JPEG and WebP want straight colour in RGB order. */
void bnr_unpremultiply_row_to_rgb(const uint8_t *bgra, uint8_t *out, uint32_t width, int keep_alpha) {
    for (uint32_t x = 0; x < width; x++, bgra += 4) {
        uint32_t a = bgra[3];
        uint8_t r = bgra[2], g = bgra[1], b = bgra[0];
        if (a != 255 && a != 0) {
            r = (uint8_t)((r * 255u + a / 2) / a);
            g = (uint8_t)((g * 255u + a / 2) / a);
            b = (uint8_t)((b * 255u + a / 2) / a);
        } else if (a == 0) {
            r = g = b = 0;
        }
        *out++ = r; *out++ = g; *out++ = b;
        if (keep_alpha) *out++ = (uint8_t)a;
    }
}

void bnr_halve_bgra(const uint8_t *src, uint32_t width, uint32_t height, uint32_t stride,
                    uint8_t *dst, uint32_t dst_stride) {
    uint32_t out_w = width / 2 ? width / 2 : 1, out_h = height / 2 ? height / 2 : 1;
    for (uint32_t y = 0; y < out_h; y++) {
        uint32_t y0 = y * 2, y1 = y0 + 1 < height ? y0 + 1 : y0;
        const uint8_t *r0 = src + (size_t)y0 * stride, *r1 = src + (size_t)y1 * stride;
        uint8_t *d = dst + (size_t)y * dst_stride;
        for (uint32_t x = 0; x < out_w; x++) {
            uint32_t x0 = x * 2, x1 = x0 + 1 < width ? x0 + 1 : x0;
            for (int c = 0; c < 4; c++) {
                uint32_t sum = r0[x0 * 4 + c] + r0[x1 * 4 + c] + r1[x0 * 4 + c] + r1[x1 * 4 + c];
                d[x * 4 + c] = (uint8_t)((sum + 2) >> 2);
            }
        }
    }
}
