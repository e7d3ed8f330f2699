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
} notifier_job;

typedef void (*RasDialFunc)(uint32_t msg, int32_t state, uint32_t err);
typedef void (*RasDialFunc1)(HRASCONN_ h, uint32_t msg, int32_t state, uint32_t err, uint32_t ext);
typedef uint32_t (*RasDialFunc2)(uint64_t cb, uint32_t sub, HRASCONN_ h, uint32_t msg, int32_t state,
                                 uint32_t err, uint32_t ext);

/* The async notifier thread: one call per RASCONNSTATE, ending with Connected or an error;
 * none after RasHangUp (RasDial reference: notifications stop once connected, failed or hung up). */
static void notifier_main(void *arg) {
  notifier_job *job = arg;
  sim_set_home_override(job->home);
  for (int i = 0;; i++) {
    sim_state st;
    sim_flock *lock;
    if (state_begin(&st, &lock) != 0) break;
    sim_conn *c = state_find(&st, job->handle);
    if (!c || c->hangup_ms) {
      state_release(&st, lock);
      break;
    }
    int n;
    int64_t at;
    int state = dial_sequence(c, i, &at, &n);
    bool last = i == n - 1;
    uint32_t err = last && c->fail_state >= 0 ? c->fail_error : 0;
    state_release(&st, lock);
    if (i >= n) break;
    sim_sleep_ms(at - sim_now_ms());
    if (state_begin(&st, &lock) != 0) break;
    c = state_find(&st, job->handle);
    bool gone = !c || c->hangup_ms;
    state_release(&st, lock);
    if (gone) break;
    HRASCONN_ h = U64_TO_HANDLE(job->handle);
    if (job->type == 0) {
      ((RasDialFunc)job->fn)(WM_RASDIALEVENT, state, err);
    } else if (job->type == 1) {
      ((RasDialFunc1)job->fn)(h, WM_RASDIALEVENT, state, err, 0);
    } else if (((RasDialFunc2)job->fn)(job->callback_id, job->subentry, h, WM_RASDIALEVENT, state, err, 0) == 0) {
      break; /* RasDialFunc2 returning 0 stops further notifications */
    }
    if (last) break;
  }
  sim_set_home_override(NULL);
  free(job->home);
  free(job);
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

/* https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasdialw */
RASSIM_EXPORT uint32_t RasDialW(const RASDIALEXTENSIONS_ *ext, const WCHAR_ *pbk, const RASDIALPARAMSW_ *p,
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
  for (size_t i = 0; i < st.n; i++) {
    sim_conn *o = &st.c[i];
    if (o->kind || !conn_listed(o, now) || !str_eq(o->phonebook, path) || !name_eq(o->entry, name)) continue;
    /* 756 "This connection is already being dialed"; a connected entry's port is open:
     * ERROR_PORT_ALREADY_OPEN (602). Neither creates a new connection handle. */
    result = conn_eval(o, now).connected ? 602u : (uint32_t)ERROR_DIAL_ALREADY_IN_PROGRESS_;
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
      if (sim_thread_start(notifier_main, job) != 0) free(job->home), free(job);
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
RASSIM_EXPORT uint32_t RasHangUpW(HRASCONN_ h) {
  if (!sim_home()) return ERROR_INVALID_HANDLE_;
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
  world *w = world_load();
  int64_t now = sim_now_ms();
  bool was_link = !c->is_vpn && conn_eval(c, now).connected;
  c->hangup_ms = now;
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
