#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <stddef.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
/* C globals as functions: Swift 6 rejects references to mutable C globals. */
static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline int cnc_LINES(void) { return LINES; }
static inline int cnc_COLS(void) { return COLS; }
static inline int cnc_COLORS(void) { return COLORS; }
static inline int cnc_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline void cnc_set_escdelay(int ms) { set_escdelay(ms); }
static inline void cnc_getmaxyx(WINDOW *w, int *y, int *x) { getmaxyx(w, *y, *x); }
static inline void cnc_getyx(WINDOW *w, int *y, int *x) { getyx(w, *y, *x); }
static inline int cnc_KEY_F(int n) { return KEY_F(n); }
static const attr_t CNC_A_NORMAL = A_NORMAL;
static const attr_t CNC_A_UNDERLINE = A_UNDERLINE;
static const attr_t CNC_A_REVERSE = A_REVERSE;
static const attr_t CNC_A_DIM = A_DIM;
static const attr_t CNC_A_BOLD = A_BOLD;
static const attr_t CNC_A_ITALIC = A_ITALIC;
static const attr_t CNC_A_BLINK = A_BLINK;
static inline int cnc_setcchar_ext(cchar_t *wcval, const wchar_t *wch, attr_t attrs, int pair) {
    return setcchar(wcval, wch, attrs, 0, &pair);
}
static inline WINDOW *cnc_curscr(void) { return curscr; }
static inline int cnc_CCHARW_MAX(void) { return CCHARW_MAX; }
/* The terminal size from the kernel; returns 0 on success. */
static inline int cnc_winsize(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return -1;
    *rows = ws.ws_row; *cols = ws.ws_col;
    return 0;
}
/* The window size in pixels from the kernel (0 when the terminal does not say); 0 on success. */
static inline int cnc_winsize_pixels(int fd, int *width, int *height) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return -1;
    *width = ws.ws_xpixel; *height = ws.ws_ypixel;
    return 0;
}
/* A terminfo string capability, or NULL when absent or cancelled. */
static inline const char *cnc_tigetstr(const char *name) {
    char *s = tigetstr(name);
    return (s == (char *)-1 || s == NULL) ? NULL : s;
}
/* The C library's idea of a character's width (what ncurses uses to advance the cursor). */
extern int wcwidth(wchar_t c);
static inline int cnc_wcwidth(wchar_t c) { return wcwidth(c); }
#endif
