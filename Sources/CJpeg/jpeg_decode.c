#include "cjpeg.h"
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

struct cjpeg_error {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

static void cjpeg_error_exit(j_common_ptr cinfo) {
    struct cjpeg_error *err = (struct cjpeg_error *)cinfo->err;
    err->base.format_message(cinfo, err->message);
    longjmp(err->jump, 1);
}

static void cjpeg_silent(j_common_ptr cinfo, int level) { (void)cinfo; (void)level; }

int cjpeg_decode_rgba(const uint8_t *data, size_t size, uint32_t max_side, size_t max_pixels,
                      uint8_t **pixels, uint32_t *width, uint32_t *height, char *error, size_t error_size) {
    struct jpeg_decompress_struct cinfo;
    struct cjpeg_error err;
    uint8_t *volatile out = NULL;
    uint8_t *volatile row = NULL;
    *pixels = NULL;
    memset(&cinfo, 0, sizeof cinfo);
    cinfo.err = jpeg_std_error(&err.base);
    err.base.error_exit = cjpeg_error_exit;
    err.base.emit_message = cjpeg_silent;
    err.message[0] = 0;
    if (setjmp(err.jump)) {
        snprintf(error, error_size, "%s", err.message[0] ? err.message : "invalid JPEG data");
        jpeg_destroy_decompress(&cinfo);
        free(out);
        free(row);
        return -1;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    if (cinfo.image_width == 0 || cinfo.image_height == 0 || cinfo.image_width > max_side || cinfo.image_height > max_side
        || (size_t)cinfo.image_width * cinfo.image_height > max_pixels) {
        snprintf(error, error_size, "%ux%u is too large", cinfo.image_width, cinfo.image_height);
        jpeg_destroy_decompress(&cinfo);
        return -1;
    }
    cinfo.out_color_space = JCS_RGB;
    jpeg_start_decompress(&cinfo);
    uint32_t w = cinfo.output_width, h = cinfo.output_height;
    out = malloc((size_t)w * h * 4);
    row = malloc((size_t)w * cinfo.output_components);
    if (!out || !row) {
        snprintf(error, error_size, "out of memory");
        jpeg_destroy_decompress(&cinfo);
        free(out);
        free(row);
        return -1;
    }
    while (cinfo.output_scanline < h) {
        uint32_t y = cinfo.output_scanline;
        JSAMPROW line = row;
        jpeg_read_scanlines(&cinfo, &line, 1);
        uint8_t *dst = out + (size_t)y * w * 4;
        for (uint32_t x = 0; x < w; x++) {
            const uint8_t *src = row + (size_t)x * cinfo.output_components;
            dst[4 * x] = src[0];
            dst[4 * x + 1] = cinfo.output_components >= 3 ? src[1] : src[0];
            dst[4 * x + 2] = cinfo.output_components >= 3 ? src[2] : src[0];
            dst[4 * x + 3] = 255;
        }
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    free(row);
    *pixels = out;
    *width = w;
    *height = h;
    return 0;
}

void cjpeg_free(uint8_t *pixels) { free(pixels); }
