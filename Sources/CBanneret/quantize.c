#include "CBanneret.h"
#include <libimagequant.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Debian builds libimagequant with OpenMP. Banners are encoded from several
 * worker threads at once, and an OpenMP team per call oversubscribes the
 * cores: on a 300x250 banner a team of two took 3-4 times as long as one
 * thread. The setting is per calling thread, so other threads are untouched. */
extern void omp_set_num_threads(int count);

static bnr_status fail(bnr_quantized *out, bnr_status status, const char *what, liq_error error) {
    snprintf(out->error, sizeof out->error, "%s (libimagequant error %d)", what, (int)error);
    return status;
}

bnr_status bnr_quantize(const uint8_t *pixels, uint32_t width, uint32_t height, uint32_t stride,
                        const bnr_quantize_options *options, bnr_quantized *out) {
    memset(out, 0, sizeof *out);
    if (width == 0 || height == 0) { snprintf(out->error, sizeof out->error, "empty image"); return BNR_ERR_UNSUPPORTED; }
    size_t count = (size_t)width * height;
    /* libimagequant wants straight RGBA; Cairo draws premultiplied BGRA. */
    uint8_t *rgba = malloc(count * 4);
    uint8_t *indices = malloc(count);
    if (!rgba || !indices) { free(rgba); free(indices); return BNR_ERR_NO_MEMORY; }
    for (uint32_t y = 0; y < height; y++)
        bnr_unpremultiply_row_to_rgb(pixels + (size_t)y * stride, rgba + (size_t)y * width * 4, width, 1);

    omp_set_num_threads(1);
    bnr_status status = BNR_OK;
    liq_attr *attr = liq_attr_create();
    liq_image *image = NULL;
    liq_result *result = NULL;
    liq_error error = LIQ_OK;
    if (!attr) { status = BNR_ERR_NO_MEMORY; goto done; }
    if ((error = liq_set_max_colors(attr, options->max_colors)) != LIQ_OK ||
        (error = liq_set_quality(attr, options->min_quality, options->max_quality)) != LIQ_OK) {
        status = fail(out, BNR_ERR_UNSUPPORTED, "invalid colour count or quality range", error);
        goto done;
    }
    image = liq_image_create_rgba(attr, rgba, (int)width, (int)height, 0);
    if (!image) { status = fail(out, BNR_ERR_NO_MEMORY, "cannot describe the image", LIQ_OUT_OF_MEMORY); goto done; }
    error = liq_image_quantize(image, attr, &result);
    if (error == LIQ_QUALITY_TOO_LOW) {
        status = fail(out, BNR_ERR_QUALITY, "the minimum quality needs more colours than allowed", error);
        goto done;
    }
    if (error != LIQ_OK) { status = fail(out, BNR_ERR_NO_MEMORY, "quantisation failed", error); goto done; }
    liq_set_dithering_level(result, options->dithering);
    if ((error = liq_write_remapped_image(result, image, indices, count)) != LIQ_OK) {
        status = fail(out, BNR_ERR_NO_MEMORY, "remapping failed", error);
        goto done;
    }
    /* Read after remapping: libimagequant refines the palette while it remaps. */
    const liq_palette *palette = liq_get_palette(result);
    int colors = (int)palette->count;

    /* Translucent entries first, so the tRNS chunk can stop at the last of them. */
    uint8_t order[256], position[256];
    int next = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < colors; i++)
            if ((palette->entries[i].a < 255) == (pass == 0)) order[next++] = (uint8_t)i;
    for (int i = 0; i < colors; i++) {
        liq_color c = palette->entries[order[i]];
        /* Invisible colour is noise to a reader; truecolour PNGs write it as black too. */
        if (c.a == 0) c.r = c.g = c.b = 0;
        position[order[i]] = (uint8_t)i;
        out->palette[i * 4 + 0] = c.r;
        out->palette[i * 4 + 1] = c.g;
        out->palette[i * 4 + 2] = c.b;
        out->palette[i * 4 + 3] = c.a;
    }
    for (size_t i = 0; i < count; i++) indices[i] = position[indices[i]];

    int quality = liq_get_remapping_quality(result);
    out->quality = quality >= 0 ? quality : liq_get_quantization_quality(result);
    out->colors = colors;
    out->indices = indices;
    indices = NULL;

done:
    if (result) liq_result_destroy(result);
    if (image) liq_image_destroy(image);
    if (attr) liq_attr_destroy(attr);
    free(indices);
    free(rgba);
    return status;
}
