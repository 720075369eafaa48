#ifndef CVTERM_SHIM_H
#define CVTERM_SHIM_H
#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include <vterm.h>

static inline bool cvt_color_is_indexed(const VTermColor *c) { return VTERM_COLOR_IS_INDEXED(c); }
static inline bool cvt_color_is_rgb(const VTermColor *c) { return VTERM_COLOR_IS_RGB(c); }
static inline bool cvt_color_is_default_fg(const VTermColor *c) { return VTERM_COLOR_IS_DEFAULT_FG(c); }
static inline bool cvt_color_is_default_bg(const VTermColor *c) { return VTERM_COLOR_IS_DEFAULT_BG(c); }

/* ---- Packed colours ----------------------------------------------------------------------------
 * Cell styles are packed into 64 bits (see TerminalEmulator's PackedCell): bits 0-25 foreground,
 * 26-51 background, 52-57 attributes. A colour is 2 bits of kind (0 default, 1 indexed, 2 rgb)
 * above 24 bits of value. */
static inline uint32_t cvt_pack_color(const VTermColor *c, bool foreground) {
    if (foreground ? VTERM_COLOR_IS_DEFAULT_FG(c) : VTERM_COLOR_IS_DEFAULT_BG(c)) return 0;
    if (VTERM_COLOR_IS_INDEXED(c)) return (1u << 24) | c->indexed.idx;
    return (2u << 24) | ((uint32_t)c->rgb.red << 16) | ((uint32_t)c->rgb.green << 8) | c->rgb.blue;
}

static inline VTermKey cvt_key_function(int n) { return (VTermKey)(VTERM_KEY_FUNCTION_0 + n); }

/* ---- Child process on a pty ------------------------------------------------------------------
 * Everything between fork and exec happens here, in C: the Swift runtime may have other threads,
 * so the child only calls async-signal-safe functions. argv, envp, path and cwd are prepared by
 * the parent. Returns the child's pid in the parent (or -1 with errno), never returns in the child. */
static inline pid_t cvt_spawn_on_pty(int *master, unsigned short rows, unsigned short cols, const char *path,
                                     char *const argv[], char *const envp[], const char *cwd) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    ws.ws_row = rows;
    ws.ws_col = cols;
    pid_t pid = forkpty(master, NULL, NULL, &ws);
    if (pid != 0) return pid;
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    for (int s = 1; s < NSIG; s++) {
        if (s != SIGKILL && s != SIGSTOP) signal(s, SIG_DFL);
    }
    if (cwd && chdir(cwd) != 0) {
        static const char msg[] = "callisto: cannot enter the working directory\r\n";
        (void)!write(2, msg, sizeof msg - 1);
    }
    execve(path, argv, envp);
    static const char failed[] = "callisto: cannot run ";
    (void)!write(2, failed, sizeof failed - 1);
    (void)!write(2, path, strlen(path));
    (void)!write(2, "\r\n", 2);
    _exit(127);
}

static inline int cvt_set_winsize(int fd, unsigned short rows, unsigned short cols) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    ws.ws_row = rows;
    ws.ws_col = cols;
    return ioctl(fd, TIOCSWINSZ, &ws);
}

static inline int cvt_set_nonblocking_cloexec(int fd) {
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0) return -1;
    int fdfl = fcntl(fd, F_GETFD);
    if (fdfl < 0 || fcntl(fd, F_SETFD, fdfl | FD_CLOEXEC) < 0) return -1;
    return 0;
}

static inline bool cvt_wifexited(int status) { return WIFEXITED(status); }
static inline int cvt_wexitstatus(int status) { return WEXITSTATUS(status); }
static inline bool cvt_wifsignaled(int status) { return WIFSIGNALED(status); }
static inline int cvt_wtermsig(int status) { return WTERMSIG(status); }
static inline int cvt_errno(void) { return errno; }
#endif
