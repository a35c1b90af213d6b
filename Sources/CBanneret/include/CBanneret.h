#ifndef CBANNERET_H
#define CBANNERET_H

#include <stddef.h>
#include <stdint.h>

/* Codec shims for Banneret. Pixels cross this boundary as Cairo's ARGB32:
 * premultiplied, native-endian 32-bit words, i.e. B, G, R, A bytes in memory on
 * little-endian machines. Every function reports failure through its return
 * value and a NUL-terminated message; none of them longjmps into Swift. */

#define BNR_ERROR_CAPACITY 256

typedef enum {
    BNR_OK = 0,
    BNR_ERR_CORRUPT = 1,       /* the codec rejected the data */
    BNR_ERR_TOO_LARGE = 2,     /* header declares more pixels than allowed */
    BNR_ERR_UNSUPPORTED = 3,   /* valid data we cannot represent */
    BNR_ERR_NO_MEMORY = 4,
    BNR_ERR_QUALITY = 5,       /* the quantiser could not reach the minimum quality asked for */
} bnr_status;

typedef struct {
    uint8_t *pixels;       /* premultiplied BGRA, malloc'd; free with bnr_free */
    uint32_t width;
    uint32_t height;
    uint32_t stride;       /* bytes per row */
    uint8_t *exif;         /* raw EXIF payload (TIFF header onwards) or NULL */
    size_t exif_length;
    int has_alpha;         /* 1 if any pixel is not fully opaque */
    char error[BNR_ERROR_CAPACITY];
} bnr_decoded;

typedef struct {
    uint8_t *bytes;        /* malloc'd; free with bnr_free */
    size_t length;
    char error[BNR_ERROR_CAPACITY];
} bnr_encoded;

void bnr_free(void *pointer);

/* Decoders. max_pixels is checked against the header before any pixel is decoded. */
bnr_status bnr_png_decode(const uint8_t *data, size_t length, uint64_t max_pixels, bnr_decoded *out);
bnr_status bnr_jpeg_decode(const uint8_t *data, size_t length, uint64_t max_pixels, bnr_decoded *out);
bnr_status bnr_webp_decode(const uint8_t *data, size_t length, uint64_t max_pixels, bnr_decoded *out);

/* Encoders. Input is premultiplied BGRA as drawn by Cairo. */
bnr_status bnr_png_encode(const uint8_t *pixels, uint32_t width, uint32_t height, uint32_t stride,
                          int compression_level, bnr_encoded *out);
/* optimize_tables: a second pass for image-specific Huffman tables, about 10 %
   smaller and 40 % slower; the pixels are the same either way. opaque: every
   alpha is 255, so libjpeg-turbo reads the BGRX rows in place (no conversion). */
bnr_status bnr_jpeg_encode(const uint8_t *pixels, uint32_t width, uint32_t height, uint32_t stride,
                           int quality, int optimize_tables, int opaque, bnr_encoded *out);
bnr_status bnr_webp_encode(const uint8_t *pixels, uint32_t width, uint32_t height, uint32_t stride,
                           int quality, int lossless, bnr_encoded *out);

/* Palette quantisation through libimagequant, for PNGs that must shrink to fit
 * a byte budget. The quantiser adds colours until it reaches max_quality or
 * max_colors; if it cannot reach min_quality it fails with BNR_ERR_QUALITY. */
typedef struct {
    int max_colors;            /* 2...256 */
    int min_quality;           /* 0...100 */
    int max_quality;           /* min_quality...100 */
    float dithering;           /* 0 (none) ... 1 (full Floyd-Steinberg) */
} bnr_quantize_options;

typedef struct {
    uint8_t *indices;          /* width * height palette indices, row by row; malloc'd, free with bnr_free */
    uint8_t palette[256 * 4];  /* straight RGBA; translucent entries first, so tRNS can stop early */
    int colors;
    int quality;               /* libimagequant's 0...100 estimate of the remapped image's fidelity */
    char error[BNR_ERROR_CAPACITY];
} bnr_quantized;

bnr_status bnr_quantize(const uint8_t *pixels, uint32_t width, uint32_t height, uint32_t stride,
                        const bnr_quantize_options *options, bnr_quantized *out);

/* Indexed PNG (colour type 3) from bnr_quantize's output: PLTE, tRNS when some
 * entry is translucent, and 1, 2 or 4 bits per pixel when the palette is small. */
bnr_status bnr_png_encode_indexed(const uint8_t *indices, uint32_t width, uint32_t height,
                                  const uint8_t *palette_rgba, int colors, int compression_level,
                                  bnr_encoded *out);

/* Shared pixel helpers. */
int bnr_premultiply_bgra(uint8_t *pixels, uint32_t width, uint32_t height, uint32_t stride);
void bnr_unpremultiply_row_to_rgb(const uint8_t *bgra, uint8_t *rgb, uint32_t width, int keep_alpha);

/* Halves an image with a 2x2 box filter (premultiplied, so colours stay correct
 * at edges); odd trailing rows/columns are folded into the last output pixel. */
void bnr_halve_bgra(const uint8_t *src, uint32_t width, uint32_t height, uint32_t stride,
                    uint8_t *dst, uint32_t dst_stride);

/* SHA-256 through libcrypto, streaming. ctx is opaque. */
void *bnr_sha256_new(void);
void bnr_sha256_update(void *ctx, const void *data, size_t length);
void bnr_sha256_finish(void *ctx, uint8_t digest[32]); /* also frees ctx */


/// Flushes every dirty page of the filesystem holding `fd` (syncfs(2)): one
/// sync for a batch of staged files instead of one fsync each.
int bnr_syncfs(int fd);
/* rename(2) that fails with EEXIST instead of replacing an existing target
 * (renameat2 RENAME_NOREPLACE, which Swift's Glibc module does not export).
 * Returns 0, or -1 with errno set; EINVAL where the filesystem lacks it. */
int bnr_rename_noreplace(const char *from, const char *to);

/* Hands the free pages of every glibc malloc arena back to the system
 * (malloc_trim(0)). Returns 1 if any memory was released. */
int bnr_malloc_trim(void);

#endif
