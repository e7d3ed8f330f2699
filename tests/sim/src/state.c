/*
 * state.c - the system-wide connection table, $RASSIM_HOME/connections.state, guarded by an
 * exclusive lock on $RASSIM_HOME/connections.lock (flock / LockFileEx) and replaced
 * atomically, so a connection dialed by one process is listed, queried and hung up by another.
 * Connection progress is not stored: it is computed from the dial's start time and the world's
 * delays on every query (conn_eval), so no background process is needed.
 *
 * File format (text, one record per line, values percent-encoded):
 *   rassim-state 1
 *   next <next handle> | counters <dials> <hangups> | grow <entries> <connections> <devices>
 *   | sizes <last RASENTRY dwSize set> <last RASDIALPARAMS dwSize dialed>
 *   extradev <n>
 *   conn handle=<hex> entry=<name> pbk=<path> ... (see write_conn)
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"

static void enc(sbuf *b, const char *s) {
  for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
    if (*p <= 0x20 || *p == '%' || *p == '=' || *p == 0x7F)
      sb_printf(b, "%%%02X", *p);
    else
      sb_add(b, (const char *)p, 1);
  }
}

/* Decodes a percent-encoded value in place (the result is never longer) and returns it. The
 * table is re-read on every state_begin (another process may have replaced it), so its
 * strings stay in the buffer the file was read into (st->text) instead of one malloc each. */
static char *dec_in_place(char *s) {
  size_t n = strlen(s), k = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned v;
    if (s[i] == '%' && i + 2 < n + 1 && sscanf(s + i + 1, "%2X", &v) == 1) {
      s[k++] = (char)v;
      i += 2;
    } else {
      s[k++] = s[i];
    }
  }
  s[k] = 0;
  return s;
}

/* A string of a loaded connection points into st->text; one set since (state_add, dial.c)
 * is its own allocation. */
static void str_free(const sim_state *st, char *p) {
  if (p && !(st->text && p >= st->text && p < st->text + st->text_len)) free(p);
}

static void conn_free(const sim_state *st, sim_conn *c) {
  str_free(st, c->entry), str_free(st, c->phonebook), str_free(st, c->device_type);
  str_free(st, c->device_name), str_free(st, c->phone), str_free(st, c->ipv4);
  str_free(st, c->ipv6), str_free(st, c->server_ipv4), str_free(st, c->local_ipv4);
  memset(c, 0, sizeof *c);
}

void state_free(sim_state *st) {
  for (size_t i = 0; i < st->n; i++) conn_free(st, &st->c[i]);
  free(st->c);
  free(st->text);
  memset(st, 0, sizeof *st);
}

sim_conn *state_add(sim_state *st) {
  if (st->n == st->cap) {
    size_t c = st->cap ? st->cap * 2 : 8;
    sim_conn *p = realloc(st->c, c * sizeof *p);
    if (!p) return NULL;
    st->c = p;
    st->cap = c;
  }
  sim_conn *c = &st->c[st->n++];
  memset(c, 0, sizeof *c);
  c->fail_state = -1;
  c->handle = st->next_handle++;
  return c;
}

sim_conn *state_find(sim_state *st, uint64_t handle) {
  for (size_t i = 0; i < st->n; i++)
    if (st->c[i].handle == handle) return &st->c[i];
  return NULL;
}

bool state_gc(sim_state *st, int64_t now) {
  bool changed = false;
  for (size_t i = 0; i < st->n;) {
    if (st->c[i].hangup_ms && now >= st->c[i].release_ms) {
      conn_free(st, &st->c[i]);
      memmove(&st->c[i], &st->c[i + 1], (st->n - i - 1) * sizeof *st->c);
      st->n--;
      changed = true;
    } else {
      i++;
    }
  }
  return changed;
}

#define STR_FIELDS(X)                                                                           \
  X("entry", entry) X("pbk", phonebook) X("devtype", device_type) X("devname", device_name)   \
  X("phone", phone) X("ipv4", ipv4) X("ipv6", ipv6) X("sipv4", server_ipv4) X("lipv4", local_ipv4)
#define NUM_FIELDS(X)                                                                           \
  X("kind", kind) X("vpn", is_vpn) X("proto", protocol) X("start", start_ms) X("step", step_ms) \
  X("lat", latency_ms) X("failstate", fail_state) X("failerr", fail_error) X("hangup", hangup_ms) X("hpid", hangup_pid) X("pause", pause_ms) X("refs", refs) \
  X("release", release_ms) X("drop", drop_ms) X("droperr", drop_error)                         \
  X("statsbase", stats_base_ms) X("eap", auth_eap) X("pid", pid) X("links", links)

static void parse_conn(sim_state *st, char *line) {
  sim_conn *c = state_add(st);
  if (!c) return;
  st->next_handle--;
  for (char *tok = line; tok;) {
    char *sp = strchr(tok, ' ');
    if (sp) *sp++ = 0;
    char *cur = tok;
    tok = sp;
    char *eq = strchr(cur, '=');
    if (!eq) continue;
    *eq = 0;
    const char *k = cur;
    char *v = eq + 1;
    if (!strcmp(k, "handle")) c->handle = strtoull(v, NULL, 16);
    else if (!strcmp(k, "guid")) {
      for (int i = 0; i < 16 && v[2 * i] && v[2 * i + 1]; i++) {
        unsigned x;
        if (sscanf(v + 2 * i, "%2X", &x) == 1) c->guid[i] = (uint8_t)x;
      }
    }
#define S(name, m) else if (!strcmp(k, name)) c->m = dec_in_place(v);
    STR_FIELDS(S)
#undef S
#define N(name, m) else if (!strcmp(k, name)) c->m = (__typeof__(c->m))strtoll(v, NULL, 10);
    NUM_FIELDS(N)
#undef N
  }
}

/* "$RASSIM_HOME/<rel>" in buf, or NULL without a home (or past PATH_MAX-like lengths): as
 * home_path, without a malloc on every RAS call. */
static const char *home_file(char *buf, size_t n, const char *rel) {
  const char *h = sim_home();
  if (!h) return NULL;
  size_t hl = strlen(h);
  int w = snprintf(buf, n, "%s%s%s", h, hl && h[hl - 1] != '/' ? "/" : "", rel);
  return w >= 0 && (size_t)w < n ? buf : NULL;
}

static int state_load(sim_state *st) {
  memset(st, 0, sizeof *st);
  st->next_handle = sim_handle_base() | 0x10001;
  char pb[4096];
  const char *path = home_file(pb, sizeof pb, "connections.state");
  char *data = NULL;
  size_t len;
  int rc = path ? sim_read_file(path, 16u << 20, &data, &len) : -3;
  if (rc == -1) return 0;
  if (rc != 0) return -1;
  size_t conns = 0; /* the array is allocated once, at its size */
  for (const char *p = data; (p = strstr(p, "\nconn ")) != NULL; p++) conns++;
  if (conns && !(st->c = malloc(conns * sizeof *st->c))) {
    free(data);
    return -1;
  }
  st->cap = conns;
  for (char *line = data, *next; line && *line; line = next) {
    next = strchr(line, '\n');
    if (next) *next++ = 0;
    uint64_t a, b2, c3;
    if (has_prefix(line, "conn ")) parse_conn(st, line + 5);
    else if (sscanf(line, "next %" SCNx64, &a) == 1) st->next_handle = a;
    else if (sscanf(line, "counters %" SCNu64 " %" SCNu64, &a, &b2) == 2) st->dials = a, st->hangups = b2;
    else if (sscanf(line, "grow %" SCNu64 " %" SCNu64 " %" SCNu64, &a, &b2, &c3) == 3)
      st->grow[0] = (int)a, st->grow[1] = (int)b2, st->grow[2] = (int)c3;
    else if (sscanf(line, "extradev %" SCNu64, &a) == 1) st->extra_devices = (int)a;
    else if (sscanf(line, "sizes %" SCNu64 " %" SCNu64, &a, &b2) == 2)
      st->last_entry_size = (uint32_t)a, st->last_dial_params_size = (uint32_t)b2;
  }
  st->text = data; /* the connections' strings (parse_conn); freed by state_free */
  st->text_len = len + 1;
  return 0;
}

int state_begin(sim_state *st, sim_flock **lock) {
  memset(st, 0, sizeof *st);
  char lb[4096];
  const char *lp = home_file(lb, sizeof lb, "connections.lock");
  *lock = lp ? sim_lock_file(lp) : NULL;
  if (!*lock) return -1;
  if (state_load(st) != 0) {
    sim_unlock_file(*lock);
    *lock = NULL;
    return -1;
  }
  state_gc(st, sim_now_ms());
  return 0;
}

int state_commit(sim_state *st, sim_flock *lock) {
  sbuf b = {0};
  /* The header and a record take about 130 and 500 bytes; a grown buffer is reallocated. */
  sb_reserve(&b, 256 + st->n * 640);
  sb_printf(&b, "rassim-state 1\nnext %" PRIx64 "\ncounters %" PRIu64 " %" PRIu64 "\n", st->next_handle,
            st->dials, st->hangups);
  sb_printf(&b, "grow %d %d %d\nextradev %d\n", st->grow[0], st->grow[1], st->grow[2], st->extra_devices);
  sb_printf(&b, "sizes %u %u\n", (unsigned)st->last_entry_size, (unsigned)st->last_dial_params_size);
  for (size_t i = 0; i < st->n; i++) {
    const sim_conn *c = &st->c[i];
    sb_printf(&b, "conn handle=%" PRIx64 " guid=", c->handle);
    for (int k = 0; k < 16; k++) sb_printf(&b, "%02X", c->guid[k]);
#define S(name, m) sb_puts(&b, " " name "="), enc(&b, c->m);
    STR_FIELDS(S)
#undef S
#define N(name, m) sb_printf(&b, " " name "=%lld", (long long)c->m);
    NUM_FIELDS(N)
#undef N
    sb_puts(&b, "\n");
  }
  char *path = home_path("connections.state");
  int rc = (!b.oom && path) ? sim_write_atomic(path, b.p, b.n) : -1;
  free(path);
  sb_free(&b);
  state_release(st, lock);
  return rc;
}

void state_release(sim_state *st, sim_flock *lock) {
  sim_unlock_file(lock);
  state_free(st);
}

/* RASCONNSTATE order from the RASCONNSTATE reference ("listed in the general order in which
 * the connection states occur"), without the callback/pause states a plain dial skips. */
static const int k_seq[] = {RASCS_OpenPort,  RASCS_PortOpened,     RASCS_ConnectDevice,
                            RASCS_DeviceConnected, RASCS_AllDevicesConnected, RASCS_Authenticate,
                            RASCS_AuthNotify, RASCS_AuthProject,   RASCS_AuthLinkSpeed,
                            RASCS_AuthAck,   RASCS_Authenticated,  RASCS_Projected,
                            RASCS_Connected};
#define SEQ_N ((int)(sizeof k_seq / sizeof k_seq[0]))

int dial_sequence(const sim_conn *c, int i, int64_t *at_ms, int *n) {
  int last = SEQ_N - 1;
  if (c->fail_state >= 0)
    for (int k = 0; k < SEQ_N; k++)
      if (k_seq[k] == c->fail_state) last = k;
  *n = last + 1;
  if (i > last) i = last;
  *at_ms = c->start_ms + (int64_t)i * c->step_ms + (i >= 3 ? c->latency_ms : 0);
  return k_seq[i];
}

conn_progress conn_eval(const sim_conn *c, int64_t now) {
  conn_progress p = {RASCS_OpenPort, 0, false, false, 0};
  /* RasDialFunc1 remarks: the dial is suspended while the callback runs. */
  if (c->pause_ms && c->pause_ms < now) now = c->pause_ms;
  if (c->hangup_ms) {
    p.state = RASCS_Disconnected;
    p.terminal = true;
    return p;
  }
  if (c->drop_ms && c->drop_ms <= now) {
    p.state = RASCS_Disconnected;
    p.error = c->drop_error;
    p.terminal = true;
    return p;
  }
  int n;
  int64_t at;
  dial_sequence(c, 0, &at, &n);
  for (int i = 0; i < n; i++) {
    int s = dial_sequence(c, i, &at, &n);
    if (at > now) break;
    p.state = s;
    if (i == n - 1) {
      p.terminal = true;
      if (c->fail_state >= 0) {
        p.error = c->fail_error;
      } else {
        p.connected = true;
        p.connected_ms = at;
      }
    }
  }
  return p;
}

/* Listed from RasDial until RasHangUp, dropped or failed links too: "Data is available until
 * an application calls RasHangUp" (RasDial remarks), and the handle must still be hung up. */
bool conn_listed(const sim_conn *c, int64_t now) {
  (void)now;
  return !c->hangup_ms;
}
