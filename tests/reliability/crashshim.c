/* LD_PRELOAD shim for the crash harness: SIGKILLs the process just before its Nth write-side
 * system call on an investigation file (*.utredning, its -journal, temp files), so a test can
 * stop a writer at every I/O step inside a SQLite commit, deterministically.
 *
 * CRASH_SYSCALL_AT=N  kill before the Nth counted call (N >= 1); 0 = only count.
 * At normal exit the count is printed to stderr as "crashshim-calls N".
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static long target = -1;
static long counted = 0;

__attribute__((constructor)) static void crashshim_init(void) {
    const char *value = getenv("CRASH_SYSCALL_AT");
    if (value != NULL) target = atol(value);
}

__attribute__((destructor)) static void crashshim_done(void) {
    if (target >= 0) fprintf(stderr, "crashshim-calls %ld\n", counted);
}

static int ours_path(const char *path) {
    return path != NULL && strstr(path, ".utredning") != NULL;
}

static int ours_fd(int fd) {
    char link[64];
    char buf[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, buf, sizeof buf - 1);
    if (n < 0) return 0;
    buf[n] = '\0';
    return ours_path(buf);
}

static void tick(void) {
    if (target < 0) return;
    counted++;
    if (target > 0 && counted >= target) kill(getpid(), SIGKILL);
}

#define REAL(name) static __typeof__(name) *real; if (!real) real = dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *buf, size_t n) {
    REAL(write);
    if (ours_fd(fd)) tick();
    return real(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off) {
    REAL(pwrite);
    if (ours_fd(fd)) tick();
    return real(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off) {
    REAL(pwrite64);
    if (ours_fd(fd)) tick();
    return real(fd, buf, n, off);
}

int fsync(int fd) {
    REAL(fsync);
    if (ours_fd(fd)) tick();
    return real(fd);
}

int fdatasync(int fd) {
    REAL(fdatasync);
    if (ours_fd(fd)) tick();
    return real(fd);
}

int ftruncate(int fd, off_t len) {
    REAL(ftruncate);
    if (ours_fd(fd)) tick();
    return real(fd, len);
}

int unlink(const char *path) {
    REAL(unlink);
    if (ours_path(path)) tick();
    return real(path);
}

int rename(const char *old, const char *new) {
    REAL(rename);
    if (ours_path(old) || ours_path(new)) tick();
    return real(old, new);
}
