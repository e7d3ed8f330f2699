/*
 * compat.h - the small portability shim: time, sleeping, threads, a process-local mutex,
 * a cross-process file lock, directory creation and atomic file replacement.
 * POSIX (flock, pthread, unistd) on Linux; Win32 (LockFileEx, CreateThread, SRWLOCK,
 * MoveFileExA) when built as rasapi32sim.dll with mingw-w64.
 */
#ifndef RASSIM_COMPAT_H
#define RASSIM_COMPAT_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

#ifdef _WIN32
#define RASSIM_EXPORT __declspec(dllexport)
#else
#define RASSIM_EXPORT __attribute__((visibility("default")))
#endif

/* Wall-clock milliseconds (CLOCK_REALTIME): every process sees the same progress. */
int64_t sim_now_ms(void);
void sim_sleep_ms(int64_t ms);
int sim_getpid(void);

/* One process-wide lock for the simulator's in-memory caches. */
void sim_mutex_lock(void);
void sim_mutex_unlock(void);

/* Start a detached thread running fn(arg). Returns 0 on success. */
int sim_thread_start(void (*fn)(void *), void *arg);

/* Exclusive cross-process lock on a lock file (created if missing). NULL on failure. */
typedef struct sim_flock sim_flock;
sim_flock *sim_lock_file(const char *path);
void sim_unlock_file(sim_flock *lock);

/* mkdir -p for the folder part of `path` (everything before the last '/'). 0 on success. */
int sim_mkdirs_for(const char *path);
/* Write `len` bytes to `path` atomically: temp file in the same folder, fsync, rename. */
int sim_write_atomic(const char *path, const char *data, size_t len);
/* As sim_write_atomic; owner_only creates the file readable by its owner only (0600). Both
 * first remove "<path>.tmp*" left by a save that was killed (callers hold the file's lock). */
int sim_write_atomic_mode(const char *path, const char *data, size_t len, bool owner_only);
/* Read a whole file (NUL-terminated copy). Returns 0, or -1 missing, -2 too big, -3 I/O error. */
int sim_read_file(const char *path, size_t cap, char **out, size_t *len);
int sim_file_exists(const char *path);
void sim_random_bytes(uint8_t *out, size_t n);

#endif
