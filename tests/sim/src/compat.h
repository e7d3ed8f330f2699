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
/* A second one for RasConnectionNotification's registry (notify.c), taken before the
 * connection table's file lock; the first may be taken while that lock is held. */
void sim_notify_lock(void);
void sim_notify_unlock(void);

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

/* Waiting for another process to change a file (RasConnectionNotification, notify.c).
 * Linux: inotify on the folders plus an eventfd to wake the waiter, so a waiting thread uses
 * no CPU. Windows build: a 20 ms sleep per wait (it compiles, it is not run). */
typedef struct sim_dirwatch sim_dirwatch;
sim_dirwatch *sim_dirwatch_open(void);
/* Watch `dir` for files written or renamed into it. 0 on success. */
int sim_dirwatch_add(sim_dirwatch *w, const char *dir);
/* Block until something in a watched folder changed, sim_dirwatch_wake was called, or
 * timeout_ms passed (-1: no timeout). Returns 1 when woken, 0 on timeout. */
int sim_dirwatch_wait(sim_dirwatch *w, int64_t timeout_ms);
void sim_dirwatch_wake(sim_dirwatch *w);

/* Signal a Win32 event handle (kernel32 SetEvent: the simulated kernel32 on Linux, which the
 * simulated rasapi32 links against as rasapi32.dll imports kernel32.dll). 1 if it is open. */
int sim_set_event(void *event);

#endif
