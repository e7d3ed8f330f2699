/*
 * world.c - $RASSIM_HOME/world.ini, the simulated network (documented in tests/sim/README.md).
 * It is parsed afresh on every call that needs it, so a test may rewrite it at any time and
 * the next RAS call in any process sees the change.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sim.h"

static char *clean_value(const char *v) {
  while (*v == ' ' || *v == '\t') v++;
  size_t n = strlen(v);
  for (size_t i = 0; i < n; i++)
    if ((v[i] == ';' || v[i] == '#') && (i == 0 || v[i - 1] == ' ' || v[i - 1] == '\t')) {
      n = i;
      break;
    }
  while (n && (v[n - 1] == ' ' || v[n - 1] == '\t')) n--;
  return sndup(v, n);
}

static bool key_is(const char *line, const char *key, char **value) {
  while (*line == ' ' || *line == '\t') line++;
  size_t k = strlen(key);
  if (strncasecmp(line, key, k) != 0) return false;
  const char *p = line + k;
  while (*p == ' ' || *p == '\t') p++;
  if (*p != '=') return false;
  *value = clean_value(p + 1);
  return *value != NULL;
}

static bool truthy(const char *v) {
  return !strcmp(v, "1") || !strcasecmp(v, "true") || !strcasecmp(v, "yes") || !strcasecmp(v, "on");
}

int winver_of(const char *v) {
  if (!v) return -1;
  if (!strcasecmp(v, "win7")) return SIM_WIN7;
  if (!strcasecmp(v, "win8")) return SIM_WIN8;
  if (!strcasecmp(v, "win81")) return SIM_WIN81;
  if (!strcasecmp(v, "win10-1709") || !strcasecmp(v, "1709")) return SIM_WIN10_1709;
  if (!strcasecmp(v, "win10") || !strcasecmp(v, "win11") || !strcasecmp(v, "win10-2004")) return SIM_WIN10;
  return -1;
}

static unsigned protocols_of(const char *v) {
  unsigned p = 0;
  char *copy = sdup(v);
  for (char *tok = copy; copy && *tok;) {
    char *end = tok + strcspn(tok, ", ");
    char save = *end;
    *end = 0;
    if (!strcasecmp(tok, "ikev2")) p |= P_IKEV2;
    if (!strcasecmp(tok, "sstp")) p |= P_SSTP;
    if (!strcasecmp(tok, "l2tp")) p |= P_L2TP;
    if (!strcasecmp(tok, "pptp")) p |= P_PPTP;
    tok = save ? end + 1 : end;
  }
  free(copy);
  return p;
}

static void defaults(world *w) {
  w->winver = SIM_WIN10;
  w->ip_network = true;
  w->release_delay_ms = 300;
  w->dial_step_ms = 20;
  w->local_ipv4 = sdup("192.168.1.23");
}

world *world_load(void) {
  world *w = calloc(1, sizeof *w);
  if (!w) return NULL;
  defaults(w);
  char *path = home_path("world.ini");
  char *data = NULL;
  size_t len;
  pbk_book b;
  if (!path || sim_read_file(path, 1u << 20, &data, &len) != 0 || pbk_parse(data, len, &b, true) != 0) {
    free(path);
    free(data);
    return w;
  }
  free(path);
  free(data);
  size_t cap = 0;
  for (size_t i = 0; i < b.n; i++) {
    const pbk_section *s = &b.secs[i];
    const char *sp = strchr(s->name, ' ');
    if (!strcasecmp(s->name, "machine")) {
      for (size_t j = 0; j < s->n; j++) {
        char *v = NULL;
        if (key_is(s->lines[j], "windows", &v)) w->winver = winver_of(v) < 0 ? SIM_WIN10 : winver_of(v);
        else if (key_is(s->lines[j], "ipNetwork", &v)) w->ip_network = truthy(v);
        else if (key_is(s->lines[j], "releaseDelayMs", &v)) w->release_delay_ms = atoi(v);
        else if (key_is(s->lines[j], "dialStepMs", &v)) w->dial_step_ms = atoi(v);
        else if (key_is(s->lines[j], "notifyOnlyOnce", &v)) w->notify_only_once = truthy(v);
        else if (key_is(s->lines[j], "localIpv4", &v)) free(w->local_ipv4), w->local_ipv4 = sdup(v);
        else if (key_is(s->lines[j], "switchWindowsAfterGets", &v)) w->switch_after_gets = atoi(v);
        else if (key_is(s->lines[j], "switchWindowsTo", &v)) free(w->switch_to), w->switch_to = sdup(v);
        free(v);
      }
      continue;
    }
    if (!strcasecmp(s->name, "default entry")) {
      for (size_t j = 0; j < s->n; j++)
        if (strchr(s->lines[j], '=')) {
          char **nl = realloc(w->default_entry, (w->ndefault_entry + 1) * sizeof *nl);
          if (!nl) break;
          w->default_entry = nl;
          w->default_entry[w->ndefault_entry++] = sdup(s->lines[j]);
        }
      continue;
    }
    if (!sp) continue;
    bool phone = !strncasecmp(s->name, "phone ", 6);
    if (!phone && strncasecmp(s->name, "server ", 7)) continue;
    if (w->nservers == cap) {
      cap = cap ? cap * 2 : 4;
      world_server *ns = realloc(w->servers, cap * sizeof *ns);
      if (!ns) break;
      w->servers = ns;
    }
    world_server *sv = &w->servers[w->nservers++];
    memset(sv, 0, sizeof *sv);
    while (*sp == ' ') sp++;
    sv->name = sdup(sp);
    sv->is_phone = phone;
    sv->protocols = P_IKEV2 | P_SSTP | P_L2TP | P_PPTP;
    sv->reachable = true;
    for (size_t j = 0; j < s->n; j++) {
      char *v = NULL;
      const char *l = s->lines[j];
      if (key_is(l, "protocols", &v)) sv->protocols = protocols_of(v);
      else if (key_is(l, "user", &v)) sv->user = v, v = NULL;
      else if (key_is(l, "password", &v)) sv->password = v, v = NULL;
      else if (key_is(l, "domain", &v)) sv->domain = v, v = NULL;
      else if (key_is(l, "psk", &v)) sv->psk = v, v = NULL;
      else if (key_is(l, "ipv4", &v)) sv->ipv4 = v, v = NULL;
      else if (key_is(l, "ipv6", &v)) sv->ipv6 = v, v = NULL;
      else if (key_is(l, "serverIpv4", &v)) sv->server_ipv4 = v, v = NULL;
      else if (key_is(l, "reachable", &v)) sv->reachable = truthy(v);
      else if (key_is(l, "latencyMs", &v)) sv->latency_ms = atoi(v);
      free(v);
    }
  }
  pbk_free(&b);
  return w;
}

void world_free(world *w) {
  if (!w) return;
  for (size_t i = 0; i < w->nservers; i++) {
    world_server *s = &w->servers[i];
    free(s->name), free(s->user), free(s->password), free(s->domain), free(s->psk);
    free(s->ipv4), free(s->ipv6), free(s->server_ipv4);
  }
  free(w->servers);
  for (size_t i = 0; i < w->ndefault_entry; i++) free(w->default_entry[i]);
  free(w->default_entry);
  free(w->switch_to);
  free(w->local_ipv4);
  free(w);
}

const world_server *world_find(const world *w, const char *name, bool phone) {
  for (size_t i = 0; i < w->nservers; i++)
    if (w->servers[i].is_phone == phone && !strcasecmp(w->servers[i].name, name)) return &w->servers[i];
  if (phone)
    for (size_t i = 0; i < w->nservers; i++)
      if (w->servers[i].is_phone && !strcmp(w->servers[i].name, "*")) return &w->servers[i];
  return NULL;
}

int world_set(const char *sec, const char *key, const char *value) {
  char *path = home_path("world.ini");
  if (!path) return -1;
  sim_flock *lock = pbk_write_lock();
  char *data = NULL;
  size_t len = 0;
  pbk_book b;
  if (sim_read_file(path, 1u << 20, &data, &len) != 0) data = sdup(""), len = 0;
  int rc = data ? pbk_parse(data, len, &b, true) : -1;
  free(data);
  if (rc == 0) {
    long idx = -1;
    for (size_t i = 0; i < b.n; i++)
      if (!strcasecmp(b.secs[i].name, sec)) idx = (long)i;
    pbk_section *s = idx >= 0 ? &b.secs[idx] : pbk_add_section(&b, sec);
    sbuf line = {0};
    sb_printf(&line, "%s=%s", key, value);
    bool done = false;
    for (size_t j = 0; s && j < s->n && !done; j++) {
      char *v = NULL;
      if (key_is(s->lines[j], key, &v)) sec_replace(s, j, line.p), done = true;
      free(v);
    }
    if (s && !done) {
      size_t at = s->n;
      while (at && !s->lines[at - 1][0]) at--;
      sec_insert(s, at, line.p);
    }
    sb_free(&line);
    rc = pbk_save(path, &b) ? -1 : 0;
    pbk_free(&b);
  }
  sim_unlock_file(lock);
  free(path);
  return rc;
}
