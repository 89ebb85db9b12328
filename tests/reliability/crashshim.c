/* LD_PRELOAD shim for the crash harness: SIGKILLs the process just before its Nth write-side
 * system call on an investigation file (*.utredning, its -journal, temp files), so a test can
 * stop a writer at every I/O step inside a SQLite commit, deterministically.
 *
 * CRASH_SYSCALL_AT=N  kill before the Nth counted call (N >= 1); 0 = only count.
 * At normal exit the count is printed to stderr as "crashshim-calls N".
 *
 * CRASHSHIM_LOG=FILE  also log every such call (with the bytes written) to FILE, for the
 * power-loss replay in powerloss.py: "W path offset length\n" + data, "S path\n" (fsync),
 * "T path length\n", "U path\n", "R old\nnew\n", "C path\n" (created).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>
#include <fcntl.h>
#include <stdarg.h>

static long target = -1;
static long counted = 0;
static int log_fd = -1;

__attribute__((constructor)) static void crashshim_init(void) {
    const char *value = getenv("CRASH_SYSCALL_AT");
    if (value != NULL) target = atol(value);
    const char *log_path = getenv("CRASHSHIM_LOG");
    if (log_path != NULL) {
        static __typeof__(open) *real_open;
        real_open = dlsym(RTLD_NEXT, "open");
        log_fd = real_open(log_path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0644);
    }
}

static void log_raw(const void *data, size_t n) {
    static __typeof__(write) *real_write;
    if (log_fd < 0) return;
    if (!real_write) real_write = dlsym(RTLD_NEXT, "write");
    const char *p = data;
    while (n > 0) {
        ssize_t done = real_write(log_fd, p, n);
        if (done <= 0) return;
        p += done;
        n -= (size_t)done;
    }
}

static void log_line(const char *fmt, ...) {
    char buf[8192];
    va_list ap;
    if (log_fd < 0) return;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0) log_raw(buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

__attribute__((destructor)) static void crashshim_done(void) {
    if (target >= 0) fprintf(stderr, "crashshim-calls %ld\n", counted);
}

static int ours_path(const char *path) {
    return path != NULL && strstr(path, ".utredning") != NULL;
}

static char fd_path_buf[4096];

static int ours_fd(int fd) {
    char link[64];
    if (fd == log_fd) return 0;
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, fd_path_buf, sizeof fd_path_buf - 1);
    if (n < 0) return 0;
    fd_path_buf[n] = '\0';
    return ours_path(fd_path_buf);
}

static void tick(void) {
    if (target < 0) return;
    counted++;
    if (target > 0 && counted >= target) kill(getpid(), SIGKILL);
}

#define REAL(name) static __typeof__(name) *real; if (!real) real = dlsym(RTLD_NEXT, #name)

static void log_write(const char *path, long long off, const void *buf, ssize_t done) {
    if (done <= 0) return;
    log_line("W %s %lld %lld\n", path, off, (long long)done);
    log_raw(buf, (size_t)done);
}

ssize_t write(int fd, const void *buf, size_t n) {
    REAL(write);
    if (!ours_fd(fd)) return real(fd, buf, n);
    tick();
    char path[4096];
    strcpy(path, fd_path_buf);
    off_t off = lseek(fd, 0, SEEK_CUR);
    ssize_t done = real(fd, buf, n);
    log_write(path, (long long)off, buf, done);
    return done;
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off) {
    REAL(pwrite);
    if (!ours_fd(fd)) return real(fd, buf, n, off);
    tick();
    char path[4096];
    strcpy(path, fd_path_buf);
    ssize_t done = real(fd, buf, n, off);
    log_write(path, (long long)off, buf, done);
    return done;
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off) {
    REAL(pwrite64);
    if (!ours_fd(fd)) return real(fd, buf, n, off);
    tick();
    char path[4096];
    strcpy(path, fd_path_buf);
    ssize_t done = real(fd, buf, n, off);
    log_write(path, (long long)off, buf, done);
    return done;
}

int fsync(int fd) {
    REAL(fsync);
    if (!ours_fd(fd)) return real(fd);
    tick();
    log_line("S %s\n", fd_path_buf);
    return real(fd);
}

int fdatasync(int fd) {
    REAL(fdatasync);
    if (!ours_fd(fd)) return real(fd);
    tick();
    log_line("S %s\n", fd_path_buf);
    return real(fd);
}

int ftruncate(int fd, off_t len) {
    REAL(ftruncate);
    if (!ours_fd(fd)) return real(fd, len);
    tick();
    log_line("T %s %lld\n", fd_path_buf, (long long)len);
    return real(fd, len);
}

int unlink(const char *path) {
    REAL(unlink);
    if (!ours_path(path)) return real(path);
    tick();
    log_line("U %s\n", path);
    return real(path);
}

int rename(const char *old, const char *new) {
    REAL(rename);
    if (!(ours_path(old) || ours_path(new))) return real(old, new);
    tick();
    log_line("R %s\n%s\n", old, new);
    return real(old, new);
}

static void log_created(const char *path, int flags, int fd) {
    if (fd >= 0 && (flags & O_CREAT) && ours_path(path)) log_line("C %s\n", path);
}

int open(const char *path, int flags, ...) {
    REAL(open);
    mode_t mode = 0;
    if (flags & O_CREAT) {
        va_list ap;
        va_start(ap, flags);
        mode = va_arg(ap, mode_t);
        va_end(ap);
    }
    int fd = real(path, flags, mode);
    log_created(path, flags, fd);
    return fd;
}

int open64(const char *path, int flags, ...) {
    REAL(open64);
    mode_t mode = 0;
    if (flags & O_CREAT) {
        va_list ap;
        va_start(ap, flags);
        mode = va_arg(ap, mode_t);
        va_end(ap);
    }
    int fd = real(path, flags, mode);
    log_created(path, flags, fd);
    return fd;
}
