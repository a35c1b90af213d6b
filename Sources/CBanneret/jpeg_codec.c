#include "CBanneret.h"
#include <stdio.h> /* jpeglib.h needs FILE declared first */
#include <jpeglib.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/* libjpeg reports fatal errors by calling error_exit, which must not return.
 * We longjmp back here, inside C, and turn it into a status. */
typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf escape;
    char message[JMSG_LENGTH_MAX];
} bnr_jpeg_error;

static void bnr_jpeg_error_exit(j_common_ptr info) {
    bnr_jpeg_error *error = (bnr_jpeg_error *)info->err;
    error->base.format_message(info, error->message);
    longjmp(error->escape, 1);
}

/* Warnings (e.g. a truncated scan) must not print to stderr; corrupt-data
 * warnings make us fail rather than ship a grey half-image. */
static void bnr_jpeg_emit_message(j_common_ptr info, int level) {
    bnr_jpeg_error *error = (bnr_jpeg_error *)info->err;
    if (level < 0) error->base.num_warnings++;
}

/* Routes libjpeg's errors and warnings to our handlers instead of stderr and exit(). */
static struct jpeg_error_mgr *bnr_jpeg_error_init(bnr_jpeg_error *error) {
    memset(error, 0, sizeof *error);
    jpeg_std_error(&error->base);
    error->base.error_exit = bnr_jpeg_error_exit;
    error->base.emit_message = bnr_jpeg_emit_message;
    return &error->base;
}

/* A progressive JPEG may hold any number of scans, each a full pass over the
 * coefficients: a few kilobytes of tiny scans keep libjpeg busy for minutes.
 * Real encoders write about ten; libjpeg-turbo's own tools stop at 500. */
#define BNR_JPEG_MAXIMUM_SCANS 500

static void bnr_jpeg_progress(j_common_ptr info) {
    if (!info->is_decompressor) return;
    j_decompress_ptr decompress = (j_decompress_ptr)info;
    if (decompress->input_scan_number > BNR_JPEG_MAXIMUM_SCANS) {
        bnr_jpeg_error *error = (bnr_jpeg_error *)info->err;
        snprintf(error->message, sizeof error->message, "more than %d progressive scans", BNR_JPEG_MAXIMUM_SCANS);
        longjmp(error->escape, 2);
    }
}

static const uint8_t *find_exif(struct jpeg_decompress_struct *info, size_t *length) {
    for (jpeg_saved_marker_ptr m = info->marker_list; m; m = m->next) {
        if (m->marker == JPEG_APP0 + 1 && m->data_length > 6 && memcmp(m->data, "Exif\0\0", 6) == 0) {
            *length = m->data_length - 6;
            return m->data + 6;
        }
    }
    return NULL;
}

bnr_status bnr_jpeg_decode(const uint8_t *data, size_t length, uint64_t max_pixels, bnr_decoded *out) {
    memset(out, 0, sizeof *out);
    struct jpeg_decompress_struct info;
    bnr_jpeg_error error;
    info.err = bnr_jpeg_error_init(&error);
    uint8_t *volatile pixels = NULL;
    uint8_t *volatile cmyk_row = NULL;
    struct jpeg_progress_mgr progress;
    memset(&progress, 0, sizeof progress);
    progress.progress_monitor = bnr_jpeg_progress;
    int escape = setjmp(error.escape);
    if (escape) {
        snprintf(out->error, sizeof out->error, "JPEG: %s", error.message);
        jpeg_destroy_decompress(&info);
        free(pixels);
        free(cmyk_row);
        free(out->exif); /* jpeg_finish_decompress can still fail after the copy */
        out->exif = NULL;
        out->exif_length = 0;
        return escape == 2 ? BNR_ERR_TOO_LARGE : BNR_ERR_CORRUPT;
    }
    jpeg_create_decompress(&info);
    info.progress = &progress;
    jpeg_mem_src(&info, data, (unsigned long)length);
    jpeg_save_markers(&info, JPEG_APP0 + 1, 0xFFFF);
    jpeg_read_header(&info, TRUE);
    if ((uint64_t)info.image_width * info.image_height > max_pixels) {
        snprintf(out->error, sizeof out->error, "JPEG declares %ux%u pixels, over the limit of %llu",
                 info.image_width, info.image_height, (unsigned long long)max_pixels);
        jpeg_destroy_decompress(&info);
        return BNR_ERR_TOO_LARGE;
    }
    int cmyk = info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK;
    /* Photoshop writes CMYK inverted and says so with an Adobe APP14 marker. */
    info.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_BGRA;
    jpeg_start_decompress(&info);
    uint32_t width = info.output_width, height = info.output_height;
    uint32_t stride = width * 4;
    pixels = malloc((size_t)stride * height);
    if (cmyk) cmyk_row = malloc((size_t)width * 4);
    if (!pixels || (cmyk && !cmyk_row)) longjmp(error.escape, 1);
    int inverted = info.saw_Adobe_marker;
    while (info.output_scanline < height) {
        uint8_t *row = pixels + (size_t)info.output_scanline * stride;
        JSAMPROW target = cmyk ? cmyk_row : row;
        jpeg_read_scanlines(&info, &target, 1);
        if (cmyk) {
            for (uint32_t x = 0; x < width; x++) {
                uint32_t c = cmyk_row[x * 4], m = cmyk_row[x * 4 + 1], y = cmyk_row[x * 4 + 2], k = cmyk_row[x * 4 + 3];
                if (!inverted) { c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k; }
                /* Now each value is (255 - ink); RGB = (255 - ink) * (255 - black) / 255. */
                row[x * 4 + 0] = (uint8_t)((y * k + 127) / 255);
                row[x * 4 + 1] = (uint8_t)((m * k + 127) / 255);
                row[x * 4 + 2] = (uint8_t)((c * k + 127) / 255);
                row[x * 4 + 3] = 255;
            }
        }
    }
    if (error.base.num_warnings > 0) {
        snprintf(out->error, sizeof out->error, "JPEG data is truncated or corrupt (%ld warnings)",
                 error.base.num_warnings);
        jpeg_destroy_decompress(&info);
        free(pixels);
        free(cmyk_row);
        return BNR_ERR_CORRUPT;
    }
    size_t exif_length = 0;
    const uint8_t *exif = find_exif(&info, &exif_length);
    if (exif) {
        out->exif = malloc(exif_length);
        if (out->exif) { memcpy(out->exif, exif, exif_length); out->exif_length = exif_length; }
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    free(cmyk_row);
    out->pixels = pixels;
    out->width = width;
    out->height = height;
    out->stride = stride;
    out->has_alpha = 0;
    return BNR_OK;
}

bnr_status bnr_jpeg_encode(const uint8_t *pixels, uint32_t width, uint32_t height, uint32_t stride,
                           int quality, int optimize_tables, int opaque, bnr_encoded *out) {
    memset(out, 0, sizeof *out);
    struct jpeg_compress_struct info;
    bnr_jpeg_error error;
    info.err = bnr_jpeg_error_init(&error);
    /* Both escape into libjpeg by address, so they live in memory across longjmp. */
    unsigned char *destination = NULL;
    unsigned long buffer_length = 0;
    uint8_t *volatile row = NULL;
    if (setjmp(error.escape)) {
        snprintf(out->error, sizeof out->error, "JPEG: %s", error.message);
        jpeg_destroy_compress(&info);
        free(*(unsigned char *volatile *)&destination);
        free(row);
        return BNR_ERR_CORRUPT;
    }
    jpeg_create_compress(&info);
    jpeg_mem_dest(&info, &destination, &buffer_length);
    info.image_width = width;
    info.image_height = height;
    /* Cairo's ARGB32 is B, G, R, A in memory on little-endian machines. */
    info.input_components = opaque ? 4 : 3;
    info.in_color_space = opaque ? JCS_EXT_BGRX : JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, quality, TRUE);
    /* Small coloured text smears under 4:2:0; keep full chroma at high quality. */
    if (quality >= 90) {
        info.comp_info[0].h_samp_factor = 1;
        info.comp_info[0].v_samp_factor = 1;
    }
    info.optimize_coding = optimize_tables ? TRUE : FALSE;
    jpeg_start_compress(&info, TRUE);
    if (opaque) {
        /* Rows straight from the buffer, a batch at a time. */
        JSAMPROW rows[16];
        while (info.next_scanline < height) {
            JDIMENSION count = 0;
            while (count < 16 && info.next_scanline + count < height) {
                rows[count] = (JSAMPROW)(pixels + (size_t)(info.next_scanline + count) * stride);
                count++;
            }
            jpeg_write_scanlines(&info, rows, count);
        }
        jpeg_finish_compress(&info);
        jpeg_destroy_compress(&info);
        out->bytes = destination;
        out->length = buffer_length;
        return BNR_OK;
    }
    row = malloc((size_t)width * 3);
    if (!row) longjmp(error.escape, 1);
    while (info.next_scanline < height) {
        /* Translucent pixels are flattened onto white, the usual page colour. */
        const uint8_t *src = pixels + (size_t)info.next_scanline * stride;
        for (uint32_t x = 0; x < width; x++) {
            uint32_t a = src[x * 4 + 3], white = 255 - a;
            row[x * 3 + 0] = (uint8_t)(src[x * 4 + 2] + white);
            row[x * 3 + 1] = (uint8_t)(src[x * 4 + 1] + white);
            row[x * 3 + 2] = (uint8_t)(src[x * 4 + 0] + white);
        }
        JSAMPROW target = row;
        jpeg_write_scanlines(&info, &target, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    free(row);
    out->bytes = destination;
    out->length = buffer_length;
    return BNR_OK;
}
