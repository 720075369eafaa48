#ifndef CJPEG_SHIM_H
#define CJPEG_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <setjmp.h>
#include <jpeglib.h>

/* libjpeg reports errors by calling error_exit, which must not return: it jumps back into
   callisto_jpeg_decode with the message, so a damaged file is an error and never exits the process. */
struct callisto_jpeg_error {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

static void callisto_jpeg_error_exit(j_common_ptr cinfo) {
    struct callisto_jpeg_error *err = (struct callisto_jpeg_error *)cinfo->err;
    (*cinfo->err->format_message)(cinfo, err->message);
    longjmp(err->jump, 1);
}

static void callisto_jpeg_quiet(j_common_ptr cinfo, int level) { (void)cinfo; (void)level; }

/* Decodes a JPEG held in memory to RGBA, 8 bits per channel (alpha 255). On success returns 0 and
   a malloc'd buffer of width*height*4 bytes in *out (the caller frees it). On failure returns -1
   with a message. Images of more than max_pixels pixels are refused before decoding. */
static inline int callisto_jpeg_decode(const unsigned char *data, unsigned long size, unsigned long max_pixels,
                                       unsigned char **out, int *width, int *height,
                                       char *message, int message_size) {
    struct jpeg_decompress_struct cinfo;
    struct callisto_jpeg_error err;
    unsigned char *volatile pixels = NULL;
    unsigned char *volatile row = NULL;
    *out = NULL;
    err.message[0] = 0;
    cinfo.err = jpeg_std_error(&err.pub);
    err.pub.error_exit = callisto_jpeg_error_exit;
    err.pub.emit_message = callisto_jpeg_quiet;
    if (setjmp(err.jump)) {
        snprintf(message, (size_t)message_size, "%s", err.message);
        jpeg_destroy_decompress(&cinfo);
        free(pixels);
        free(row);
        return -1;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, size);
    jpeg_read_header(&cinfo, TRUE);
    cinfo.out_color_space = JCS_RGB;
    jpeg_start_decompress(&cinfo);
    unsigned long w = cinfo.output_width, h = cinfo.output_height;
    int components = cinfo.output_components;
    if (w == 0 || h == 0 || w * h > max_pixels || (components != 3 && components != 1)) {
        snprintf(message, (size_t)message_size, "%lux%lu is too large", w, h);
        jpeg_destroy_decompress(&cinfo);
        return -1;
    }
    pixels = malloc(w * h * 4);
    row = malloc(w * (unsigned long)components);
    if (!pixels || !row) {
        snprintf(message, (size_t)message_size, "out of memory");
        jpeg_destroy_decompress(&cinfo);
        free(pixels);
        free(row);
        return -1;
    }
    while (cinfo.output_scanline < h) {
        JSAMPROW rows[1] = { row };
        unsigned long y = cinfo.output_scanline;
        if (jpeg_read_scanlines(&cinfo, rows, 1) != 1) break;
        unsigned char *dst = pixels + y * w * 4;
        for (unsigned long x = 0; x < w; x++) {
            const unsigned char *src = row + x * (unsigned long)components;
            dst[4 * x] = src[0];
            dst[4 * x + 1] = components == 3 ? src[1] : src[0];
            dst[4 * x + 2] = components == 3 ? src[2] : src[0];
            dst[4 * x + 3] = 255;
        }
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    free(row);
    *out = pixels;
    *width = (int)w;
    *height = (int)h;
    return 0;
}
#endif
