#ifndef CPOSIXSPAWN_SHIM_H
#define CPOSIXSPAWN_SHIM_H
/* posix_spawn extensions that Swift's Glibc module hides (they need _GNU_SOURCE). */
#include <spawn.h>
#include <signal.h>

#if defined(__linux__)
int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *__restrict actions,
                                         const char *__restrict path);
int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);
/* glibc's POSIX_SPAWN_SETSID (bits/spawn.h). */
static const short cps_spawn_setsid = 0x80;
static const int cps_have_closefrom = 1;
#else
static inline int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from) {
    (void)actions; (void)from; return 0;
}
static const short cps_spawn_setsid = POSIX_SPAWN_SETSID;
static const int cps_have_closefrom = 0;
#endif

static const short cps_spawn_setsigdef = POSIX_SPAWN_SETSIGDEF;
static const short cps_spawn_setsigmask = POSIX_SPAWN_SETSIGMASK;
#endif
