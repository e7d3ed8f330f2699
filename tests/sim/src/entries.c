/*
 * entries.c - phone-book entry functions.
 *
 * Default books (lpszPhonebook NULL or ""): the all-users book, then the user's book
 * (FORMAT.md section 1); RasEnumEntries merges both with REN_AllUsers/REN_User, lookups try
 * all-users first. A missing default book is empty; a missing explicit book cannot be opened
 * (ERROR_CANNOT_OPEN_PHONEBOOK 621). A new entry with no explicit book goes to the all-users
 * book (the sim's choice for the "current default phone-book file"; a standard user gets
 * ERROR_ACCESS_DENIED there, so rasctl's `entry new` names the user's book as a path).
 * Entry names compare case-insensitively (FORMAT.md: unconfirmed; Windows INI sections are
 * case-insensitive, and rasphone refuses "vpn" when "VPN" exists).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sim.h"

sim_flock *pbk_write_lock(void) {
  char *p = home_path(".rassim-pbk.lock");
  sim_flock *l = p ? sim_lock_file(p) : NULL;
  free(p);
  return l;
}

static bool is_default(const WCHAR_ *pbk) { return !pbk || !pbk[0]; }

/* Paths to search, in order. Returns count (0 on allocation failure). */
static int book_paths(const WCHAR_ *pbk, char *paths[2], int flags[2]) {
  if (is_default(pbk)) {
    paths[0] = allusers_pbk_path();
    paths[1] = user_pbk_path();
    flags[0] = REN_AllUsers, flags[1] = REN_User;
    return paths[0] && paths[1] ? 2 : 0;
  }
  paths[0] = w2u(pbk, MAX_PATH_ + 1);
  char *au = allusers_pbk_path();
  flags[0] = au && paths[0] && !strcmp(au, paths[0]) ? REN_AllUsers : REN_User;
  free(au);
  paths[1] = NULL;
  return paths[0] ? 1 : 0;
}

int entry_locate(const WCHAR_ *pbk, const char *name, pbk_book *book, long *index, char **path) {
  char *paths[2] = {0};
  int flags[2];
  int n = book_paths(pbk, paths, flags);
  int rc = n ? ERROR_CANNOT_FIND_PHONEBOOK_ENTRY_ : ERROR_NOT_ENOUGH_MEMORY_;
  for (int i = 0; i < n; i++) {
    pbk_book b;
    int lrc = pbk_load(paths[i], &b, is_default(pbk));
    if (lrc) {
      rc = lrc;
      break;
    }
    long idx = name ? pbk_find(&b, name) : -1;
    if (idx >= 0) {
      *book = b;
      *index = idx;
      *path = paths[i];
      paths[i] = NULL;
      rc = 0;
      break;
    }
    pbk_free(&b);
  }
  free(paths[0]);
  free(paths[1]);
  return rc;
}

/* RasValidateEntryNameW's format rules: 1..256 chars, none of | > < ? * \ / :, not starting
 * with '.', at least one non-white-space alphanumeric character. */
static bool name_format_ok(const WCHAR_ *w) {
  if (!w || !w[0]) return false;
  size_t n = 0;
  bool alnum = false;
  while (w[n]) n++;
  if (n > RAS_MaxEntryName || w[0] == '.') return false;
  for (size_t i = 0; i < n; i++) {
    WCHAR_ c = w[i];
    if (c < 0x20 || strchr("|><?*\\/:", c < 0x80 ? (char)c : 'x') != NULL) return false;
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= 0xC0 && c != 0x3000 && c != 0xFEFF && !(c >= 0x2000 && c <= 0x206F)))
      alnum = true;
  }
  return alnum;
}

RASSIM_EXPORT uint32_t RasValidateEntryNameW(const WCHAR_ *pbk, const WCHAR_ *entry) {
  if (!sim_home()) return ERROR_CANNOT_OPEN_PHONEBOOK_;
  if (!entry) return ERROR_INVALID_PARAMETER_;
  if (!name_format_ok(entry)) return ERROR_INVALID_NAME_;
  char *name = w2u(entry, RAS_MaxEntryName + 1);
  pbk_book b;
  long idx;
  char *path = NULL;
  int rc = entry_locate(pbk, name, &b, &idx, &path);
  free(name);
  if (rc == 0) {
    pbk_free(&b);
    free(path);
    return ERROR_ALREADY_EXISTS_;
  }
  /* Docs name "ERROR_CANNOT_FIND_PHONEBOOK" for a missing book; raserror.h has no such code,
   * the sim returns ERROR_CANNOT_OPEN_PHONEBOOK (621). */
  return rc == ERROR_CANNOT_FIND_PHONEBOOK_ENTRY_ ? 0 : (uint32_t)rc;
}

static void grow_entries(const WCHAR_ *pbk, int count) {
  char *path = is_default(pbk) ? user_pbk_path() : w2u(pbk, MAX_PATH_ + 1);
  sim_flock *lock = pbk_write_lock();
  pbk_book b;
  if (path && pbk_load(path, &b, true) == 0) {
    for (int k = 1, made = 0; made < count && k < 10000; k++) {
      char name[64];
      snprintf(name, sizeof name, "Grown Entry %d", k);
      if (pbk_find(&b, name) >= 0) continue;
      if (b.n && b.secs[b.n - 1].n && b.secs[b.n - 1].lines[b.secs[b.n - 1].n - 1][0])
        sec_insert(&b.secs[b.n - 1], b.secs[b.n - 1].n, "");
      pbk_section *s = pbk_add_section(&b, name);
      if (s) entry_template(s);
      made++;
    }
    pbk_save(path, &b);
    pbk_free(&b);
  }
  sim_unlock_file(lock);
  free(path);
}

/* https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasenumentriesw */
RASSIM_EXPORT uint32_t RasEnumEntriesW(const WCHAR_ *reserved, const WCHAR_ *pbk, RASENTRYNAMEW_ *buf,
                                      uint32_t *lpcb, uint32_t *lpcEntries) {
  if (!sim_home()) return ERROR_CANNOT_OPEN_PHONEBOOK_;
  if (reserved || !lpcb || !lpcEntries) return ERROR_INVALID_PARAMETER_;
  uint32_t esize = buf ? buf->dwSize : size_newest(S_RASENTRYNAME);
  if (buf && !size_ok(S_RASENTRYNAME, esize)) return ERROR_INVALID_SIZE_;
  char *paths[2] = {0};
  int flags[2];
  int nb = book_paths(pbk, paths, flags);
  if (!nb) return ERROR_NOT_ENOUGH_MEMORY_;
  pbk_book books[2];
  memset(books, 0, sizeof books);
  uint32_t rc = 0;
  size_t total = 0;
  for (int i = 0; i < nb && !rc; i++) {
    rc = (uint32_t)pbk_load(paths[i], &books[i], is_default(pbk));
    if (!rc) total += books[i].n;
  }
  if (!rc) {
    uint32_t need = (uint32_t)(total * esize);
    if (need > *lpcb || (!buf && need)) {
      *lpcb = need;
      *lpcEntries = (uint32_t)total;
      rc = ERROR_BUFFER_TOO_SMALL_;
    } else {
      size_t k = 0;
      for (int i = 0; i < nb; i++)
        for (size_t j = 0; j < books[i].n; j++, k++) {
          RASENTRYNAMEW_ *e = (RASENTRYNAMEW_ *)(void *)((uint8_t *)buf + k * esize);
          memset(e, 0, esize);
          e->dwSize = esize;
          u2w(books[i].secs[j].name, e->szEntryName, RAS_MaxEntryName + 1);
          if (esize >= sizeof(RASENTRYNAMEW_)) {
            e->dwFlags = (uint32_t)flags[i];
            u2w(paths[i], e->szPhonebookPath, MAX_PATH_ + 1);
          }
        }
      *lpcb = need;
      *lpcEntries = (uint32_t)total;
    }
  }
  for (int i = 0; i < nb; i++) {
    pbk_free(&books[i]);
    free(paths[i]);
  }
  if (rc == ERROR_BUFFER_TOO_SMALL_) {
    sim_state st;
    sim_flock *lock;
    if (state_begin(&st, &lock) == 0) {
      int grow = st.grow[GROW_ENTRIES];
      st.grow[GROW_ENTRIES] = 0;
      if (grow) {
        state_commit(&st, lock);
        grow_entries(pbk, grow);
      } else {
        state_release(&st, lock);
      }
    }
  }
  return rc;
}

/* The test control switchWindowsAfterGets/switchWindowsTo (world.ini [machine]): the emulated
 * version changes between two calls of one caller, so a caller's read and write negotiate
 * different dwSize values. Windows itself returns the dwSize it was given, so this is the
 * only way a struct decoded at one size meets a write at another (tests/sim/README.md). */
static void count_get_for_switch(void) {
  world *w = world_load();
  if (w && w->switch_after_gets > 0 && w->switch_to) {
    char n[16];
    snprintf(n, sizeof n, "%d", w->switch_after_gets - 1);
    if (w->switch_after_gets == 1) world_set("machine", "windows", w->switch_to);
    world_set("machine", "switchWindowsAfterGets", n);
  }
  world_free(w);
}

/* https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasgetentrypropertiesw */
RASSIM_EXPORT uint32_t RasGetEntryPropertiesW(const WCHAR_ *pbk, const WCHAR_ *entry, RASENTRYW_ *e,
                                             uint32_t *lpdwSize, uint8_t *devinfo, uint32_t *lpdwDevSize) {
  (void)devinfo;
  if (!sim_home()) return ERROR_CANNOT_OPEN_PHONEBOOK_;
  if (!lpdwSize) return ERROR_INVALID_PARAMETER_;
  if (lpdwDevSize) *lpdwDevSize = 0; /* unused since Windows 2000 */
  if (!e) {
    *lpdwSize = size_newest(S_RASENTRY);
    return ERROR_BUFFER_TOO_SMALL_;
  }
  uint32_t size = e->dwSize;
  if (!size_ok(S_RASENTRY, size)) return ERROR_INVALID_SIZE_;
  if (*lpdwSize < size) {
    *lpdwSize = size;
    return ERROR_BUFFER_TOO_SMALL_;
  }
  RASENTRYW_ full;
  /* "dwAlternateOffset: the offset, in bytes, from the beginning of the structure to a list of
   * consecutive null-terminated Unicode strings. The last string is terminated by two consecutive
   * null characters. The strings are alternate phone numbers ... stored in memory following the
   * structure" (RASENTRYW, learn.microsoft.com/windows/win32/api/ras/ns-ras-rasentryw); a
   * buffer too small for them is ERROR_BUFFER_TOO_SMALL with the size needed in *lpdwEntryInfoSize
   * (RasGetEntryProperties). */
  WCHAR_ *alt = calloc(SIM_MAX_NUMBERS * (RAS_MaxPhoneNumber + 1) + 1, sizeof(WCHAR_));
  size_t alt_units = 0;
  if (!alt) return ERROR_NOT_ENOUGH_MEMORY_;
  if (!entry || !entry[0]) {
    /* "If an empty string is specified, the function returns default values in the buffers
     * pointed to by the lpRasEntry and lpbDeviceInfo parameters" (RasGetEntryProperties,
     * https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasgetentrypropertiesw). The
     * values are the template's (Windows 10's keys for a new entry), changed by world.ini's
     * [default entry] lines, a test control that makes the sim's defaults tell apart from
     * anything a caller hard-codes. */
    pbk_section s = {0};
    entry_template(&s);
    world *w = world_load();
    for (size_t i = 0; w && i < w->ndefault_entry; i++) {
      const char *line = w->default_entry[i];
      char key[128];
      size_t klen = strcspn(line, "=");
      if (klen >= sizeof key) continue;
      memcpy(key, line, klen);
      key[klen] = 0;
      long at = sec_find(&s, 0, s.n, key);
      if (at >= 0) sec_replace(&s, (size_t)at, line);
      else sec_insert(&s, 0, line);
    }
    world_free(w);
    entry_decode(&s, &full);
    sec_free(&s);
  } else {
    char *name = w2u(entry, RAS_MaxEntryName + 1);
    pbk_book b;
    long idx;
    char *path = NULL;
    int rc = entry_locate(pbk, name, &b, &idx, &path);
    free(name);
    if (rc) {
      free(alt);
      return (uint32_t)rc;
    }
    entry_decode(&b.secs[idx], &full);
    const char *alts[SIM_MAX_NUMBERS];
    size_t n = entry_alternates(&b.secs[idx], alts, SIM_MAX_NUMBERS);
    alt_units = write_alternates(alts, n, alt);
    pbk_free(&b);
    free(path);
  }
  uint32_t need = size + (uint32_t)(alt_units * sizeof(WCHAR_));
  if (*lpdwSize < need) {
    *lpdwSize = need;
    free(alt);
    return ERROR_BUFFER_TOO_SMALL_;
  }
  full.dwAlternateOffset = alt_units ? size : 0;
  if (entry && entry[0]) count_get_for_switch();
  memcpy(e, &full, size);
  if (alt_units) memcpy((uint8_t *)e + size, alt, alt_units * sizeof(WCHAR_));
  free(alt);
  e->dwSize = size;
  *lpdwSize = need;
  return 0;
}

/* https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rassetentrypropertiesw */
RASSIM_EXPORT uint32_t RasSetEntryPropertiesW(const WCHAR_ *pbk, const WCHAR_ *entry, const RASENTRYW_ *e,
                                             uint32_t cb, const uint8_t *devinfo, uint32_t devcb) {
  (void)devinfo, (void)devcb;
  if (!sim_home()) return ERROR_CANNOT_OPEN_PHONEBOOK_;
  if (!e) return ERROR_BUFFER_INVALID_;
  if (!entry) return ERROR_INVALID_PARAMETER_;
  uint32_t size = e->dwSize;
  if (!size_ok(S_RASENTRY, size)) return ERROR_INVALID_SIZE_;
  if (cb < size) return ERROR_BUFFER_INVALID_;
  if (!name_format_ok(entry)) return ERROR_INVALID_NAME_;
  /* "The caller must provide values for the following members in the RASENTRY structure:
   * dwSize, szLocalPhoneNumber, szDeviceName, szDeviceType, dwFramingProtocol, dwfOptions,
   * dwType ... If values are not provided for these members, RasSetEntryProperties fails with
   * ERROR_INVALID_PARAMETER" (RasSetEntryProperties). A zero dwfOptions/dwType is a value; an
   * empty string or a zero dwFramingProtocol (no RASFP_* is 0) is not. Checked when an entry is
   * created; an existing one may be written back as its book holds it (real books have entries
   * without Device=, and Windows reads them). A broadband (PPPoE) entry may leave its service
   * name empty, as any access concentrator may answer. Both are the sim's reading. */
  bool incomplete = !e->szDeviceType[0] || !e->szDeviceName[0] || !e->dwFramingProtocol ||
                    (!e->szLocalPhoneNumber[0] &&
                     !(size >= offsetof(RASENTRYW_, dwType) + 4 && e->dwType == RASET_Broadband));
  if (size >= offsetof(RASENTRYW_, dwEncryptionType) + 4 &&
      (e->dwType < RASET_Phone || e->dwType > RASET_Broadband || e->dwEncryptionType > ET_Optional))
    return ERROR_INVALID_PARAMETER_;
  /* RASET_Direct (3, "Direct serial or parallel connection") exists in Ras.h only for
   * WINVER < 0x600 (../shared/abi/README.md, disagreement 4), and DotRas's RasEntryType.Direct
   * says "Windows Vista or later: This value is no longer supported". Every version the sim
   * emulates is Windows 7 or later, so each refuses it, with the code the RasSetEntryProperties
   * page gives for members without a usable value (ERROR_INVALID_PARAMETER; the sim's reading:
   * the page names no other code). */
  if (size >= offsetof(RASENTRYW_, dwEncryptionType) + 4 && e->dwType == RASET_Direct &&
      sim_winver() >= SIM_WIN7)
    return ERROR_INVALID_PARAMETER_;
  /* A dwAlternateOffset must point at the list of alternate numbers that follows the structure
   * inside the dwEntryInfoSize bytes given (RASENTRYW dwAlternateOffset; RasSetEntryProperties'
   * dwEntryInfoSize is "the size, in bytes, of the buffer"). Windows would read past the buffer;
   * the sim refuses it with ERROR_INVALID_PARAMETER (the sim's reading). The list becomes the
   * entry's alternates, and 0 means none (subentries.c). */
  char *alts[SIM_MAX_NUMBERS];
  long nalt = read_alternates(e, size, e->dwAlternateOffset, cb, alts, SIM_MAX_NUMBERS);
  if (nalt < 0) return ERROR_INVALID_PARAMETER_;
  char *name = w2u(entry, RAS_MaxEntryName + 1);
  sim_flock *lock = pbk_write_lock();
  pbk_book b;
  long idx;
  char *path = NULL;
  int rc = entry_locate(pbk, name, &b, &idx, &path);
  if (rc == ERROR_CANNOT_FIND_PHONEBOOK_ENTRY_ || (rc == ERROR_CANNOT_OPEN_PHONEBOOK_ && !is_default(pbk))) {
    path = is_default(pbk) ? allusers_pbk_path() : w2u(pbk, MAX_PATH_ + 1);
    rc = path ? pbk_load(path, &b, true) : ERROR_NOT_ENOUGH_MEMORY_;
    idx = -1;
  }
  /* The all-users book is an administrator's to change (identity.c). */
  if (rc == 0 && is_allusers_pbk(path) && !sim_elevated()) {
    pbk_free(&b);
    rc = ERROR_ACCESS_DENIED_;
  }
  if (rc == 0 && idx < 0 && incomplete) {
    pbk_free(&b);
    rc = ERROR_INVALID_PARAMETER_;
  }
  /* szDeviceType/szDeviceName must name a device RasEnumDevices lists: "szDeviceName: ... the
   * name of a TAPI device to use with this phone-book entry, for example, "XYZ Corp 28800
   * External". To enumerate all available RAS-capable devices, use the RasEnumDevices
   * function" (RASENTRYW, https://learn.microsoft.com/windows/win32/api/ras/ns-ras-rasentryw),
   * and szDeviceName/szDeviceType are among the members the RasSetEntryProperties page requires
   * a value for, failing with ERROR_INVALID_PARAMETER (87) otherwise. A name that is no device
   * of this machine is not a usable value, so the sim refuses it with 87 (the sim's reading:
   * neither page nor DotRas names a code for it). Checked for a new entry and whenever a
   * write changes the device; an existing entry written back with the device its book holds
   * is accepted (real books carry devices of the machine that wrote them, and Windows reads
   * them). Names and types compare case-insensitively. */
  if (rc == 0 && e->szDeviceName[0]) {
    char *type = w2u(e->szDeviceType, RAS_MaxDeviceType + 1);
    char *dev = w2u(e->szDeviceName, RAS_MaxDeviceName + 1);
    bool changed = idx < 0;
    if (!changed) {
      RASENTRYW_ was;
      entry_decode(&b.secs[idx], &was);
      char *wtype = w2u(was.szDeviceType, RAS_MaxDeviceType + 1);
      char *wdev = w2u(was.szDeviceName, RAS_MaxDeviceName + 1);
      changed = !type || !dev || !wtype || !wdev || strcasecmp(type, wtype) || strcasecmp(dev, wdev);
      free(wtype);
      free(wdev);
    }
    if (changed && !(type && dev && device_listed(type, dev))) {
      pbk_free(&b);
      rc = ERROR_INVALID_PARAMETER_;
    }
    free(type);
    free(dev);
  }
  if (rc == 0) {
    pbk_section fresh = {0};
    pbk_section *s;
    if (idx >= 0) {
      s = &b.secs[idx];
    } else {
      entry_template(&fresh);
      s = &fresh;
    }
    RASENTRYW_ full;
    entry_decode(s, &full);
    GUID_ keep = full.guidId;
    memcpy((uint8_t *)&full + 4, (const uint8_t *)e + 4, size - 4);
    full.dwSize = sizeof full;
    static const uint8_t zero[16];
    if (!memcmp(&full.guidId, zero, 16)) full.guidId = keep;
    entry_encode(s, &full);
    link_set_alternates(s, 0, (const char *const *)alts, (size_t)nalt);
    if (idx < 0) {
      if (b.n && b.secs[b.n - 1].n && b.secs[b.n - 1].lines[b.secs[b.n - 1].n - 1][0])
        sec_insert(&b.secs[b.n - 1], b.secs[b.n - 1].n, "");
      pbk_section *ns = pbk_add_section(&b, name);
      if (ns) {
        free(ns->name);
        *ns = fresh;
        ns->name = sdup(name);
      } else {
        sec_free(&fresh);
        rc = ERROR_NOT_ENOUGH_MEMORY_;
      }
    }
    if (!rc) rc = pbk_save(path, &b);
    pbk_free(&b);
  }
  sim_unlock_file(lock);
  for (long i = 0; i < nalt; i++) free(alts[i]);
  free(path);
  free(name);
  if (rc == 0) { /* RasSimQuery counters.lastSizes.RASENTRY: the dwSize the caller negotiated */
    sim_state st;
    sim_flock *slock;
    if (state_begin(&st, &slock) == 0) {
      st.last_entry_size = size;
      state_commit(&st, slock);
    }
  }
  return (uint32_t)rc;
}

static bool entry_connected(const char *path, const char *name) {
  sim_state st;
  sim_flock *lock;
  bool found = false;
  if (state_begin(&st, &lock) != 0) return false;
  int64_t now = sim_now_ms();
  for (size_t i = 0; i < st.n; i++)
    if (conn_listed(&st.c[i], now) && (conn_eval(&st.c[i], now).connected || !conn_eval(&st.c[i], now).terminal) &&
        st.c[i].phonebook && !strcmp(st.c[i].phonebook, path) &&
        name_eq(st.c[i].entry, name))
      found = true;
  state_release(&st, lock);
  return found;
}

/* https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasdeleteentryw */
RASSIM_EXPORT uint32_t RasDeleteEntryW(const WCHAR_ *pbk, const WCHAR_ *entry) {
  if (!sim_home()) return ERROR_CANNOT_OPEN_PHONEBOOK_;
  if (!entry) return ERROR_INVALID_PARAMETER_;
  char *name = w2u(entry, RAS_MaxEntryName + 1);
  sim_flock *lock = pbk_write_lock();
  pbk_book b;
  long idx;
  char *path = NULL;
  int rc = entry_locate(pbk, name, &b, &idx, &path);
  if (!rc && is_allusers_pbk(path) && !sim_elevated()) {
    pbk_free(&b);
    rc = ERROR_ACCESS_DENIED_; /* identity.c: the all-users book is an administrator's */
  } else if (!rc) {
    if (entry_connected(path, b.secs[idx].name)) {
      rc = ERROR_CANNOT_DELETE_; /* 817: "Cannot delete a connection while it is connected." */
    } else {
      char *real = sdup(b.secs[idx].name);
      pbk_remove_section(&b, (size_t)idx);
      rc = pbk_save(path, &b);
      if (!rc && real) creds_forget_entry(path, real);
      free(real);
    }
    pbk_free(&b);
  }
  sim_unlock_file(lock);
  free(path);
  free(name);
  return (uint32_t)rc;
}

/* https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasrenameentryw */
RASSIM_EXPORT uint32_t RasRenameEntryW(const WCHAR_ *pbk, const WCHAR_ *from, const WCHAR_ *to) {
  if (!sim_home()) return ERROR_CANNOT_OPEN_PHONEBOOK_;
  if (!from || !to) return ERROR_INVALID_PARAMETER_;
  if (!name_format_ok(to)) return ERROR_INVALID_NAME_;
  char *oldn = w2u(from, RAS_MaxEntryName + 1), *newn = w2u(to, RAS_MaxEntryName + 1);
  sim_flock *lock = pbk_write_lock();
  pbk_book b;
  long idx;
  char *path = NULL;
  int rc = entry_locate(pbk, oldn, &b, &idx, &path);
  if (!rc && is_allusers_pbk(path) && !sim_elevated()) {
    pbk_free(&b);
    rc = ERROR_ACCESS_DENIED_; /* identity.c: the all-users book is an administrator's */
  } else if (!rc) {
    long other = pbk_find(&b, newn);
    if (other >= 0 && other != idx) {
      rc = ERROR_ALREADY_EXISTS_;
    } else {
      char *real = b.secs[idx].name;
      b.secs[idx].name = sdup(newn);
      rc = pbk_save(path, &b);
      if (!rc) creds_rename_entry(path, real, newn);
      free(real);
    }
    pbk_free(&b);
  }
  sim_unlock_file(lock);
  free(path);
  free(oldn);
  free(newn);
  return (uint32_t)rc;
}
