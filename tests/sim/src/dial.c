/*
 * dial.c - RasDial and RasHangUp (connection lifecycle). Queries about connections live in
 * connections.c. Outcome decisions (error codes) are made when the dial starts, from the
 * phone-book entry and world.ini, and played out over time by conn_eval().
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sim.h"

/* Protocols tried, in order, for each VS_* strategy (ras.h VS_* comments; "automatic" on
 * Windows 10 tries IKEv2, SSTP, PPTP, then L2TP). */
static int strategy_list(uint32_t vs, int out[4]) {
  switch (vs) {
  case VS_PptpOnly: out[0] = P_PPTP; return 1;
  case VS_PptpFirst: out[0] = P_PPTP, out[1] = P_L2TP; return 2;
  case VS_L2tpOnly: out[0] = P_L2TP; return 1;
  case VS_L2tpFirst: out[0] = P_L2TP, out[1] = P_PPTP; return 2;
  case VS_SstpOnly: out[0] = P_SSTP; return 1;
  case VS_SstpFirst: out[0] = P_SSTP, out[1] = P_PPTP, out[2] = P_L2TP; return 3;
  case VS_Ikev2Only: out[0] = P_IKEV2; return 1;
  case VS_Ikev2First: out[0] = P_IKEV2, out[1] = P_SSTP, out[2] = P_PPTP, out[3] = P_L2TP; return 4;
  case VS_PptpSstp: out[0] = P_PPTP, out[1] = P_SSTP; return 2;
  case VS_L2tpSstp: out[0] = P_L2TP, out[1] = P_SSTP; return 2;
  case VS_Ikev2Sstp: out[0] = P_IKEV2, out[1] = P_SSTP; return 2;
  case VS_GREOnly: return 0;
  default: out[0] = P_IKEV2, out[1] = P_SSTP, out[2] = P_PPTP, out[3] = P_L2TP; return 4;
  }
}

static const char *miniport(int proto) {
  for (size_t i = 0; i < sim_ndevices; i++)
    if (sim_devices[i].protocol == proto && proto) return sim_devices[i].name;
  return "WAN Miniport (IKEv2)";
}

static bool is_ip_literal(const char *s) {
  uint8_t b[16];
  return parse_ipv4(s, b) || parse_ipv6(s, b);
}

static bool str_eq(const char *a, const char *b) { return !strcmp(a ? a : "", b ? b : ""); }

typedef struct {
  char *user, *password, *domain, *psk;
} dial_creds;

/* Decide where and how the dial ends. Sets c->fail_state/fail_error, protocol, device, IPs. */
static void decide(sim_conn *c, const RASENTRYW_ *e, const world *w, const sim_state *st,
                   const dial_creds *cr) {
  int64_t now = sim_now_ms();
  const world_server *sv = NULL;
  if (c->is_vpn) {
    bool network = w->ip_network;
    for (size_t i = 0; i < st->n && !network; i++)
      if (!st->c[i].is_vpn && conn_eval(&st->c[i], now).connected) network = true;
    int order[4], n = strategy_list(e->dwVpnStrategy, order);
    bool only = n == 1;
    /* Without any IP network a host name cannot be resolved: ERROR_DNSNAME_NOT_RESOLVABLE (868,
     * "the name of the remote access server did not resolve"); an address literal cannot be
     * reached: the tunnel times out, ERROR_VPN_TIMEOUT (809) for a single-protocol strategy,
     * ERROR_AUTOMATIC_VPN_FAILED (800, "the attempted VPN tunnels failed") when several were
     * tried. The same codes apply to a server missing from world.ini / marked unreachable. */
    if (!network || !(sv = world_find(w, c->phone, false))) {
      c->fail_state = RASCS_ConnectDevice;
      c->fail_error = !is_ip_literal(c->phone) ? ERROR_DNSNAME_NOT_RESOLVABLE_
                      : only ? ERROR_VPN_TIMEOUT_ : ERROR_AUTOMATIC_VPN_FAILED_;
      c->protocol = n ? order[0] : P_IKEV2;
    } else if (!sv->reachable) {
      c->fail_state = RASCS_ConnectDevice;
      c->fail_error = only ? ERROR_VPN_TIMEOUT_ : ERROR_AUTOMATIC_VPN_FAILED_;
      c->protocol = n ? order[0] : P_IKEV2;
      c->latency_ms = sv->latency_ms;
    } else {
      c->latency_ms = sv->latency_ms;
      int chosen = 0;
      uint32_t last_err = ERROR_AUTOMATIC_VPN_FAILED_;
      for (int i = 0; i < n && !chosen; i++) {
        if (!(sv->protocols & (unsigned)order[i])) {
          /* UDP (IKEv2, L2TP/IPsec) gets no answer: 809; TCP (SSTP 443, PPTP 1723) is
           * refused: ERROR_VPN_REFUSED (808). */
          last_err = (order[i] == P_IKEV2 || order[i] == P_L2TP) ? ERROR_VPN_TIMEOUT_ : ERROR_VPN_REFUSED_;
          continue;
        }
        if (order[i] == P_L2TP && sv->psk && sv->psk[0] && !str_eq(sv->psk, cr->psk)) {
          last_err = ERROR_OAKLEY_GENERAL_PROCESSING_; /* 789: IPsec main mode fails on a PSK mismatch */
          continue;
        }
        chosen = order[i];
      }
      if (!chosen) {
        c->fail_state = RASCS_ConnectDevice;
        c->fail_error = only ? last_err : ERROR_AUTOMATIC_VPN_FAILED_;
        c->protocol = n ? order[0] : P_IKEV2;
      } else {
        c->protocol = chosen;
      }
    }
    free(c->device_name);
    c->device_name = sdup(miniport(c->protocol));
  } else {
    sv = world_find(w, c->phone, true);
    if (!sv) {
      c->fail_state = RASCS_ConnectDevice;
      /* A PPPoE access concentrator that does not answer: ERROR_BROADBAND_TIMEOUT (815);
       * a number nobody answers: ERROR_NO_ANSWER (678). */
      c->fail_error = e->dwType == RASET_Broadband ? ERROR_BROADBAND_TIMEOUT_ : ERROR_NO_ANSWER_;
    } else {
      c->latency_ms = sv->latency_ms;
    }
  }
  if (sv && c->fail_state < 0) {
    bool ok = (!sv->user || !strcasecmp(sv->user, cr->user ? cr->user : "")) &&
              (!sv->password || str_eq(sv->password, cr->password)) &&
              (!sv->domain || !sv->domain[0] || !strcasecmp(sv->domain, cr->domain ? cr->domain : ""));
    if (!ok) {
      c->fail_state = RASCS_AuthNotify;
      c->fail_error = ERROR_AUTHENTICATION_FAILURE_; /* 691 */
    }
  }
  if (sv) {
    c->ipv4 = sdup(sv->ipv4 ? sv->ipv4 : (c->is_vpn ? "10.0.0.2" : "100.64.0.2"));
    c->ipv6 = sdup(sv->ipv6 ? sv->ipv6 : "");
    c->server_ipv4 = sdup(sv->server_ipv4 ? sv->server_ipv4 : (c->is_vpn ? "203.0.113.1" : "100.64.0.1"));
  }
  c->local_ipv4 = sdup(w->local_ipv4);
  if (e->dwfOptions & 0x20000) c->auth_eap = e->dwCustomAuthKey ? e->dwCustomAuthKey : 26;
}

typedef struct {
  char *home;
  uint64_t handle;
  uint32_t type;
  void *fn;
  uint64_t callback_id;
  uint32_t subentry;
  int first_index;          /* 0, or the last state for a referenced (already up) connection */
  volatile int first_call; /* set when the first notification is about to be made */
  volatile int detached;   /* RasDialW stopped waiting for first_call: the thread frees the job */
} notifier_job;

typedef void (*RasDialFunc)(uint32_t msg, int32_t state, uint32_t err);
typedef void (*RasDialFunc1)(HRASCONN_ h, uint32_t msg, int32_t state, uint32_t err, uint32_t ext);
typedef uint32_t (*RasDialFunc2)(uint64_t cb, uint32_t sub, HRASCONN_ h, uint32_t msg, int32_t state,
                                 uint32_t err, uint32_t ext);

/* One notification. Returns false when RasDialFunc2 asked for no more (it returned 0).
 * While the callback runs the dial stands still: "RasDial ... suspends the connection
 * operation until the RasDialFunc1 function returns" (RasDialFunc1 remarks), so the time the
 * callback took is added to the rest of the dial's schedule. */
static void set_pause(uint64_t handle, int64_t t0, int64_t now) {
  sim_state st;
  sim_flock *lock;
  if (state_begin(&st, &lock) != 0) return;
  sim_conn *c = state_find(&st, handle);
  if (!c) {
    state_release(&st, lock);
    return;
  }
  if (t0) {
    c->pause_ms = t0;
  } else {
    if (c->pause_ms) c->start_ms += now - c->pause_ms;
    c->pause_ms = 0;
  }
  state_commit(&st, lock);
}

/* Which connections of this process have their notifier inside the caller's callback, so
 * RasHangUp can wait for it (below). Keyed like hung_here ("<home>|<handle>"). */
#define IN_CALLBACK_N 64
static char *in_callback[IN_CALLBACK_N];
static _Thread_local bool t_in_callback; /* this thread is a notifier inside a callback */
/* RasHangUps that gave up waiting (RasSimQuery), per home: "<home>|" prefixes and counts. */
#define TIMEOUT_HOMES_N 64
static char *timeout_home[TIMEOUT_HOMES_N];
static uint64_t timeout_count[TIMEOUT_HOMES_N];
static char *hung_key(uint64_t handle);

static int callback_enter(uint64_t handle) {
  char *key = hung_key(handle);
  int slot = -1;
  sim_mutex_lock();
  for (int i = 0; i < IN_CALLBACK_N && slot < 0; i++)
    if (!in_callback[i]) in_callback[i] = key, slot = i;
  sim_mutex_unlock();
  if (slot < 0) free(key);
  t_in_callback = true;
  return slot;
}

static void callback_leave(int slot) {
  t_in_callback = false;
  if (slot < 0) return;
  sim_mutex_lock();
  free(in_callback[slot]);
  in_callback[slot] = NULL;
  sim_mutex_unlock();
}

static bool callback_running(const char *key) {
  bool yes = false;
  sim_mutex_lock();
  for (int i = 0; i < IN_CALLBACK_N && !yes; i++) yes = in_callback[i] && !strcmp(in_callback[i], key);
  sim_mutex_unlock();
  return yes;
}

/* How long RasHangUp waits for a notifier's callback before the sim gives up. Windows would
 * wait for ever; the sim returns ERROR_TIMEOUT instead, so a caller that blocks the thread its
 * callback needs fails a test instead of hanging it (the sim's own choice, a fuse). */
#define CALLBACK_WAIT_MS 5000

/* "RasHangUp can be called from within the RasDialFunc1 callback ... However, most of the
 * hang-up processing occurs after the RasDialFunc1 callback returns" (RasDialFunc1 remarks,
 * https://learn.microsoft.com/windows/win32/api/ras/nc-ras-rasdialfunc1), and the connection
 * operation is suspended while the callback runs: a RasHangUp from another thread of the
 * process waits until the connection's notifier has returned from the callback. From within
 * the callback (the notifier's own thread) it returns at once, as the page allows. So a
 * caller whose callback needs the thread that calls RasHangUp (Deno's thread-safe callbacks
 * run on the JS thread) must not block that thread in RasHangUp. */
/* "<home>|": the start of every hung_key of this home. */
static char *home_prefix(void) {
  sbuf b = {0};
  sb_printf(&b, "%s|", sim_home() ? sim_home() : "");
  return b.p;
}

static void count_timeout(void) {
  char *prefix = home_prefix();
  if (!prefix) return;
  sim_mutex_lock();
  int at = -1;
  for (int i = 0; i < TIMEOUT_HOMES_N && at < 0; i++)
    if (!timeout_home[i] || !strcmp(timeout_home[i], prefix)) at = i;
  if (at >= 0) {
    if (!timeout_home[at]) timeout_home[at] = prefix, prefix = NULL;
    timeout_count[at]++;
  }
  sim_mutex_unlock();
  free(prefix);
}

static uint32_t wait_for_callback(uint64_t handle) {
  if (t_in_callback) return 0;
  char *key = hung_key(handle);
  if (!key) return 0;
  int64_t until = sim_now_ms() + CALLBACK_WAIT_MS;
  uint32_t rc = 0;
  while (callback_running(key)) {
    if (sim_now_ms() >= until) {
      count_timeout();
      rc = ERROR_TIMEOUT_;
      break;
    }
    sim_sleep_ms(1);
  }
  free(key);
  return rc;
}

int sim_callbacks_running(void) {
  char *prefix = home_prefix();
  size_t n = prefix ? strlen(prefix) : 0;
  int running = 0;
  sim_mutex_lock();
  for (int i = 0; i < IN_CALLBACK_N && prefix; i++)
    running += in_callback[i] && !strncmp(in_callback[i], prefix, n);
  sim_mutex_unlock();
  free(prefix);
  return running;
}

uint64_t sim_hangup_callback_timeouts(void) {
  char *prefix = home_prefix();
  uint64_t n = 0;
  sim_mutex_lock();
  for (int i = 0; i < TIMEOUT_HOMES_N && prefix; i++)
    if (timeout_home[i] && !strcmp(timeout_home[i], prefix)) n = timeout_count[i];
  sim_mutex_unlock();
  free(prefix);
  return n;
}

static bool notify(notifier_job *job, int state, uint32_t err) {
  HRASCONN_ h = U64_TO_HANDLE(job->handle);
  bool final = err != 0 || state == RASCS_Connected || state == RASCS_Disconnected;
  if (!final) set_pause(job->handle, sim_now_ms(), 0);
  job->first_call = 1;
  bool more = true;
  int slot = callback_enter(job->handle);
  if (job->type == 0) ((RasDialFunc)job->fn)(WM_RASDIALEVENT, state, err);
  else if (job->type == 1) ((RasDialFunc1)job->fn)(h, WM_RASDIALEVENT, state, err, 0);
  else more = ((RasDialFunc2)job->fn)(job->callback_id, job->subentry, h, WM_RASDIALEVENT, state, err, 0) != 0;
  callback_leave(slot);
  if (!final) set_pause(job->handle, 0, sim_now_ms());
  return more;
}

/* What ended a dial before its planned end, if anything: 0 = nothing. A link dropped during
 * the dial is reported as RASCS_Disconnected with the code it dropped with; a RasHangUp from
 * another process as RASCS_Disconnected with ERROR_USER_DISCONNECTION (631, what a
 * synchronous RasDial returns then). A RasHangUp of this process stops the notifications
 * (RasDial remarks: none after RasHangUp). Sets *err; returns 1 for "report and stop", -1 for
 * "stop silently". */
/* Handles this process hung up (most recent first), so a notifier that finds its connection
 * already released can tell its own RasHangUp from another process's. */
#define HUNG_HERE_N 64
static char *hung_here[HUNG_HERE_N]; /* "<home>|<handle>": handles restart in every home */
static size_t hung_here_next;

static char *hung_key(uint64_t handle) {
  sbuf b = {0};
  sb_printf(&b, "%s|%llx", sim_home() ? sim_home() : "", (unsigned long long)handle);
  return b.p;
}

static void remember_hangup(uint64_t handle) {
  char *key = hung_key(handle);
  sim_mutex_lock();
  size_t at = hung_here_next++ % HUNG_HERE_N;
  free(hung_here[at]);
  hung_here[at] = key;
  sim_mutex_unlock();
}

static bool hung_up_here(uint64_t handle) {
  char *key = hung_key(handle);
  bool yes = false;
  sim_mutex_lock();
  for (size_t i = 0; i < HUNG_HERE_N && key; i++) yes = yes || (hung_here[i] && !strcmp(hung_here[i], key));
  sim_mutex_unlock();
  free(key);
  return yes;
}

static int interrupted(uint64_t handle, const sim_conn *c, int64_t now, uint32_t *err) {
  if (!c) { /* released already: hung up (after releaseDelayMs) */
    if (hung_up_here(handle)) return -1;
    *err = ERROR_USER_DISCONNECTION_;
    return 1;
  }
  if (c->hangup_ms) {
    if (c->hangup_pid == sim_getpid()) return -1;
    *err = ERROR_USER_DISCONNECTION_;
    return 1;
  }
  if (c->drop_ms && c->drop_ms <= now) {
    *err = c->drop_error;
    return 1;
  }
  return 0;
}

/* The async notifier thread: one call per RASCONNSTATE, ending with Connected or an error
 * (RASCONNSTATE reference order). A failing state is reported twice, first without and then
 * with dwError, as Windows may (RasDialFunc1: "dwError ... If an error has occurred"; a state
 * can be reported again); a drop or another process's hang-up during the dial ends it with
 * RASCS_Disconnected. */
static void notifier_main(void *arg) {
  notifier_job *job = arg;
  sim_set_home_override(job->home);
  for (int i = job->first_index;; i++) {
    sim_state st;
    sim_flock *lock;
    if (state_begin(&st, &lock) != 0) break;
    sim_conn *c = state_find(&st, job->handle);
    uint32_t err = 0;
    int why = interrupted(job->handle, c, sim_now_ms(), &err);
    if (why) {
      state_release(&st, lock);
      if (why > 0) notify(job, RASCS_Disconnected, err);
      break;
    }
    int n;
    int64_t at;
    int state = dial_sequence(c, i, &at, &n);
    bool last = i == n - 1;
    uint32_t fail = last && c->fail_state >= 0 ? c->fail_error : 0;
    state_release(&st, lock);
    if (i >= n) break;
    /* Sleep in short steps so a drop or a hang-up is seen while waiting. */
    for (int64_t now = sim_now_ms(); now < at; now = sim_now_ms()) {
      sim_sleep_ms(at - now > 20 ? 20 : at - now);
      if (state_begin(&st, &lock) != 0) break;
      c = state_find(&st, job->handle);
      why = interrupted(job->handle, c, sim_now_ms(), &err);
      if (c) dial_sequence(c, i, &at, &n); /* a callback's suspension may have moved it */
      state_release(&st, lock);
      if (why) break;
    }
    if (!why) {
      if (state_begin(&st, &lock) != 0) break;
      c = state_find(&st, job->handle);
      why = interrupted(job->handle, c, sim_now_ms(), &err);
      state_release(&st, lock);
    }
    if (why) {
      if (why > 0) notify(job, RASCS_Disconnected, err);
      break;
    }
    if (fail && !notify(job, state, 0)) break;
    if (!notify(job, state, fail) || last) break;
  }
  sim_set_home_override(NULL);
  /* RasDialW may still be waiting for the first call; the last of the two frees the job. */
  job->first_call = 1;
  if (__atomic_exchange_n(&job->detached, 1, __ATOMIC_ACQ_REL)) free(job->home), free(job);
}

static void load_creds(const char *path, const char *entry, const RASDIALPARAMSW_ *p, dial_creds *cr) {
  saved_creds sc, dflt, psk;
  creds_load(path, entry, creds_owner(), &sc);
  /* An all-user entry's default credentials (RASCM_DefaultCreds, "default credentials for an
   * all-user connection", RASCREDENTIALS) serve a caller who saved none of its own. */
  memset(&dflt, 0, sizeof dflt);
  if (is_allusers_pbk(path)) creds_load(path, entry, DEFAULT_CREDS_OWNER, &dflt);
  if (!sc.has_user && !sc.has_password && !sc.has_domain && (dflt.has_user || dflt.has_password)) {
    creds_free(&sc);
    sc = dflt;
    memset(&dflt, 0, sizeof dflt);
  }
  creds_free(&dflt);
  creds_load(path, entry, psk_owner(path), &psk);
  cr->user = w2u(p->szUserName, UNLEN_ + 1);
  cr->domain = w2u(p->szDomain, DNLEN_ + 1);
  cr->password = w2u(p->szPassword, PWLEN_ + 1);
  /* An empty user/domain, or an empty password / the RasGetCredentials password handle,
   * means "use what is saved for the entry" (RasGetCredentials remarks). */
  if (cr->user && !cr->user[0] && sc.has_user) free(cr->user), cr->user = sdup(sc.user);
  if (cr->domain && !cr->domain[0] && sc.has_domain) free(cr->domain), cr->domain = sdup(sc.domain);
  if (cr->password && (!cr->password[0] || !strcmp(cr->password, SAVED_PASSWORD_HANDLE)))
    free(cr->password), cr->password = sdup(sc.has_password ? sc.password : "");
  cr->psk = sdup(psk.has_psk ? psk.psk : "");
  creds_free(&sc), creds_free(&psk);
}

static uint32_t dial(const RASDIALEXTENSIONS_ *ext, const WCHAR_ *pbk, const RASDIALPARAMSW_ *p,
                     uint32_t notifier_type, void *notifier, HRASCONN_ *out);

/* https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasdialw
 * Called on a thread without a home (a caller's worker thread), the phone book's path names
 * the machine (sim_adopt_home_for_path). */
RASSIM_EXPORT uint32_t RasDialW(const RASDIALEXTENSIONS_ *ext, const WCHAR_ *pbk, const RASDIALPARAMSW_ *p,
                               uint32_t notifier_type, void *notifier, HRASCONN_ *out) {
  char *path = pbk ? w2u(pbk, 32768) : NULL;
  bool adopted = sim_adopt_home_for_path(path);
  free(path);
  uint32_t rc = dial(ext, pbk, p, notifier_type, notifier, out);
  if (adopted) sim_set_home_override(NULL);
  return rc;
}

static uint32_t dial(const RASDIALEXTENSIONS_ *ext, const WCHAR_ *pbk, const RASDIALPARAMSW_ *p,
                     uint32_t notifier_type, void *notifier, HRASCONN_ *out) {
  if (!sim_home()) return ERROR_CANNOT_OPEN_PHONEBOOK_;
  if (!p || !out) return ERROR_INVALID_PARAMETER_;
  if (ext && !size_ok(S_RASDIALEXTENSIONS, ext->dwSize)) return ERROR_INVALID_SIZE_;
  if (!size_ok(S_RASDIALPARAMS, p->dwSize)) return ERROR_INVALID_SIZE_;
  if (notifier && notifier_type > 2) return ERROR_INVALID_PARAMETER_;
  *out = NULL;
  char *name = w2u(p->szEntryName, RAS_MaxEntryName + 1);
  char *phone_override = w2u(p->szPhoneNumber, RAS_MaxPhoneNumber + 1);
  pbk_book b;
  long idx;
  char *path = NULL;
  RASENTRYW_ e;
  int rc = 0;
  if (name && name[0]) {
    rc = entry_locate(pbk, name, &b, &idx, &path);
    if (!rc) {
      entry_decode(&b.secs[idx], &e);
      free(name);
      name = sdup(b.secs[idx].name);
      pbk_free(&b);
    }
  } else { /* no entry: a simple modem call to szPhoneNumber */
    memset(&e, 0, sizeof e);
    e.dwType = RASET_Phone;
    u2w("modem", e.szDeviceType, RAS_MaxDeviceType + 1);
    u2w(sim_devices[sim_ndevices - 1].name, e.szDeviceName, RAS_MaxDeviceName + 1);
    if (!phone_override || !phone_override[0]) rc = ERROR_CANNOT_FIND_PHONEBOOK_ENTRY_;
    path = sdup("");
  }
  if (rc) {
    free(name), free(phone_override), free(path);
    return (uint32_t)rc;
  }
  dial_creds cr = {0};
  load_creds(path, name, p, &cr);
  world *w = world_load();
  sim_state st;
  sim_flock *lock;
  if (!w || state_begin(&st, &lock) != 0) {
    world_free(w), free(name), free(phone_override), free(path);
    free(cr.user), free(cr.password), free(cr.domain), free(cr.psk);
    return ERROR_NOT_ENOUGH_MEMORY_;
  }
  int64_t now = sim_now_ms();
  uint32_t result = 0;
  sim_conn *referenced = NULL;
  for (size_t i = 0; i < st.n; i++) {
    sim_conn *o = &st.c[i];
    if (o->kind || o->hangup_ms || !str_eq(o->phonebook, path) || !name_eq(o->entry, name)) continue;
    conn_progress op = conn_eval(o, now);
    /* "RAS supports referenced connections. If the entry being dialed is already connected,
     * RasDial returns SUCCESS and the connection is referenced. ... each RasDial on the
     * connection should be matched by a RasHangUp" (RasDial remarks). The same handle comes
     * back. An entry still being dialed gives 756 ("This connection is already being
     * dialed"); a dropped or failed one is dead and a new dial starts. */
    if (op.connected) referenced = o;
    else if (!op.terminal) result = ERROR_DIAL_ALREADY_IN_PROGRESS_;
  }
  if (referenced && !result) {
    referenced->refs = (referenced->refs > 0 ? referenced->refs : 1) + 1;
    st.dials++;
    st.last_dial_params_size = p->dwSize;
    *out = U64_TO_HANDLE(referenced->handle);
    uint64_t rh = referenced->handle;
    int last = 0, nstates = 0;
    int64_t at;
    dial_sequence(referenced, 0, &at, &nstates);
    last = nstates - 1;
    state_commit(&st, lock);
    world_free(w);
    free(name), free(phone_override), free(path);
    free(cr.user), free(cr.password), free(cr.domain), free(cr.psk);
    if (notifier) {
      notifier_job *job = calloc(1, sizeof *job);
      if (job) {
        job->home = sdup(sim_home());
        job->handle = rh;
        job->type = notifier_type;
        job->fn = notifier;
        job->first_index = last; /* just RASCS_Connected */
        job->callback_id = p->dwSize >= 2108 ? p->dwCallbackId : 0;
        job->subentry = p->dwSize >= 2100 ? p->dwSubEntry : 0;
        if (sim_thread_start(notifier_main, job) != 0) {
          free(job->home), free(job);
        } else {
          for (int k = 0; k < 1000 && !job->first_call; k++) sim_sleep_ms(1);
          if (__atomic_exchange_n(&job->detached, 1, __ATOMIC_ACQ_REL)) free(job->home), free(job);
        }
      }
    }
    return 0;
  }
  sim_conn *c = result ? NULL : state_add(&st);
  if (c) {
    char *dt = w2u(e.szDeviceType, RAS_MaxDeviceType + 1);
    c->entry = sdup(name);
    c->phonebook = sdup(path);
    c->device_type = dt && dt[0] ? dt : sdup(e.dwType == RASET_Vpn ? "vpn" : "modem");
    if (c->device_type != dt) free(dt);
    c->device_name = w2u(e.szDeviceName, RAS_MaxDeviceName + 1);
    c->phone = phone_override && phone_override[0] ? sdup(phone_override) : w2u(e.szLocalPhoneNumber, RAS_MaxPhoneNumber + 1);
    memcpy(c->guid, &e.guidId, 16);
    c->is_vpn = e.dwType == RASET_Vpn || !strcmp(c->device_type, "vpn");
    c->start_ms = now;
    c->pid = sim_getpid();
    c->step_ms = w->dial_step_ms;
    c->stats_base_ms = 0;
    decide(c, &e, w, &st, &cr);
    st.dials++;
    st.last_dial_params_size = p->dwSize;
    *out = U64_TO_HANDLE(c->handle);
  }
  uint64_t handle = c ? c->handle : 0;
  if (c) state_commit(&st, lock);
  else state_release(&st, lock);
  world_free(w);
  free(name), free(phone_override), free(path);
  free(cr.user), free(cr.password), free(cr.domain), free(cr.psk);
  if (result) return result;
  if (notifier) {
    notifier_job *job = calloc(1, sizeof *job);
    if (job) {
      job->home = sdup(sim_home());
      job->handle = handle;
      job->type = notifier_type;
      job->fn = notifier;
      job->callback_id = p->dwSize >= 2108 ? p->dwCallbackId : 0;
      job->subentry = p->dwSize >= 2100 ? p->dwSubEntry : 0;
      if (sim_thread_start(notifier_main, job) != 0) {
        free(job->home), free(job);
      } else {
        /* The first notification may come before RasDial returns (RasDial remarks: the
         * notifier runs on another thread); the sim makes sure it does, waiting at most 1 s for
         * the notifier to start its first call (not for it to finish: a caller whose callback
         * runs on the calling thread would never see it finish). */
        for (int k = 0; k < 1000 && !job->first_call; k++) sim_sleep_ms(1);
        if (__atomic_exchange_n(&job->detached, 1, __ATOMIC_ACQ_REL)) free(job->home), free(job);
      }
    }
    return 0;
  }
  /* Synchronous: block until connected or failed (or hung up by someone else). */
  for (;;) {
    if (state_begin(&st, &lock) != 0) return ERROR_NOT_ENOUGH_MEMORY_;
    sim_conn *cc = state_find(&st, handle);
    if (!cc) {
      state_release(&st, lock);
      return ERROR_USER_DISCONNECTION_;
    }
    int64_t t = sim_now_ms();
    conn_progress pr = conn_eval(cc, t);
    int n;
    int64_t next = t + 20, at;
    for (int i = 0; dial_sequence(cc, i, &at, &n), i < n; i++)
      if (at > t) {
        next = at;
        break;
      }
    bool hung = cc->hangup_ms != 0;
    state_release(&st, lock);
    if (hung) return ERROR_USER_DISCONNECTION_;
    if (pr.terminal) return pr.connected ? 0 : (pr.error ? pr.error : ERROR_USER_DISCONNECTION_);
    int64_t wait = next - t;
    sim_sleep_ms(wait < 1 ? 1 : wait > 50 ? 50 : wait);
  }
}

/* https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rashangupw: returns at once; the
 * link lingers (RASCS_Disconnected) for world releaseDelayMs, then the handle is invalid. */
static uint32_t hang_up(HRASCONN_ h);

/* On a thread without a home, the handle names the machine (sim_adopt_home_for_handle). */
RASSIM_EXPORT uint32_t RasHangUpW(HRASCONN_ h) {
  bool adopted = sim_adopt_home_for_handle(HANDLE_TO_U64(h));
  uint32_t rc = hang_up(h);
  if (adopted) sim_set_home_override(NULL);
  return rc;
}

static uint32_t hang_up(HRASCONN_ h) {
  if (!sim_home()) return ERROR_INVALID_HANDLE_;
  uint32_t waited = wait_for_callback(HANDLE_TO_U64(h));
  if (waited) return waited;
  sim_state st;
  sim_flock *lock;
  if (state_begin(&st, &lock) != 0) return ERROR_INVALID_HANDLE_;
  sim_conn *c = state_find(&st, HANDLE_TO_U64(h));
  if (!c) {
    state_release(&st, lock);
    return ERROR_INVALID_HANDLE_;
  }
  if (c->hangup_ms) { /* still lingering from an earlier RasHangUp */
    state_release(&st, lock);
    return 0;
  }
  if (c->refs > 1) { /* a referenced connection: this RasHangUp matches one RasDial (RasDial remarks) */
    c->refs--;
    st.hangups++;
    state_commit(&st, lock);
    return 0;
  }
  world *w = world_load();
  int64_t now = sim_now_ms();
  bool was_link = !c->is_vpn && conn_eval(c, now).connected;
  c->hangup_ms = now;
  c->hangup_pid = sim_getpid();
  remember_hangup(c->handle);
  c->release_ms = now + (w ? w->release_delay_ms : 300);
  st.hangups++;
  /* A VPN riding on this dial-up link loses its network: ERROR_VPN_DISCONNECT (807). */
  if (was_link && w && !w->ip_network) {
    bool other = false;
    for (size_t i = 0; i < st.n; i++)
      if (&st.c[i] != c && !st.c[i].is_vpn && !st.c[i].hangup_ms && conn_eval(&st.c[i], now).connected) other = true;
    for (size_t i = 0; i < st.n && !other; i++)
      if (st.c[i].is_vpn && !st.c[i].hangup_ms && !st.c[i].drop_ms) st.c[i].drop_ms = now, st.c[i].drop_error = 807;
  }
  world_free(w);
  state_commit(&st, lock);
  return 0;
}
