/*
 * creds.c - saved credentials per (phone book, entry, owner) in $RASSIM_HOME/credentials.state.
 * The owner is the calling user (identity.c), or DEFAULT_CREDS_OWNER for the default (all-user)
 * credentials of an all-user entry (RASCM_DefaultCreds), which LocalSystem uses as its own.
 * RasGetCredentials / RasGetEntryDialParams never return a saved password: like Windows since
 * Vista they return a 16-character handle (SAVED_PASSWORD_HANDLE) and set RASCM_Password /
 * *lpfPassword; passing that handle (or an empty password) to RasDial or RasSetCredentials
 * means "the saved password" (RasGetCredentials remarks).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"

typedef struct {
  char *pbk, *entry, *owner;
  saved_creds c;
} cred_rec;

static void enc(sbuf *b, const char *s) {
  for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
    if (*p <= 0x20 || *p == '%' || *p == '\t' || *p == 0x7F) sb_printf(b, "%%%02X", *p);
    else sb_add(b, (const char *)p, 1);
}

static char *dec(const char *s) {
  size_t n = strlen(s), k = 0;
  char *o = malloc(n + 1);
  if (!o) return NULL;
  for (size_t i = 0; i < n; i++) {
    unsigned v;
    if (s[i] == '%' && sscanf(s + i + 1, "%2X", &v) == 1) o[k++] = (char)v, i += 2;
    else o[k++] = s[i];
  }
  o[k] = 0;
  return o;
}

void creds_free(saved_creds *c) {
  free(c->user), free(c->password), free(c->domain), free(c->psk);
  memset(c, 0, sizeof *c);
}

/* The store's size limit: a save that would pass it fails (never drops records), and a store
 * that cannot be read is never overwritten. */
#define CREDS_MAX_BYTES (4u << 20)
/* What a store failure returns. RasSetCredentials documents no code for it; this is the
 * simulator's choice (winerror.h: "Not enough memory resources are available"). */
#define CREDS_STORE_ERROR ERROR_NOT_ENOUGH_MEMORY_

/* Records are lines: pbk \t entry \t flags \t user \t password \t domain \t psk \t owner.
 * *err (if given) is set to CREDS_STORE_ERROR when the store exists but cannot be read. */
static size_t load_all_checked(cred_rec **out, uint32_t *err) {
  *out = NULL;
  if (err) *err = 0;
  char *path = home_path("credentials.state");
  char *data = NULL;
  size_t len, n = 0, cap = 0;
  int rc = path ? sim_read_file(path, CREDS_MAX_BYTES, &data, &len) : -3;
  if (rc != 0) {
    if (err && !(rc == -1 && path && !sim_file_exists(path))) *err = CREDS_STORE_ERROR;
    free(path);
    return 0;
  }
  free(path);
  for (char *line = data, *next; line && *line; line = next) {
    next = strchr(line, '\n');
    if (next) *next++ = 0;
    char *f[8] = {0};
    int k = 0;
    for (char *p = line; k < 8; k++) {
      f[k] = p;
      char *t = strchr(p, '\t');
      if (!t) break;
      *t = 0;
      p = t + 1;
    }
    if (k < 6) continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 8;
      cred_rec *r = realloc(*out, cap * sizeof *r);
      if (!r) break;
      *out = r;
    }
    cred_rec *r = &(*out)[n++];
    memset(r, 0, sizeof *r);
    r->pbk = dec(f[0]), r->entry = dec(f[1]), r->owner = dec(f[7] ? f[7] : "");
    int flags = atoi(f[2]);
    r->c.has_user = flags & 1, r->c.has_password = flags & 2, r->c.has_domain = flags & 4, r->c.has_psk = flags & 8;
    r->c.user = dec(f[3]), r->c.password = dec(f[4]), r->c.domain = dec(f[5]), r->c.psk = dec(f[6]);
  }
  free(data);
  return n;
}

static size_t load_all(cred_rec **out) { return load_all_checked(out, NULL); }

/* Writes the store owner-only (0600), since RasSetCredentials is documented as the way to
 * store an entry's credentials securely (nf-ras-rassetcredentialsw, Remarks). Returns 0, or
 * CREDS_STORE_ERROR when it would pass its limit or cannot be written (the old store then
 * stays as it was). */
static uint32_t save_all(cred_rec *r, size_t n) {
  sbuf b = {0};
  sb_add(&b, "", 0);
  for (size_t i = 0; i < n; i++) {
    if (!r[i].pbk) continue;
    saved_creds *c = &r[i].c;
    if (!c->has_user && !c->has_password && !c->has_domain && !c->has_psk) continue;
    enc(&b, r[i].pbk), sb_puts(&b, "\t"), enc(&b, r[i].entry);
    sb_printf(&b, "\t%d\t", c->has_user | c->has_password << 1 | c->has_domain << 2 | c->has_psk << 3);
    enc(&b, c->user), sb_puts(&b, "\t"), enc(&b, c->password), sb_puts(&b, "\t");
    enc(&b, c->domain), sb_puts(&b, "\t"), enc(&b, c->psk), sb_puts(&b, "\t");
    enc(&b, r[i].owner), sb_puts(&b, "\n");
  }
  char *path = home_path("credentials.state");
  uint32_t rc = path && !b.oom && b.n <= CREDS_MAX_BYTES && sim_write_atomic_mode(path, b.p, b.n, true) == 0
                    ? 0
                    : CREDS_STORE_ERROR;
  free(path);
  sb_free(&b);
  return rc;
}

static void free_all(cred_rec *r, size_t n) {
  for (size_t i = 0; i < n; i++) free(r[i].pbk), free(r[i].entry), free(r[i].owner), creds_free(&r[i].c);
  free(r);
}

/* owner NULL matches every owner (forget/rename act on all of an entry's records). */
static long find_from(cred_rec *r, size_t n, size_t from, const char *pbk, const char *entry, const char *owner) {
  for (size_t i = from; i < n; i++)
    if (r[i].pbk && !strcmp(r[i].pbk, pbk) && name_eq(r[i].entry, entry) &&
        (!owner || (r[i].owner && !strcmp(r[i].owner, owner))))
      return (long)i;
  return -1;
}
static long find(cred_rec *r, size_t n, const char *pbk, const char *entry, const char *owner) {
  return find_from(r, n, 0, pbk, entry, owner);
}

/* Whose per-user credentials the caller reads and writes: its own; LocalSystem has no
 * profile of its own here and uses the default (all-user) credentials. */
const char *creds_owner(void) { return sim_is_system() ? DEFAULT_CREDS_OWNER : sim_user(); }

/* A pre-shared key belongs to the entry: the all-user one for an all-user entry. */
const char *psk_owner(const char *pbk) { return is_allusers_pbk(pbk) ? DEFAULT_CREDS_OWNER : creds_owner(); }

int creds_load(const char *pbk, const char *entry, const char *owner, saved_creds *out) {
  memset(out, 0, sizeof *out);
  cred_rec *r;
  size_t n = load_all(&r);
  long i = find(r, n, pbk, entry, owner);
  if (i >= 0) {
    *out = r[i].c;
    memset(&r[i].c, 0, sizeof r[i].c);
  }
  free_all(r, n);
  return 0;
}

void creds_forget_entry(const char *pbk, const char *entry) {
  cred_rec *r;
  size_t n = load_all(&r);
  bool changed = false;
  for (long i = find(r, n, pbk, entry, NULL); i >= 0; i = find_from(r, n, (size_t)i + 1, pbk, entry, NULL)) {
    free(r[i].pbk);
    r[i].pbk = NULL;
    changed = true;
  }
  if (changed) save_all(r, n);
  free_all(r, n);
}

void creds_rename_entry(const char *pbk, const char *from, const char *to) {
  cred_rec *r;
  size_t n = load_all(&r);
  bool changed = false;
  for (long i = find(r, n, pbk, from, NULL); i >= 0; i = find_from(r, n, (size_t)i + 1, pbk, from, NULL)) {
    free(r[i].entry);
    r[i].entry = sdup(to);
    changed = true;
  }
  if (changed) save_all(r, n);
  free_all(r, n);
}

/* Update the saved record of (pbk, entry) with fn under the phone-book write lock. */
typedef void (*cred_update)(saved_creds *c, const void *arg);
static uint32_t update(const char *pbk, const char *entry, const char *owner, cred_update fn, const void *arg) {
  sim_flock *lock = pbk_write_lock();
  cred_rec *r;
  uint32_t rc;
  size_t n = load_all_checked(&r, &rc);
  if (rc) {
    /* An unreadable store is never replaced by one holding only this record. */
    free_all(r, n);
    sim_unlock_file(lock);
    return rc;
  }
  long i = find(r, n, pbk, entry, owner);
  cred_rec *all = r;
  if (i < 0) {
    cred_rec *g = realloc(r, (n + 1) * sizeof *g);
    if (g) {
      all = g;
      memset(&all[n], 0, sizeof all[n]);
      all[n].pbk = sdup(pbk), all[n].entry = sdup(entry), all[n].owner = sdup(owner);
      i = (long)n++;
    } else {
      all = r;
    }
  }
  rc = CREDS_STORE_ERROR;
  if (i >= 0) {
    fn(&all[i].c, arg);
    rc = save_all(all, n);
  }
  free_all(all, n);
  sim_unlock_file(lock);
  return rc;
}

static void set_field(char **dst, bool *has, const WCHAR_ *src, size_t cap, bool keep_handle) {
  char *v = w2u(src, cap);
  if (!v) return;
  if (keep_handle && !strcmp(v, SAVED_PASSWORD_HANDLE)) {
    free(v);
    return;
  }
  free(*dst);
  *dst = v;
  *has = v[0] != 0;
}

typedef struct {
  const RASCREDENTIALSW_ *c;
  bool clear;
} set_cred_arg;

static void apply_set_credentials(saved_creds *s, const void *argp) {
  const set_cred_arg *a = argp;
  uint32_t m = a->c->dwMask;
  static const WCHAR_ empty[1] = {0};
  if (m & RASCM_PreSharedKey)
    set_field(&s->psk, &s->has_psk, a->clear ? empty : a->c->szPassword, PWLEN_ + 1, !a->clear);
  if (m & RASCM_UserName) set_field(&s->user, &s->has_user, a->clear ? empty : a->c->szUserName, UNLEN_ + 1, false);
  if (m & RASCM_Password)
    set_field(&s->password, &s->has_password, a->clear ? empty : a->c->szPassword, PWLEN_ + 1, !a->clear);
  if (m & RASCM_Domain) set_field(&s->domain, &s->has_domain, a->clear ? empty : a->c->szDomain, DNLEN_ + 1, false);
}

/* Resolve (pbk, entry name) to the real book path and entry name. */
static uint32_t resolve(const WCHAR_ *pbk, const WCHAR_ *entry, char **path, char **name) {
  if (!sim_home()) return ERROR_CANNOT_OPEN_PHONEBOOK_;
  if (!entry) return ERROR_INVALID_PARAMETER_;
  char *n = w2u(entry, RAS_MaxEntryName + 1);
  pbk_book b;
  long idx;
  int rc = entry_locate(pbk, n, &b, &idx, path);
  free(n);
  if (rc) return (uint32_t)rc;
  *name = sdup(b.secs[idx].name);
  pbk_free(&b);
  return 0;
}

/* https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rassetcredentialsw */
RASSIM_EXPORT uint32_t RasSetCredentialsW(const WCHAR_ *pbk, const WCHAR_ *entry, const RASCREDENTIALSW_ *c,
                                         int32_t clear) {
  if (!c) return ERROR_INVALID_PARAMETER_;
  if (!size_ok(S_RASCREDENTIALS, c->dwSize)) return ERROR_INVALID_SIZE_;
  /* RASCM_PreSharedKey "cannot be used in combination with any other flag"; server/DDM keys
   * belong to a RAS server, not a client phone book. */
  uint32_t m = c->dwMask;
  if ((m & RASCM_PreSharedKey) && (m & ~(uint32_t)RASCM_PreSharedKey)) return ERROR_INVALID_PARAMETER_;
  if (m & (RASCM_ServerPreSharedKey | RASCM_DDMPreSharedKey)) return ERROR_INVALID_PARAMETER_;
  char *path = NULL, *name = NULL;
  uint32_t rc = resolve(pbk, entry, &path, &name);
  /* "ERROR_INVALID_PARAMETER: ... or the specified entry does not exist in the phone book"
   * (RasSetCredentials return values; RasGetCredentials says 623 for the same case). */
  if (rc == ERROR_CANNOT_FIND_PHONEBOOK_ENTRY_) rc = ERROR_INVALID_PARAMETER_;
  const char *owner = NULL;
  if (!rc) {
    bool all_users = is_allusers_pbk(path);
    /* ERROR_ACCESS_DENIED (RasSetCredentials return values): default credentials for a
     * per-user connection; default credentials or a pre-shared key for an all-user
     * connection by a caller that is not an administrator. */
    if (m & RASCM_DefaultCreds) {
      if (!all_users || !sim_elevated()) rc = ERROR_ACCESS_DENIED_;
      owner = DEFAULT_CREDS_OWNER;
    } else if (m & RASCM_PreSharedKey) {
      if (all_users && !sim_elevated()) rc = ERROR_ACCESS_DENIED_;
      owner = psk_owner(path);
    } else {
      owner = creds_owner();
    }
  }
  if (!rc) {
    set_cred_arg a = {c, clear != 0};
    rc = update(path, name, owner, apply_set_credentials, &a);
  }
  free(path), free(name);
  return rc;
}

/* https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasgetcredentialsw */
RASSIM_EXPORT uint32_t RasGetCredentialsW(const WCHAR_ *pbk, const WCHAR_ *entry, RASCREDENTIALSW_ *c) {
  if (!c) return ERROR_INVALID_PARAMETER_;
  if (!size_ok(S_RASCREDENTIALS, c->dwSize)) return ERROR_INVALID_SIZE_;
  char *path = NULL, *name = NULL;
  uint32_t rc = resolve(pbk, entry, &path, &name);
  if (rc) return rc;
  uint32_t want = c->dwMask, got = 0;
  /* "If the dwMask ... contains the RASCM_DefaultCreds flag, the credentials returned are the
   * default credentials for an all-user connection" (RasGetCredentials remarks). */
  bool defaults = (want & RASCM_DefaultCreds) != 0;
  const char *owner = want & RASCM_PreSharedKey ? psk_owner(path) : defaults ? DEFAULT_CREDS_OWNER : creds_owner();
  saved_creds s;
  creds_load(path, name, owner, &s);
  memset(c->szUserName, 0, sizeof c->szUserName);
  memset(c->szPassword, 0, sizeof c->szPassword);
  memset(c->szDomain, 0, sizeof c->szDomain);
  if (want & RASCM_PreSharedKey) {
    if (s.has_psk) u2w(SAVED_PASSWORD_HANDLE, c->szPassword, PWLEN_ + 1), got |= RASCM_PreSharedKey;
  } else {
    if ((want & RASCM_UserName) && s.has_user) u2w(s.user, c->szUserName, UNLEN_ + 1), got |= RASCM_UserName;
    if ((want & RASCM_Domain) && s.has_domain) u2w(s.domain, c->szDomain, DNLEN_ + 1), got |= RASCM_Domain;
    if ((want & RASCM_Password) && s.has_password)
      u2w(SAVED_PASSWORD_HANDLE, c->szPassword, PWLEN_ + 1), got |= RASCM_Password;
    if (defaults && got) got |= RASCM_DefaultCreds;
  }
  c->dwMask = got;
  creds_free(&s);
  free(path), free(name);
  return 0;
}

/* https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasgetentrydialparamsw */
RASSIM_EXPORT uint32_t RasGetEntryDialParamsW(const WCHAR_ *pbk, RASDIALPARAMSW_ *p, int32_t *lpfPassword) {
  if (!p || !lpfPassword) return ERROR_INVALID_PARAMETER_;
  if (!size_ok(S_RASDIALPARAMS, p->dwSize)) return ERROR_INVALID_SIZE_;
  char *path = NULL, *name = NULL;
  uint32_t rc = resolve(pbk, p->szEntryName, &path, &name);
  if (rc) return rc;
  saved_creds s;
  creds_load(path, name, creds_owner(), &s);
  memset(p->szPhoneNumber, 0, sizeof p->szPhoneNumber);
  memset(p->szCallbackNumber, 0, sizeof p->szCallbackNumber);
  u2w(s.has_user ? s.user : "", p->szUserName, UNLEN_ + 1);
  u2w(s.has_password ? SAVED_PASSWORD_HANDLE : "", p->szPassword, PWLEN_ + 1);
  u2w(s.has_domain ? s.domain : "", p->szDomain, DNLEN_ + 1);
  *lpfPassword = s.has_password ? 1 : 0;
  creds_free(&s);
  free(path), free(name);
  return 0;
}

typedef struct {
  const RASDIALPARAMSW_ *p;
  bool remove_password;
} set_dp_arg;

static void apply_set_dial_params(saved_creds *s, const void *argp) {
  const set_dp_arg *a = argp;
  set_field(&s->user, &s->has_user, a->p->szUserName, UNLEN_ + 1, false);
  set_field(&s->domain, &s->has_domain, a->p->szDomain, DNLEN_ + 1, false);
  if (a->remove_password) {
    free(s->password);
    s->password = NULL;
    s->has_password = false;
  } else {
    set_field(&s->password, &s->has_password, a->p->szPassword, PWLEN_ + 1, true);
  }
}

/* https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rassetentrydialparamsw */
RASSIM_EXPORT uint32_t RasSetEntryDialParamsW(const WCHAR_ *pbk, const RASDIALPARAMSW_ *p, int32_t remove) {
  if (!p) return ERROR_INVALID_PARAMETER_;
  if (!size_ok(S_RASDIALPARAMS, p->dwSize)) return ERROR_INVALID_SIZE_;
  char *path = NULL, *name = NULL;
  uint32_t rc = resolve(pbk, p->szEntryName, &path, &name);
  if (!rc) {
    set_dp_arg a = {p, remove != 0};
    rc = update(path, name, creds_owner(), apply_set_dial_params, &a);
  }
  free(path), free(name);
  return rc;
}
