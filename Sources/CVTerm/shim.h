#ifndef CVTERM_SHIM_H
#define CVTERM_SHIM_H
#include <stdbool.h>
#include <vterm.h>
static inline bool cvt_color_is_indexed(const VTermColor *c) { return VTERM_COLOR_IS_INDEXED(c); }
static inline bool cvt_color_is_rgb(const VTermColor *c) { return VTERM_COLOR_IS_RGB(c); }
static inline bool cvt_color_is_default_fg(const VTermColor *c) { return VTERM_COLOR_IS_DEFAULT_FG(c); }
static inline bool cvt_color_is_default_bg(const VTermColor *c) { return VTERM_COLOR_IS_DEFAULT_BG(c); }
#endif
