/*
 * control.c - test controls (not part of rasapi32): RasSimCommand and RasSimQuery.
 * Both take UTF-8 text; an optional "home=<path>;" prefix names the simulated machine for
 * this call only (so a test process can drive several homes without touching its env).
 * Commands and the JSON shape are documented in tests/sim/README.md.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sim.h"

static const char *take_home(const char *cmd) {
  if (!has_prefix(cmd, "home=")) return cmd;
  const char *semi = strchr(cmd, ';');
  if (!semi) return cmd;
  char *home = sndup(cmd + 5, (size_t)(semi - cmd - 5));
  sim_set_home_override(home);
  free(home);
  semi++;
  while (*semi == ' ') semi++;
  return semi;
}

/* Split into at most 3 words; the last word takes the rest of the line (names with spaces). */
static int words(const char *s, char *w[3]) {
  int n = 0;
  while (*s && n < 3) {
    while (*s == ' ') s++;
    if (!*s) break;
    if (n == 2 || (n == 1 && !strchr(s, ' '))) {
      size_t l = strlen(s);
      while (l && s[l - 1] == ' ') l--;
      w[n++] = sndup(s, l);
      break;
    }
    const char *e = strchr(s, ' ');
    size_t l = e ? (size_t)(e - s) : strlen(s);
    w[n++] = sndup(s, l);
    s += l;
  }
  return n;
}

/* "drop <handle|entry> <code>": the entry name may contain spaces, the code is the last word. */
static uint32_t cmd_drop(const char *args) {
  const char *sp = strrchr(args, ' ');
  if (!sp) return ERROR_INVALID_PARAMETER_;
  int64_t code;
  if (!parse_i64(sp + 1, &code)) return ERROR_INVALID_PARAMETER_;
  char *target = sndup(args, (size_t)(sp - args));
  sim_state st;
  sim_flock *lock;
  if (state_begin(&st, &lock) != 0) {
    free(target);
    return ERROR_INVALID_PARAMETER_;
  }
  int64_t now = sim_now_ms();
  int64_t h;
  bool by_handle = has_prefix(target, "0x") && parse_i64(target, &h);
  int hits = 0;
  for (size_t i = 0; i < st.n; i++) {
    sim_conn *c = &st.c[i];
    if (c->hangup_ms || c->drop_ms) continue;
    if (by_handle ? c->handle == (uint64_t)h : name_eq(c->entry, target)) {
      c->drop_ms = now;
      c->drop_error = (uint32_t)code;
      hits++;
    }
  }
  free(target);
  if (!hits) {
    state_release(&st, lock);
    return ERROR_INVALID_HANDLE_;
  }
  state_commit(&st, lock);
  return 0;
}

/* "links <handle|entry> <n>": a connected multilink connection now has n connected subentries
 * (RasGetSubEntryHandle answers 1..n); more is RASCN_BandwidthAdded, fewer
 * RASCN_BandwidthRemoved (notify.c). */
static uint32_t cmd_links(const char *args) {
  const char *sp = strrchr(args, ' ');
  int64_t n;
  if (!sp || !parse_i64(sp + 1, &n) || n < 1 || n > 64) return ERROR_INVALID_PARAMETER_;
  char *target = sndup(args, (size_t)(sp - args));
  sim_state st;
  sim_flock *lock;
  if (state_begin(&st, &lock) != 0) {
    free(target);
    return ERROR_INVALID_PARAMETER_;
  }
  int64_t h, now = sim_now_ms();
  bool by_handle = has_prefix(target, "0x") && parse_i64(target, &h);
  int hits = 0;
  for (size_t i = 0; i < st.n; i++) {
    sim_conn *c = &st.c[i];
    if (!conn_eval(c, now).connected || c->hangup_ms || (c->drop_ms && c->drop_ms <= now)) continue;
    if (by_handle ? c->handle == (uint64_t)h : name_eq(c->entry, target)) c->links = (int)n, hits++;
  }
  free(target);
  if (!hits) {
    state_release(&st, lock);
    return ERROR_INVALID_HANDLE_;
  }
  state_commit(&st, lock);
  return 0;
}

static uint32_t run(const char *cmd) {
  if (!strcmp(cmd, "unbind")) {
    sim_bind_thread_home(NULL);
    return 0;
  }
  if (!sim_home()) return ERROR_CANNOT_OPEN_PHONEBOOK_;
  if (!strcmp(cmd, "bind")) {
    sim_bind_thread_home(sim_home());
    return 0;
  }
  char *w[3] = {0};
  int n = words(cmd, w);
  uint32_t rc = ERROR_INVALID_PARAMETER_;
  if (n >= 1 && !strcmp(w[0], "drop") && n >= 2) {
    rc = cmd_drop(cmd + strspn(cmd, " ") + 5);
  } else if (n >= 1 && !strcmp(w[0], "links") && n >= 2) {
    rc = cmd_links(cmd + strspn(cmd, " ") + 6);
  } else if (n == 2 && (!strcmp(w[0], "unreachable") || !strcmp(w[0], "reachable"))) {
    char sec[300];
    snprintf(sec, sizeof sec, "server %s", w[1]);
    rc = world_set(sec, "reachable", w[0][0] == 'r' ? "1" : "0") ? ERROR_CANNOT_WRITE_PHONEBOOK_ : 0;
  } else if (n == 3 && !strcmp(w[0], "latency")) {
    char sec[300];
    snprintf(sec, sizeof sec, "server %s", w[1]);
    rc = world_set(sec, "latencyMs", w[2]) ? ERROR_CANNOT_WRITE_PHONEBOOK_ : 0;
  } else if (n == 3 && !strcmp(w[0], "grow-next-enum")) {
    int kind = !strcmp(w[1], "entries") ? GROW_ENTRIES : !strcmp(w[1], "connections") ? GROW_CONNECTIONS
               : !strcmp(w[1], "devices") ? GROW_DEVICES : -1;
    int64_t count;
    if (kind >= 0 && parse_i64(w[2], &count) && count >= 0) {
      sim_state st;
      sim_flock *lock;
      if (state_begin(&st, &lock) == 0) {
        st.grow[kind] = (int)count;
        state_commit(&st, lock);
        rc = 0;
      }
    }
  } else if (n == 2 && !strcmp(w[0], "notify-hold") && (!strcmp(w[1], "on") || !strcmp(w[1], "off"))) {
    /* This process's notification thread stands still (it needs the lock for each read of the
     * table) until the same calling thread says off: what other calls change meanwhile is
     * read as one change, as by a thread that was not scheduled. */
    if (w[1][1] == 'n') sim_notify_lock();
    else sim_notify_unlock();
    rc = 0;
  } else if (n == 1 && !strcmp(w[0], "reset-counters")) {
    sim_state st;
    sim_flock *lock;
    if (state_begin(&st, &lock) == 0) {
      st.dials = st.hangups = 0;
      state_commit(&st, lock);
      rc = 0;
    }
  }
  for (int i = 0; i < 3; i++) free(w[i]);
  return rc;
}

RASSIM_EXPORT uint32_t RasSimCommand(const char *utf8) {
  if (!utf8) return ERROR_INVALID_PARAMETER_;
  const char *cmd = take_home(utf8);
  uint32_t rc = run(cmd);
  sim_set_home_override(NULL);
  return rc;
}

static void state_json(sbuf *b) {
  sim_state st;
  sim_flock *lock;
  if (state_begin(&st, &lock) != 0) {
    sb_puts(b, "{\"error\":\"cannot read state\"}");
    return;
  }
  int64_t now = sim_now_ms();
  uint64_t leaked = 0, open = 0;
  sb_puts(b, "{\"connections\":[");
  for (size_t i = 0; i < st.n; i++) {
    const sim_conn *c = &st.c[i];
    conn_progress p = conn_eval(c, now);
    if (!c->kind && !c->hangup_ms) {
      open += c->refs > 1 ? (uint64_t)c->refs : 1;
      if (!p.connected) leaked++;
    }
    sb_printf(b, "%s{\"handle\":\"0x%" PRIx64 "\",\"entry\":", i ? "," : "", c->handle);
    sb_json_str(b, c->entry);
    sb_puts(b, ",\"phonebook\":");
    sb_json_str(b, c->phonebook);
    sb_printf(b, ",\"state\":%d,\"error\":%u,\"hungUp\":%s,\"connected\":%s,\"dropped\":%s,\"refs\":%d,",
              p.state, p.error, c->hangup_ms ? "true" : "false", p.connected ? "true" : "false",
              c->drop_ms ? "true" : "false", c->refs > 1 ? c->refs : 1);
    sb_puts(b, "\"deviceType\":");
    sb_json_str(b, c->device_type);
    sb_puts(b, ",\"deviceName\":");
    sb_json_str(b, c->device_name);
    sb_puts(b, ",\"phoneNumber\":");
    sb_json_str(b, c->phone);
    static const char *const protos[] = {"", "ikev2", "sstp", "", "l2tp", "", "", "", "pptp"};
    sb_printf(b, ",\"protocol\":\"%s\",\"grown\":%s,\"startMs\":%lld}",
              c->protocol > 0 && c->protocol <= 8 ? protos[c->protocol] : "", c->kind ? "true" : "false",
              (long long)c->start_ms);
  }
  sb_printf(b, "],\"counters\":{\"dials\":%" PRIu64 ",\"hangups\":%" PRIu64 ",\"leakedHandles\":%" PRIu64
            ",\"openHandles\":%" PRIu64 "},\"lastSizes\":{\"RASENTRY\":%u,\"RASDIALPARAMS\":%u},"
            "\"process\":{\"callbacksRunning\":%d,\"hangUpCallbackTimeouts\":%" PRIu64 "}}",
            st.dials, st.hangups, leaked, open, (unsigned)st.last_entry_size, (unsigned)st.last_dial_params_size,
            sim_callbacks_running(), sim_hangup_callback_timeouts());
  state_release(&st, lock);
}

/* RasSimQuery("state", out, cbOut): NUL-terminated UTF-8 JSON in out. If cbOut is too small it
 * returns ERROR_BUFFER_TOO_SMALL (603) and, when cbOut >= 4, stores the needed size in bytes
 * (including the NUL) as a little-endian uint32 at out[0..4]. */
RASSIM_EXPORT uint32_t RasSimQuery(const char *utf8, char *out, uint32_t cbOut) {
  if (!utf8) return ERROR_INVALID_PARAMETER_;
  const char *q = take_home(utf8);
  uint32_t rc = 0;
  sbuf b = {0};
  if (!sim_home()) rc = ERROR_CANNOT_OPEN_PHONEBOOK_;
  else if (!strcmp(q, "state")) state_json(&b);
  else rc = ERROR_INVALID_PARAMETER_;
  if (!rc) {
    if (b.oom) rc = ERROR_NOT_ENOUGH_MEMORY_;
    else if (!out || cbOut < b.n + 1) {
      rc = ERROR_BUFFER_TOO_SMALL_;
      if (out && cbOut >= 4) {
        uint32_t need = (uint32_t)b.n + 1;
        for (int i = 0; i < 4; i++) out[i] = (char)(need >> (8 * i));
      }
    } else {
      memcpy(out, b.p, b.n + 1);
    }
  }
  sb_free(&b);
  sim_set_home_override(NULL);
  return rc;
}
