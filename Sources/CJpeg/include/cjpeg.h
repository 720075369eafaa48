#ifndef CJPEG_H
#define CJPEG_H
#include <stddef.h>
#include <stdint.h>

/// Decodes a JPEG image to RGBA8 pixels with libjpeg. libjpeg reports errors by longjmp, which must
/// not cross Swift frames, so the whole decode (and its error handling) happens in C.
///
/// Returns 0 and sets *pixels (malloc'd, width*height*4 bytes; free with cjpeg_free), *width and
/// *height; or returns -1 with a message in `error` (NUL-terminated, at most error_size bytes).
/// Images larger than max_side per side or max_pixels in total are refused before decoding.
int cjpeg_decode_rgba(const uint8_t *data, size_t size, uint32_t max_side, size_t max_pixels,
                      uint8_t **pixels, uint32_t *width, uint32_t *height, char *error, size_t error_size);

/// Frees pixels returned by cjpeg_decode_rgba.
void cjpeg_free(uint8_t *pixels);

#endif
