/*
 * kernel32.c - the simulated kernel32 (Linux only; the Windows build of the simulator uses the
 * real kernel32.dll). It exports the event functions rasctl binds, with the Win32 semantics
 * the reference pages describe, plus one test control (Kernel32SimOpenHandles).
 *
 *   CreateEventW   https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-createeventw
 *                  manual-reset (stays signaled until ResetEvent) or auto-reset (a satisfied
 *                  wait resets it); initial state; a named event is not supported here (87).
 *   SetEvent       https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-setevent
 *   ResetEvent     https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-resetevent
 *   CloseHandle    https://learn.microsoft.com/windows/win32/api/handleapi/nf-handleapi-closehandle
 *                  FALSE + ERROR_INVALID_HANDLE (6) for a handle that is not open.
 *   WaitForSingleObject
 *                  https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-waitforsingleobject
 *                  WAIT_OBJECT_0 (0), WAIT_TIMEOUT (0x102) or WAIT_FAILED (0xFFFFFFFF);
 *                  INFINITE (0xFFFFFFFF) never times out; 0 only tests the state.
 *   WaitForMultipleObjects
 *                  https://learn.microsoft.com/windows/win32/api/synchapi/nf-synchapi-waitformultipleobjects
 *                  1..MAXIMUM_WAIT_OBJECTS (64) handles, else WAIT_FAILED + 87. bWaitAll FALSE:
 *                  WAIT_OBJECT_0 + the lowest index of a signaled handle, and only that one is
 *                  reset if it is auto-reset; bWaitAll TRUE: returns once all are signaled at
 *                  the same time, resetting the auto-reset ones. A handle given twice is
 *                  ERROR_INVALID_PARAMETER, as the page says.
 *   GetLastError   per thread, as on Windows.
 *
 * Handles are small numbers (0x1004, 0x1008, ... like Windows' multiples of 4) that are never
 * reused, so a stale handle fails with ERROR_INVALID_HANDLE instead of touching a new event.
 * Closing a handle another thread is waiting on is undefined on Windows; here the wait simply
 * keeps waiting (until its timeout) on the closed object.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#define K32_EXPORT __attribute__((visibility("default")))

#define WAIT_OBJECT_0_ 0x00000000u
#define WAIT_TIMEOUT_ 0x00000102u
#define WAIT_FAILED_ 0xFFFFFFFFu
#define INFINITE_ 0xFFFFFFFFu
#define MAXIMUM_WAIT_OBJECTS_ 64u
#define ERROR_INVALID_HANDLE_ 6u
#define ERROR_INVALID_PARAMETER_ 87u

typedef struct k32_event {
  uintptr_t handle;
  int manual, signaled, open, waiters;
  pthread_t creator;
  struct k32_event *next;
} k32_event;

static pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_cv;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static k32_event *g_events;
static uintptr_t g_next = 0x1000;
static _Thread_local uint32_t t_last_error;

static void init_cv(void) {
  pthread_condattr_t a;
  pthread_condattr_init(&a);
  pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
  pthread_cond_init(&g_cv, &a);
  pthread_condattr_destroy(&a);
}

static k32_event *find_open(void *h) {
  for (k32_event *e = g_events; e; e = e->next)
    if (e->handle == (uintptr_t)h && e->open) return e;
  return NULL;
}

/* Frees closed events nobody waits on any more. Called with g_mu held. */
static void reap(void) {
  for (k32_event **p = &g_events; *p;) {
    if (!(*p)->open && (*p)->waiters == 0) {
      k32_event *dead = *p;
      *p = dead->next;
      free(dead);
    } else {
      p = &(*p)->next;
    }
  }
}

K32_EXPORT uint32_t GetLastError(void) { return t_last_error; }

K32_EXPORT void *CreateEventW(void *attributes, int32_t manual_reset, int32_t initial_state,
                              const uint16_t *name) {
  (void)attributes; /* security attributes do not apply to a simulated machine */
  pthread_once(&g_once, init_cv);
  if (name && name[0]) { /* named (cross-process) events are not simulated */
    t_last_error = ERROR_INVALID_PARAMETER_;
    return NULL;
  }
  k32_event *e = calloc(1, sizeof *e);
  if (!e) {
    t_last_error = 8; /* ERROR_NOT_ENOUGH_MEMORY */
    return NULL;
  }
  e->manual = manual_reset != 0;
  e->signaled = initial_state != 0;
  e->open = 1;
  e->creator = pthread_self();
  pthread_mutex_lock(&g_mu);
  g_next += 4;
  e->handle = g_next;
  e->next = g_events;
  g_events = e;
  pthread_mutex_unlock(&g_mu);
  t_last_error = 0;
  return (void *)e->handle;
}

static int32_t set_state(void *h, int signaled) {
  pthread_mutex_lock(&g_mu);
  k32_event *e = find_open(h);
  if (e) {
    e->signaled = signaled;
    if (signaled) pthread_cond_broadcast(&g_cv);
  }
  pthread_mutex_unlock(&g_mu);
  t_last_error = e ? 0 : ERROR_INVALID_HANDLE_;
  return e != NULL;
}

K32_EXPORT int32_t SetEvent(void *h) { return set_state(h, 1); }
K32_EXPORT int32_t ResetEvent(void *h) { return set_state(h, 0); }

K32_EXPORT int32_t CloseHandle(void *h) {
  pthread_mutex_lock(&g_mu);
  k32_event *e = find_open(h);
  if (e) {
    e->open = 0;
    reap();
  }
  pthread_mutex_unlock(&g_mu);
  t_last_error = e ? 0 : ERROR_INVALID_HANDLE_;
  return e != NULL;
}

static struct timespec deadline_after(uint32_t ms) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  ts.tv_sec += ms / 1000;
  ts.tv_nsec += (long)(ms % 1000) * 1000000L;
  if (ts.tv_nsec >= 1000000000L) ts.tv_sec++, ts.tv_nsec -= 1000000000L;
  return ts;
}

K32_EXPORT uint32_t WaitForMultipleObjects(uint32_t count, void *const *handles, int32_t wait_all,
                                           uint32_t ms) {
  pthread_once(&g_once, init_cv);
  if (count == 0 || count > MAXIMUM_WAIT_OBJECTS_ || !handles) {
    t_last_error = ERROR_INVALID_PARAMETER_;
    return WAIT_FAILED_;
  }
  k32_event *ev[MAXIMUM_WAIT_OBJECTS_];
  pthread_mutex_lock(&g_mu);
  for (uint32_t i = 0; i < count; i++) {
    ev[i] = find_open(handles[i]);
    uint32_t err = !ev[i] ? ERROR_INVALID_HANDLE_ : 0;
    for (uint32_t j = 0; !err && j < i; j++)
      if (ev[j] == ev[i]) err = ERROR_INVALID_PARAMETER_;
    if (err) {
      pthread_mutex_unlock(&g_mu);
      t_last_error = err;
      return WAIT_FAILED_;
    }
  }
  for (uint32_t i = 0; i < count; i++) ev[i]->waiters++;
  struct timespec until = deadline_after(ms);
  uint32_t result = WAIT_TIMEOUT_;
  for (;;) {
    if (wait_all) {
      uint32_t ready = 0;
      for (uint32_t i = 0; i < count; i++) ready += ev[i]->signaled != 0;
      if (ready == count) {
        for (uint32_t i = 0; i < count; i++)
          if (!ev[i]->manual) ev[i]->signaled = 0;
        result = WAIT_OBJECT_0_;
        break;
      }
    } else {
      uint32_t i = 0;
      while (i < count && !ev[i]->signaled) i++;
      if (i < count) {
        if (!ev[i]->manual) ev[i]->signaled = 0;
        result = WAIT_OBJECT_0_ + i;
        break;
      }
    }
    if (ms == 0) break;
    int rc = ms == INFINITE_ ? pthread_cond_wait(&g_cv, &g_mu)
                             : pthread_cond_timedwait(&g_cv, &g_mu, &until);
    if (rc == ETIMEDOUT) break;
  }
  for (uint32_t i = 0; i < count; i++) ev[i]->waiters--;
  reap();
  pthread_mutex_unlock(&g_mu);
  t_last_error = 0;
  return result;
}

K32_EXPORT uint32_t WaitForSingleObject(void *h, uint32_t ms) {
  return WaitForMultipleObjects(1, &h, 0, ms);
}

/* Test control (not kernel32): how many event handles are open, all of them (mine = 0) or only
 * those created by the calling thread (mine = 1; `deno test --parallel` runs test modules as
 * threads of one process, so a test counts its own). */
K32_EXPORT uint32_t Kernel32SimOpenHandles(int32_t mine) {
  uint32_t n = 0;
  pthread_mutex_lock(&g_mu);
  for (k32_event *e = g_events; e; e = e->next)
    n += e->open && (!mine || pthread_equal(e->creator, pthread_self()));
  pthread_mutex_unlock(&g_mu);
  return n;
}
