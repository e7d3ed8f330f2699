/* compat.c - see compat.h. The only file with #ifdef _WIN32 in it. */
#ifndef _WIN32
#define _GNU_SOURCE
#endif
#include "compat.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#ifdef _WIN32
#include <direct.h>
#include <fcntl.h>
#include <io.h>
#include <process.h>
#include <windows.h>
#else
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <unistd.h>
#endif

int64_t sim_now_ms(void) {
#ifdef _WIN32
  FILETIME ft;
  GetSystemTimeAsFileTime(&ft);
  uint64_t t = ((uint64_t)ft.dwHighDateTime << 32) | ft.dwLowDateTime;
  return (int64_t)(t / 10000u) - 11644473600000LL;
#else
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
#endif
}

void sim_sleep_ms(int64_t ms) {
  if (ms <= 0) return;
#ifdef _WIN32
  Sleep((DWORD)ms);
#else
  struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) == -1 && errno == EINTR) {
  }
#endif
}

int sim_getpid(void) {
#ifdef _WIN32
  return _getpid();
#else
  return (int)getpid();
#endif
}

#ifdef _WIN32
static SRWLOCK g_lock = SRWLOCK_INIT;
void sim_mutex_lock(void) { AcquireSRWLockExclusive(&g_lock); }
void sim_mutex_unlock(void) { ReleaseSRWLockExclusive(&g_lock); }
static SRWLOCK g_notify = SRWLOCK_INIT;
void sim_notify_lock(void) { AcquireSRWLockExclusive(&g_notify); }
void sim_notify_unlock(void) { ReleaseSRWLockExclusive(&g_notify); }
#else
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
void sim_mutex_lock(void) { pthread_mutex_lock(&g_lock); }
void sim_mutex_unlock(void) { pthread_mutex_unlock(&g_lock); }
static pthread_mutex_t g_notify = PTHREAD_MUTEX_INITIALIZER;
void sim_notify_lock(void) { pthread_mutex_lock(&g_notify); }
void sim_notify_unlock(void) { pthread_mutex_unlock(&g_notify); }
#endif

typedef struct {
  void (*fn)(void *);
  void *arg;
} thread_start;

#ifdef _WIN32
static DWORD WINAPI thread_main(LPVOID p) {
#else
static void *thread_main(void *p) {
#endif
  thread_start ts = *(thread_start *)p;
  free(p);
  ts.fn(ts.arg);
#ifdef _WIN32
  return 0;
#else
  return NULL;
#endif
}

int sim_thread_start(void (*fn)(void *), void *arg) {
  thread_start *ts = malloc(sizeof *ts);
  if (!ts) return -1;
  ts->fn = fn;
  ts->arg = arg;
#ifdef _WIN32
  HANDLE h = CreateThread(NULL, 0, thread_main, ts, 0, NULL);
  if (!h) {
    free(ts);
    return -1;
  }
  CloseHandle(h);
  return 0;
#else
  pthread_t t;
  if (pthread_create(&t, NULL, thread_main, ts) != 0) {
    free(ts);
    return -1;
  }
  pthread_detach(t);
  return 0;
#endif
}

struct sim_flock {
#ifdef _WIN32
  HANDLE h;
#else
  int fd;
#endif
};

sim_flock *sim_lock_file(const char *path) {
  if (sim_mkdirs_for(path) != 0) return NULL;
  sim_flock *l = malloc(sizeof *l);
  if (!l) return NULL;
#ifdef _WIN32
  l->h = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                     OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
  OVERLAPPED ov;
  memset(&ov, 0, sizeof ov);
  if (l->h == INVALID_HANDLE_VALUE || !LockFileEx(l->h, LOCKFILE_EXCLUSIVE_LOCK, 0, 1, 0, &ov)) {
    if (l->h != INVALID_HANDLE_VALUE) CloseHandle(l->h);
    free(l);
    return NULL;
  }
#else
  l->fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (l->fd < 0) {
    free(l);
    return NULL;
  }
  while (flock(l->fd, LOCK_EX) != 0) {
    if (errno != EINTR) {
      close(l->fd);
      free(l);
      return NULL;
    }
  }
#endif
  return l;
}

void sim_unlock_file(sim_flock *l) {
  if (!l) return;
#ifdef _WIN32
  OVERLAPPED ov;
  memset(&ov, 0, sizeof ov);
  UnlockFileEx(l->h, 0, 1, 0, &ov);
  CloseHandle(l->h);
#else
  flock(l->fd, LOCK_UN);
  close(l->fd);
#endif
  free(l);
}

static int make_dir(const char *p) {
#ifdef _WIN32
  return _mkdir(p);
#else
  return mkdir(p, 0755);
#endif
}

int sim_mkdirs_for(const char *path) {
  size_t n = strlen(path);
  char small[512]; /* every lock and save calls this: no malloc for a usual path */
  char *buf = n < sizeof small ? small : malloc(n + 1);
  if (!buf) return -1;
  memcpy(buf, path, n + 1);
  char *last = NULL;
  for (char *p = buf; *p; p++)
    if (*p == '/' || *p == '\\') last = p;
  if (!last) {
    if (buf != small) free(buf);
    return 0;
  }
  *last = 0;
  for (char *p = buf + 1; *p; p++) {
    if (*p == '/' || *p == '\\') {
      char c = *p;
      *p = 0;
      if (make_dir(buf) != 0 && errno != EEXIST) { /* keep going: parts may exist */
      }
      *p = c;
    }
  }
  int rc = make_dir(buf);
  int ok = rc == 0 || errno == EEXIST;
  if (buf != small) free(buf);
  return ok ? 0 : -1;
}

/* Removes "<path>.tmp*" files: what a save killed between writing its temporary file and
 * renaming it left behind. Every caller saves under its file's lock, so no other save of
 * this path is under way and every such file is debris. */
static void remove_stale_temps(const char *path) {
  const char *base = path;
  for (const char *p = path; *p; p++)
    if (*p == '/' || *p == '\\') base = p + 1;
  size_t dirlen = (size_t)(base - path), blen = strlen(base);
  /* "dir/" (with its separator) or "./" */
  char *dir = malloc(dirlen + 3);
  char *full = malloc(dirlen + 3 + 512);
  if (!dir || !full) {
    free(dir), free(full);
    return;
  }
  if (dirlen) memcpy(dir, path, dirlen), dir[dirlen] = 0;
  else strcpy(dir, "./");
#ifdef _WIN32
  snprintf(full, dirlen + 3 + 512, "%s%.*s.tmp*", dir, (int)(blen > 400 ? 400 : blen), base);
  WIN32_FIND_DATAA fd;
  HANDLE h = FindFirstFileA(full, &fd);
  if (h != INVALID_HANDLE_VALUE) {
    do {
      snprintf(full, dirlen + 3 + 512, "%s%s", dir, fd.cFileName);
      DeleteFileA(full);
    } while (FindNextFileA(h, &fd));
    FindClose(h);
  }
#else
  /* getdents64 into a stack buffer rather than opendir, which allocates 32 KiB: the
   * connection table alone is saved about 27 times per dial (each state's callback pauses
   * the dial, dial.c set_pause). The same entries are seen and removed. */
  int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    _Alignas(struct dirent64) char ents[2048];
    for (ssize_t got; (got = getdents64(dfd, ents, sizeof ents)) > 0;) {
      for (ssize_t off = 0; off < got;) {
        const struct dirent64 *e = (const struct dirent64 *)(ents + off);
        off += e->d_reclen;
        if (strncmp(e->d_name, base, blen) != 0 || strncmp(e->d_name + blen, ".tmp", 4) != 0) continue;
        if (strlen(e->d_name) > 500) continue;
        snprintf(full, dirlen + 3 + 512, "%s%s", dir, e->d_name);
        unlink(full);
      }
    }
    close(dfd);
  }
#endif
  free(full);
  free(dir);
}

int sim_write_atomic(const char *path, const char *data, size_t len) { return sim_write_atomic_mode(path, data, len, false); }

int sim_write_atomic_mode(const char *path, const char *data, size_t len, bool owner_only) {
  if (sim_mkdirs_for(path) != 0) return -1;
  remove_stale_temps(path);
  size_t n = strlen(path) + 64;
  char *tmp = malloc(n);
  if (!tmp) return -1;
  uint8_t rnd[4];
  sim_random_bytes(rnd, sizeof rnd);
  snprintf(tmp, n, "%s.tmp%d.%02x%02x%02x%02x", path, sim_getpid(), rnd[0], rnd[1], rnd[2], rnd[3]);
#ifdef _WIN32
  (void)owner_only; /* the home folder's ACL decides on Windows */
  FILE *f = fopen(tmp, "wb");
#else
  /* Created with its final mode (0600 for a store of secrets), never widened later. */
  int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, owner_only ? 0600 : 0644);
  FILE *f = fd < 0 ? NULL : fdopen(fd, "wb");
  if (fd >= 0 && !f) close(fd);
#endif
  if (!f) {
    free(tmp);
    return -1;
  }
  setvbuf(f, NULL, _IONBF, 0); /* one fwrite of the whole file: no stdio buffer to allocate */
  int ok = fwrite(data, 1, len, f) == len && fflush(f) == 0;
#ifdef _WIN32
  ok = ok && _commit(_fileno(f)) == 0;
#else
  ok = ok && fsync(fileno(f)) == 0;
#endif
  ok = (fclose(f) == 0) && ok;
#ifdef _WIN32
  ok = ok && MoveFileExA(tmp, path, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH);
#else
  ok = ok && rename(tmp, path) == 0;
#endif
  if (!ok) remove(tmp);
  free(tmp);
  return ok ? 0 : -1;
}

/* The connection table is read on every RAS call and on every change by the notification
 * thread, so a read allocates only its result: no FILE and stdio buffer, and the buffer sized
 * from fstat (it still grows if the file grew meanwhile; EOF is what ends the read). */
int sim_read_file(const char *path, size_t cap, char **out, size_t *len) {
  *out = NULL;
  *len = 0;
#ifdef _WIN32
  int fd = _open(path, _O_RDONLY | _O_BINARY);
#else
  int fd = open(path, O_RDONLY | O_CLOEXEC);
#endif
  if (fd < 0) return -1;
  struct stat sb;
  size_t size = 0, alloc = fstat(fd, &sb) == 0 && sb.st_size > 0 ? (size_t)sb.st_size + 1 : 4096;
  if (alloc > cap + 1) alloc = cap + 1;
  char *buf = malloc(alloc + 1);
  if (!buf) {
    close(fd);
    return -3;
  }
  int err = 0;
  for (;;) {
    if (size == alloc) {
      if (alloc >= cap + 1) break;
      alloc = alloc * 2 > cap + 1 ? cap + 1 : alloc * 2;
      char *nb = realloc(buf, alloc + 1);
      if (!nb) {
        free(buf);
        close(fd);
        return -3;
      }
      buf = nb;
    }
    size_t want = alloc - size;
    if (want > (1u << 30)) want = 1u << 30;
    long got = (long)read(fd, buf + size, (unsigned)want);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      err = 1;
      break;
    }
    if (got == 0) break;
    size += (size_t)got;
    if (size > cap) break;
  }
  close(fd);
  if (size > cap) {
    free(buf);
    return -2;
  }
  if (err) {
    free(buf);
    return -3;
  }
  buf[size] = 0;
  *out = buf;
  *len = size;
  return 0;
}

int sim_file_exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG;
}

void sim_random_bytes(uint8_t *out, size_t n) {
  static uint64_t s;
  sim_mutex_lock();
  if (s == 0) s = (uint64_t)sim_now_ms() * 6364136223846793005ULL ^ (uint64_t)sim_getpid() ^ (uint64_t)(uintptr_t)&n;
  for (size_t i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    out[i] = (uint8_t)(s >> 24);
  }
  sim_mutex_unlock();
}

#ifdef _WIN32
struct sim_dirwatch {
  int unused;
};
sim_dirwatch *sim_dirwatch_open(void) { return calloc(1, sizeof(sim_dirwatch)); }
int sim_dirwatch_add(sim_dirwatch *w, const char *dir) {
  (void)w, (void)dir;
  return 0;
}
int sim_dirwatch_wait(sim_dirwatch *w, int64_t timeout_ms) {
  (void)w;
  Sleep(timeout_ms >= 0 && timeout_ms < 20 ? (DWORD)timeout_ms : 20);
  return 1;
}
void sim_dirwatch_wake(sim_dirwatch *w) { (void)w; }
int sim_set_event(void *event) { return SetEvent((HANDLE)event) != 0; }
#else
struct sim_dirwatch {
  int inotify, wake;
};
sim_dirwatch *sim_dirwatch_open(void) {
  sim_dirwatch *w = calloc(1, sizeof *w);
  if (!w) return NULL;
  w->inotify = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  w->wake = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (w->inotify < 0 || w->wake < 0) {
    if (w->inotify >= 0) close(w->inotify);
    if (w->wake >= 0) close(w->wake);
    free(w);
    return NULL;
  }
  return w;
}
int sim_dirwatch_add(sim_dirwatch *w, const char *dir) {
  /* connections.state is only ever replaced by rename (sim_write_atomic): IN_MOVED_TO. Not
   * IN_CLOSE_WRITE: every reader opens the lock file for writing, the watcher's own reads too. */
  return inotify_add_watch(w->inotify, dir, IN_MOVED_TO) < 0 ? -1 : 0;
}
int sim_dirwatch_wait(sim_dirwatch *w, int64_t timeout_ms) {
  struct pollfd fds[2] = {{w->inotify, POLLIN, 0}, {w->wake, POLLIN, 0}};
  int t = timeout_ms < 0 ? -1 : timeout_ms > 0x7FFFFFFF ? 0x7FFFFFFF : (int)timeout_ms;
  int n;
  do n = poll(fds, 2, t);
  while (n < 0 && errno == EINTR);
  if (n <= 0) return 0;
  char buf[4096];
  while (read(w->inotify, buf, sizeof buf) > 0) {
  }
  uint64_t v;
  while (read(w->wake, &v, sizeof v) > 0) {
  }
  return 1;
}
void sim_dirwatch_wake(sim_dirwatch *w) {
  uint64_t one = 1;
  if (write(w->wake, &one, sizeof one) < 0) { /* full counter: already woken */
  }
}
extern int32_t SetEvent(void *event); /* libkernel32sim.so */
int sim_set_event(void *event) { return SetEvent(event) != 0; }
#endif
