/*
 * notify.c - RasConnectionNotification: a Win32 event signaled when a RAS connection is
 * created or terminated, or a multilink subentry is connected or disconnected, in ANY process.
 * https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasconnectionnotificationw
 *
 *   RASCN_Connection       only with hrasconn = INVALID_HANDLE_VALUE: "signaled when any RAS
 *                          connection is created". The docs do not say at which moment of a
 *                          dial; the sim signals when the connection appears (RasDial) and
 *                          again when it reaches RASCS_Connected.
 *   RASCN_Disconnection    "signaled when the hrasconn connection is terminated" (any, for
 *                          INVALID_HANDLE_VALUE): once per connection, at its termination: a
 *                          drop or a failed dial when it happens (the link stays listed with
 *                          its error until RasHangUp), a hang-up of a live link when its
 *                          handle is released (RasHangUp's link goes away after
 *                          releaseDelayMs; that is when a waiter may dial again). So a
 *                          watcher can match signals with terminations one to one.
 *   RASCN_BandwidthAdded / RASCN_BandwidthRemoved
 *                          a subentry of a multilink connection connects / disconnects (the
 *                          `links` test control changes the subentry count).
 *   Remarks: "When the event is signaled, use other RAS functions, such as RasEnumConnections,
 *   to get more information": the event says only that something happened.
 *
 * How the signal crosses processes: the connection table is a file (state.c) that every
 * process replaces atomically, and progress (dial states, release after RasHangUp) follows from
 * wall-clock time. One thread per process watches each registered home's folder with inotify
 * (compat.c sim_dirwatch: no polling, no CPU while nothing happens), re-reads the table when it
 * is replaced, diffs it against the last snapshot, and signals the matching events; it sleeps
 * exactly until the next time-based change (the next dial state, a release) when one is due.
 * The alternatives were a generation counter polled by the thread (CPU while idle, latency up
 * to the poll period) or a FIFO/eventfd per registration (needs a registry of listeners every
 * writer must find; a folder watch needs none).
 *
 * `[machine] notifyOnlyOnce=1` in world.ini reproduces DotRas issue 105
 * (https://github.com/DotRas/DotRas/issues/105): on Windows 11 a registration fires only once
 * for connections the registering process dialed itself ("triggers only once for both connect
 * & disconnect"); connections dialed by other processes keep signaling.
 *
 * A registration lasts until its event handle is closed (there is no unregister function);
 * the first failed SetEvent removes it.
 */
#include <stdlib.h>
#include <string.h>

#include "sim.h"

#define RASCN_Connection_ 0x1u
#define RASCN_Disconnection_ 0x2u
#define RASCN_BandwidthAdded_ 0x4u
#define RASCN_BandwidthRemoved_ 0x8u
#define ALL_CONNECTIONS UINT64_MAX /* INVALID_HANDLE_VALUE */

typedef struct reg {
  char *home;
  uint64_t conn;
  void *event;
  uint32_t flags;
  bool fired_own, dead;
  struct reg *next;
} reg;

typedef struct {
  uint64_t handle;
  int64_t pid;
  bool connected, ended;
  bool terminated; /* RASCN_Disconnection has been signaled for it (once per connection) */
  int links;
} snap;

typedef struct watched {
  char *home;
  snap *s;
  size_t n;
  uint64_t next_handle; /* the table's handle counter at the last scan (0: not scanned yet) */
  struct watched *next;
} watched;

static reg *g_regs;
static watched *g_homes;
static sim_dirwatch *g_watch;
static bool g_thread;

int conn_links(const sim_conn *c) { return c->links > 0 ? c->links : 1; }

/* world.ini's notifyOnlyOnce, read when a scan first needs it (*once: -1 = not read yet). A
 * scan runs on every replacement of the table (each dial state, each pause of a notifier's
 * callback) and most signal nothing, so reading world.ini up front was most of their work. */
static bool only_once(int *once) {
  if (*once < 0) {
    world *wd = world_load();
    *once = wd && wd->notify_only_once;
    world_free(wd);
  }
  return *once;
}

static void fire(const char *home, uint64_t handle, int64_t pid, uint32_t flag, int *once) {
  for (reg *r = g_regs; r; r = r->next) {
    if (r->dead || strcmp(r->home, home) || !(r->flags & flag)) continue;
    if (r->conn == ALL_CONNECTIONS ? false : (flag == RASCN_Connection_ || r->conn != handle)) continue;
    if (pid == sim_getpid() && only_once(once)) {
      if (r->fired_own) continue;
      r->fired_own = true;
    }
    if (!sim_set_event(r->event)) r->dead = true;
  }
}

static const snap *find_snap(const watched *w, uint64_t handle) {
  for (size_t i = 0; i < w->n; i++)
    if (w->s[i].handle == handle) return &w->s[i];
  return NULL;
}

/* When does connection c change next by itself (dial state, release)? INT64_MAX: never. */
static int64_t next_change(const sim_conn *c, int64_t now) {
  if (c->hangup_ms) return c->release_ms > now ? c->release_ms : INT64_MAX;
  int64_t t = INT64_MAX;
  if (c->drop_ms > now) t = c->drop_ms;
  if (!conn_eval(c, now).terminal) {
    int n, i = 0;
    int64_t at;
    dial_sequence(c, 0, &at, &n);
    for (; i < n; i++) {
      dial_sequence(c, i, &at, &n);
      if (at > now) break;
    }
    if (i < n && at < t) t = at;
  }
  return t;
}

/* Re-read one home's table, signal what changed since the last snapshot. Called with the
 * notify lock held, on a thread whose sim_home() is w->home. Returns the next due time. */
static int64_t scan(watched *w) {
  sim_state st;
  sim_flock *lock;
  if (state_begin(&st, &lock) != 0) return INT64_MAX;
  int once = -1;
  int64_t now = sim_now_ms(), due = INT64_MAX;
  snap *next = calloc(st.n ? st.n : 1, sizeof *next);
  if (!next) {
    state_release(&st, lock);
    return now + 50;
  }
  for (size_t i = 0; i < st.n; i++) {
    const sim_conn *c = &st.c[i];
    conn_progress p = conn_eval(c, now);
    snap s = {c->handle, c->pid, false, false, false, conn_links(c)};
    s.ended = p.state == RASCS_Disconnected || (p.terminal && p.error != 0);
    s.connected = p.connected && !s.ended;
    const snap *old = find_snap(w, c->handle);
    if (!old || (s.connected && !old->connected)) fire(w->home, s.handle, s.pid, RASCN_Connection_, &once);
    /* Dropped or failed (not hung up: that one terminates at its release, below). */
    bool ends_now = s.ended && !c->hangup_ms;
    s.terminated = (old && old->terminated) || ends_now;
    if (ends_now && !(old && old->terminated)) fire(w->home, s.handle, s.pid, RASCN_Disconnection_, &once);
    if (old && s.links > old->links) fire(w->home, s.handle, s.pid, RASCN_BandwidthAdded_, &once);
    if (old && s.links < old->links) fire(w->home, s.handle, s.pid, RASCN_BandwidthRemoved_, &once);
    next[i] = s;
    int64_t t = next_change(c, now);
    if (t < due) due = t;
  }
  for (size_t i = 0; i < w->n; i++) { /* released handles */
    bool still = false;
    for (size_t k = 0; k < st.n && !still; k++) still = st.c[k].handle == w->s[i].handle;
    if (still) continue;
    if (!w->s[i].terminated) fire(w->home, w->s[i].handle, w->s[i].pid, RASCN_Disconnection_, &once);
    /* A registration for one connection ends with it: the handle is never valid again. */
    for (reg *r = g_regs; r; r = r->next)
      if (r->conn == w->s[i].handle && !strcmp(r->home, w->home)) r->dead = true;
  }
  /* Connections created and released since the last scan (the table was replaced more than
   * once before this thread read it): handles are never reused, so every value between the
   * last counter and this one that neither snapshot holds came and went unseen. Windows
   * signals every creation and termination, so the sim does too (its pid is gone with it:
   * it counts as another process's for the only-once mode). */
  for (uint64_t h = w->next_handle; w->next_handle && h < st.next_handle; h++) {
    if (find_snap(w, h) || state_find(&st, h)) continue;
    fire(w->home, h, 0, RASCN_Connection_, &once);
    fire(w->home, h, 0, RASCN_Disconnection_, &once);
  }
  w->next_handle = st.next_handle;
  free(w->s);
  w->s = next;
  w->n = st.n;
  state_release(&st, lock);
  for (reg **r = &g_regs; *r;) { /* closed events */
    if ((*r)->dead) {
      reg *gone = *r;
      *r = gone->next;
      free(gone->home), free(gone);
    } else {
      r = &(*r)->next;
    }
  }
  return due;
}

static void notify_main(void *arg) {
  (void)arg;
  for (;;) {
    int64_t due = INT64_MAX;
    sim_notify_lock();
    for (watched *w = g_homes; w; w = w->next) {
      sim_bind_thread_home(w->home);
      int64_t t = scan(w);
      if (t < due) due = t;
    }
    sim_notify_unlock();
    int64_t now = sim_now_ms();
    sim_dirwatch_wait(g_watch, due == INT64_MAX ? -1 : due > now ? due - now : 0);
  }
}

RASSIM_EXPORT uint32_t RasConnectionNotificationW(HRASCONN_ h, void *event, uint32_t flags) {
  if (!event) return ERROR_INVALID_PARAMETER_;
  const char *home = sim_home();
  if (!home) return ERROR_INVALID_HANDLE_;
  uint64_t conn = HANDLE_TO_U64(h);
  if (conn != ALL_CONNECTIONS) { /* a specific connection must exist */
    sim_state st;
    sim_flock *lock;
    if (state_begin(&st, &lock) != 0) return ERROR_INVALID_HANDLE_;
    bool known = state_find(&st, conn) != NULL;
    state_release(&st, lock);
    if (!known) return ERROR_INVALID_HANDLE_;
  }
  uint32_t rc = 0;
  sim_notify_lock();
  if (!g_watch) g_watch = sim_dirwatch_open();
  watched *w = g_homes;
  while (w && strcmp(w->home, home)) w = w->next;
  if (!w && g_watch && (w = calloc(1, sizeof *w)) != NULL) {
    w->home = sdup(home);
    if (sim_dirwatch_add(g_watch, home) != 0) free(w->home), free(w), w = NULL;
    else w->next = g_homes, g_homes = w;
  }
  reg *r = w ? calloc(1, sizeof *r) : NULL;
  if (!r) {
    rc = ERROR_NOT_ENOUGH_MEMORY_;
  } else {
    scan(w); /* the snapshot this registration's events are relative to */
    r->home = sdup(home);
    r->conn = conn;
    r->event = event;
    r->flags = flags;
    r->next = g_regs;
    g_regs = r;
    if (!g_thread) g_thread = sim_thread_start(notify_main, NULL) == 0;
    if (!g_thread) rc = ERROR_NOT_ENOUGH_MEMORY_;
  }
  sim_notify_unlock();
  if (g_watch) sim_dirwatch_wake(g_watch); /* recompute the next due time */
  return rc;
}
