#include "CBanneret.h"
#include <libdeflate.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- decode: libpng's simplified API handles palette+tRNS, 16-bit, grey and
 * interlaced files and reports errors without longjmp reaching the caller. */

bnr_status bnr_png_decode(const uint8_t *data, size_t length, uint64_t max_pixels, bnr_decoded *out) {
    memset(out, 0, sizeof *out);
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data, length)) {
        snprintf(out->error, sizeof out->error, "PNG header: %s", image.message);
        return BNR_ERR_CORRUPT;
    }
    if (image.width == 0 || image.height == 0 ||
        (uint64_t)image.width * (uint64_t)image.height > max_pixels) {
        snprintf(out->error, sizeof out->error, "PNG declares %ux%u pixels, over the limit of %llu",
                 image.width, image.height, (unsigned long long)max_pixels);
        png_image_free(&image);
        return BNR_ERR_TOO_LARGE;
    }
    image.format = PNG_FORMAT_BGRA;
    uint32_t stride = image.width * 4;
    uint8_t *pixels = malloc((size_t)stride * image.height);
    if (!pixels) { png_image_free(&image); return BNR_ERR_NO_MEMORY; }
    if (!png_image_finish_read(&image, NULL, pixels, (png_int_32)stride, NULL)) {
        snprintf(out->error, sizeof out->error, "PNG data: %s", image.message);
        free(pixels);
        png_image_free(&image);
        return BNR_ERR_CORRUPT;
    }
    out->pixels = pixels;
    out->width = image.width;
    out->height = image.height;
    out->stride = stride;
    out->has_alpha = bnr_premultiply_bgra(pixels, image.width, image.height, stride);
    png_image_free(&image);
    return BNR_OK;
}

/* ---- encode: our own PNG writer. Filtering per row, one libdeflate stream,
 * CRCs from libdeflate. Cairo's own writer goes through zlib at its default
 * level and is several times slower for the same size. */

static void put_u32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 24); p[1] = (uint8_t)(v >> 16); p[2] = (uint8_t)(v >> 8); p[3] = (uint8_t)v;
}

static uint8_t *put_chunk(uint8_t *p, const char type[4], const uint8_t *body, size_t length) {
    put_u32(p, (uint32_t)length);
    memcpy(p + 4, type, 4);
    if (length) memcpy(p + 8, body, length);
    uint32_t crc = libdeflate_crc32(0, p + 4, length + 4);
    put_u32(p + 8 + length, crc);
    return p + 12 + length;
}

/* Per row, Sub or Up, whichever gives the smaller sum of absolute signed
 * bytes (the PNG spec's heuristic). Measured on banners, choosing between
 * these two alone gives smaller files than adding Paeth and Average, at
 * about twice the speed: flat fills repeat row to row (Up), text and
 * gradients change along the row (Sub). */
static void filter_row(const uint8_t *row, const uint8_t *prev, size_t n, int bpp, uint8_t *dst) {
    int use_up = 0;
    if (prev) {
        unsigned long sum_up = 0, sum_sub = 0;
        for (size_t i = 0; i < (size_t)bpp; i++) {
            uint8_t u = (uint8_t)(row[i] - prev[i]);
            sum_up += u < 128 ? u : 256 - u;
            sum_sub += row[i] < 128 ? row[i] : 256 - row[i];
        }
        for (size_t i = bpp; i < n; i++) {
            uint8_t u = (uint8_t)(row[i] - prev[i]), s = (uint8_t)(row[i] - row[i - bpp]);
            sum_up += u < 128 ? u : 256 - u;
            sum_sub += s < 128 ? s : 256 - s;
        }
        use_up = sum_up <= sum_sub;
    }
    if (use_up) {
        dst[0] = 2;
        for (size_t i = 0; i < n; i++) dst[1 + i] = (uint8_t)(row[i] - prev[i]);
    } else {
        dst[0] = 1;
        for (size_t i = 0; i < (size_t)bpp; i++) dst[1 + i] = row[i];
        for (size_t i = bpp; i < n; i++) dst[1 + i] = (uint8_t)(row[i] - row[i - bpp]);
    }
}

/* Frames filtered rows as a PNG file: signature, IHDR, optional PLTE and tRNS,
 * one IDAT compressed straight into place, IEND. Does not free raw. */
static bnr_status assemble(uint32_t width, uint32_t height, uint8_t bit_depth, uint8_t colour_type,
                           const uint8_t *plte, size_t plte_length, const uint8_t *trns, size_t trns_length,
                           const uint8_t *raw, size_t raw_length, int level, bnr_encoded *out) {
    struct libdeflate_compressor *compressor = libdeflate_alloc_compressor(level);
    if (!compressor) return BNR_ERR_NO_MEMORY;
    size_t bound = libdeflate_zlib_compress_bound(compressor, raw_length);
    size_t total_bound = 8 + 25 + (plte_length ? 12 + plte_length : 0) + (trns_length ? 12 + trns_length : 0)
        + 12 + bound + 12;
    uint8_t *file = malloc(total_bound);
    if (!file) { libdeflate_free_compressor(compressor); return BNR_ERR_NO_MEMORY; }

    static const uint8_t signature[8] = {137, 80, 78, 71, 13, 10, 26, 10};
    memcpy(file, signature, 8);
    uint8_t ihdr[13];
    put_u32(ihdr, width); put_u32(ihdr + 4, height);
    ihdr[8] = bit_depth; ihdr[9] = colour_type; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
    uint8_t *p = put_chunk(file + 8, "IHDR", ihdr, 13);
    if (plte_length) p = put_chunk(p, "PLTE", plte, plte_length);
    if (trns_length) p = put_chunk(p, "tRNS", trns, trns_length);

    /* Compress straight into the IDAT body, then frame it. */
    uint8_t *idat = p;
    size_t compressed = libdeflate_zlib_compress(compressor, raw, raw_length, idat + 8, bound);
    libdeflate_free_compressor(compressor);
    if (compressed == 0) { free(file); snprintf(out->error, sizeof out->error, "deflate failed"); return BNR_ERR_NO_MEMORY; }
    put_u32(idat, (uint32_t)compressed);
    memcpy(idat + 4, "IDAT", 4);
    put_u32(idat + 8 + compressed, libdeflate_crc32(0, idat + 4, compressed + 4));
    p = idat + 12 + compressed;
    p = put_chunk(p, "IEND", NULL, 0);

    out->bytes = file;
    out->length = (size_t)(p - file);
    return BNR_OK;
}

bnr_status bnr_png_encode(const uint8_t *pixels, uint32_t width, uint32_t height, uint32_t stride,
                          int level, bnr_encoded *out) {
    memset(out, 0, sizeof *out);
    if (width == 0 || height == 0) { snprintf(out->error, sizeof out->error, "empty image"); return BNR_ERR_UNSUPPORTED; }
    int opaque = 1;
    for (uint32_t y = 0; y < height && opaque; y++) {
        const uint8_t *p = pixels + (size_t)y * stride;
        for (uint32_t x = 0; x < width; x++) if (p[x * 4 + 3] != 255) { opaque = 0; break; }
    }
    int bpp = opaque ? 3 : 4;
    size_t row_bytes = (size_t)width * bpp;
    size_t raw_length = (row_bytes + 1) * height;
    uint8_t *raw = malloc(raw_length);
    uint8_t *rows = malloc(row_bytes * 2); /* current and previous source rows */
    if (!raw || !rows) { free(raw); free(rows); return BNR_ERR_NO_MEMORY; }
    uint8_t *current = rows, *previous = NULL, *spare = rows + row_bytes;
    for (uint32_t y = 0; y < height; y++) {
        bnr_unpremultiply_row_to_rgb(pixels + (size_t)y * stride, current, width, !opaque);
        filter_row(current, previous, row_bytes, bpp, raw + y * (row_bytes + 1));
        previous = current;
        uint8_t *t = spare; spare = current; current = t;
    }
    free(rows);
    bnr_status status = assemble(width, height, 8, opaque ? 2 : 6, NULL, 0, NULL, 0, raw, raw_length, level, out);
    free(raw);
    return status;
}

/* Rows are written unfiltered (filter type None): the PNG specification
 * advises it for palette images, whose indices are not magnitudes, so
 * differences between neighbours carry no meaning for deflate to exploit. */
bnr_status bnr_png_encode_indexed(const uint8_t *indices, uint32_t width, uint32_t height,
                                  const uint8_t *palette_rgba, int colors, int level, bnr_encoded *out) {
    memset(out, 0, sizeof *out);
    if (width == 0 || height == 0) { snprintf(out->error, sizeof out->error, "empty image"); return BNR_ERR_UNSUPPORTED; }
    if (colors < 1 || colors > 256) {
        snprintf(out->error, sizeof out->error, "a palette holds 1...256 colours, not %d", colors);
        return BNR_ERR_UNSUPPORTED;
    }
    uint8_t depth = colors <= 2 ? 1 : colors <= 4 ? 2 : colors <= 16 ? 4 : 8;
    size_t row_bytes = ((size_t)width * depth + 7) / 8;
    size_t raw_length = (row_bytes + 1) * height;
    uint8_t *raw = calloc(raw_length, 1);
    if (!raw) return BNR_ERR_NO_MEMORY;
    int per_byte = 8 / depth;
    for (uint32_t y = 0; y < height; y++) {
        uint8_t *row = raw + y * (row_bytes + 1);
        const uint8_t *source = indices + (size_t)y * width;
        row[0] = 0;
        if (depth == 8) { memcpy(row + 1, source, width); continue; }
        /* Leftmost pixel in the most significant bits. */
        for (uint32_t x = 0; x < width; x++) {
            int shift = 8 - depth * (int)(x % per_byte + 1);
            row[1 + x / per_byte] |= (uint8_t)((source[x] & ((1 << depth) - 1)) << shift);
        }
    }
    uint8_t plte[256 * 3], trns[256];
    size_t trns_length = 0;
    for (int i = 0; i < colors; i++) {
        plte[i * 3 + 0] = palette_rgba[i * 4 + 0];
        plte[i * 3 + 1] = palette_rgba[i * 4 + 1];
        plte[i * 3 + 2] = palette_rgba[i * 4 + 2];
        trns[i] = palette_rgba[i * 4 + 3];
        if (trns[i] != 255) trns_length = (size_t)i + 1;
    }
    bnr_status status = assemble(width, height, depth, 3, plte, (size_t)colors * 3, trns, trns_length,
                                 raw, raw_length, level, out);
    free(raw);
    return status;
}
