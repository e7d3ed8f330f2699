/*
 * subentries.c - an entry's links (multilink subentries) and alternate phone numbers.
 *
 * In rasphone.pbk an entry has one MEDIA block per link (device), each followed by its DEVICE
 * block, whose PhoneNumber groups (PhoneNumber, AreaCode, CountryCode, CountryID,
 * UseDialingRules, Comment, FriendlyName) are the link's numbers: the first is the primary, the
 * rest are the alternates (../shared/pbk/FORMAT.md section 2, [MS-RRASM] 2.2.2.2.108
 * PhoneNumber). Subentry 1 is the first link: the entry's own device and number
 * (RasGetEntryProperties), so RASENTRY's dwSubEntries counts every link.
 *
 * RasGetSubEntryPropertiesW
 * (https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasgetsubentrypropertiesw): the
 * one-based subentry's RASSUBENTRY "followed by additional bytes for the alternate phone number
 * list"; dwSize on input names the version; *lpdwcb receives "the number of bytes returned, or
 * the number of bytes required if the buffer is too small" (ERROR_BUFFER_TOO_SMALL); a missing
 * entry is ERROR_CANNOT_FIND_PHONEBOOK_ENTRY. An index past the last subentry is 623 too (the
 * sim's reading: the page names no code for it).
 *
 * RasSetSubEntryPropertiesW
 * (https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rassetsubentrypropertiesw): "If the
 * index matches an existing subentry index, the function changes the properties of that
 * subentry. If the index does not match an existing index, the function creates a new
 * subentry" (appended as the next index); the alternates follow the structure, double-NUL
 * terminated, at dwAlternateOffset. A dwAlternateOffset outside dwcbRasSubEntry is
 * ERROR_INVALID_PARAMETER, as for RasSetEntryProperties (entries.c); a new subentry without a
 * device type or name is ERROR_INVALID_PARAMETER (the members RasSetEntryProperties requires;
 * the sim's reading). The all-users book is an administrator's to change (identity.c).
 *
 * RasDeleteSubEntryW (https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasdeletesubentryw):
 * deletes the one-based subentry; the later ones move down. 623 past the last one; deleting
 * an entry's only link is ERROR_INVALID_PARAMETER, as an entry needs a device (the sim's
 * reading).
 *
 * RasSetEntryProperties writes the first link's alternates from its dwAlternateOffset list, and
 * none when dwAlternateOffset is 0 (the struct describes the entry whole: the sim's reading of
 * RASENTRY dwAlternateOffset, https://learn.microsoft.com/windows/win32/api/ras/ns-ras-rasentryw).
 * A list equal to the book's leaves the book's lines as they are.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"

static const char *const k_group[] = {"PhoneNumber", "AreaCode", "CountryCode", "CountryID",
                                      "UseDialingRules", "Comment", "FriendlyName"};
#define NGROUP (sizeof k_group / sizeof k_group[0])

static bool is_block_line(const char *l) { return line_is_key(l, "MEDIA") || line_is_key(l, "DEVICE"); }

static bool is_group_key(const char *l) {
  for (size_t i = 0; i < NGROUP; i++)
    if (line_is_key(l, k_group[i])) return true;
  return false;
}

static size_t next_block(const pbk_section *s, size_t from) {
  for (size_t i = from; i < s->n; i++)
    if (is_block_line(s->lines[i])) return i;
  return s->n;
}

size_t entry_links(const pbk_section *s) {
  size_t n = 0;
  for (size_t i = 0; i < s->n; i++)
    if (line_is_key(s->lines[i], "MEDIA")) n++;
  return n ? n : 1;
}

bool link_at(const pbk_section *s, size_t index, sim_link *out) {
  sim_link r = {-1, s->n, -1, s->n};
  size_t seen = 0;
  for (size_t i = 0; i < s->n && r.media < 0; i++)
    if (line_is_key(s->lines[i], "MEDIA") && seen++ == index) r.media = (long)i;
  if (r.media >= 0) {
    r.media_end = next_block(s, (size_t)r.media + 1);
    if (r.media_end < s->n && line_is_key(s->lines[r.media_end], "DEVICE")) r.device = (long)r.media_end;
  } else if (index == 0 && seen == 0) {
    /* No MEDIA block: the entry's one link is its DEVICE block, if any. */
    r.device = sec_find(s, 0, s->n, "DEVICE");
  } else {
    return false;
  }
  if (r.device >= 0) r.device_end = next_block(s, (size_t)r.device + 1);
  *out = r;
  return true;
}

size_t link_numbers(const pbk_section *s, const sim_link *r, const char **out, size_t cap) {
  size_t n = 0;
  if (r->device < 0) return 0;
  for (size_t i = (size_t)r->device + 1; i < r->device_end && n < cap; i++)
    if (line_is_key(s->lines[i], "PhoneNumber")) out[n++] = line_value(s->lines[i]);
  return n;
}

/* Where a new line of a block goes: its end, before the blank lines that close it. */
static size_t block_tail(const pbk_section *s, size_t from, size_t to) {
  size_t at = to;
  while (at > from && s->lines[at - 1][0] == 0) at--;
  return at;
}

static void insert_kv(pbk_section *s, size_t at, const char *key, const char *value) {
  sbuf l = {0};
  sb_printf(&l, "%s=%s", key, value);
  if (!l.oom) sec_insert(s, at, l.p);
  sb_free(&l);
}

/* Set key=value in [from,to): in place if present, else at the block's end. */
static void put_kv(pbk_section *s, size_t from, size_t to, const char *key, const char *value) {
  long i = sec_find(s, from, to, key);
  sbuf l = {0};
  sb_printf(&l, "%s=%s", key, value);
  if (!l.oom) {
    if (i >= 0) {
      if (strcmp(s->lines[i], l.p) != 0) sec_replace(s, (size_t)i, l.p);
    } else {
      sec_insert(s, block_tail(s, from, to), l.p);
    }
  }
  sb_free(&l);
}

static void insert_group(pbk_section *s, size_t at, const char *number) {
  insert_kv(s, at++, "PhoneNumber", number);
  insert_kv(s, at++, "AreaCode", "");
  insert_kv(s, at++, "CountryCode", "0");
  insert_kv(s, at++, "CountryID", "0");
  insert_kv(s, at++, "UseDialingRules", "0");
  insert_kv(s, at++, "Comment", "");
  insert_kv(s, at, "FriendlyName", "");
}

void link_set_alternates(pbk_section *s, size_t index, const char *const *alts, size_t n) {
  sim_link r;
  if (!link_at(s, index, &r) || r.device < 0) return;
  const char *have[SIM_MAX_NUMBERS + 1];
  size_t count = link_numbers(s, &r, have, SIM_MAX_NUMBERS + 1);
  bool same = count == n + 1 || (count == 0 && n == 0);
  for (size_t i = 0; same && i < n; i++) same = strcmp(have[i + 1], alts[i]) == 0;
  if (same) return;
  size_t from = (size_t)r.device + 1;
  long first = sec_find(s, from, r.device_end, "PhoneNumber");
  if (first < 0) {
    if (!n) return;
    sec_insert(s, block_tail(s, from, r.device_end), "PhoneNumber=");
    link_at(s, index, &r);
    first = sec_find(s, from, r.device_end, "PhoneNumber");
  }
  long second = sec_find(s, (size_t)first + 1, r.device_end, "PhoneNumber");
  if (second >= 0)
    for (size_t i = r.device_end; i-- > (size_t)second;)
      if (is_group_key(s->lines[i])) sec_delete(s, i);
  link_at(s, index, &r);
  size_t at = (size_t)first + 1;
  while (at < r.device_end && is_group_key(s->lines[at]) && !line_is_key(s->lines[at], "PhoneNumber")) at++;
  for (size_t i = n; i-- > 0;) insert_group(s, at, alts[i]);
}

/* Alternates given after a struct of `size` bytes at `offset` within `cb` bytes: validates
 * the list and returns the count (UTF-8 copies in out, caller frees), or -1 when invalid. */
long read_alternates(const void *base, uint32_t size, uint32_t offset, uint32_t cb, char **out, size_t cap) {
  if (!offset) return 0;
  if (offset < size || offset >= cb || (cb - offset) % sizeof(WCHAR_) != 0) return -1;
  const WCHAR_ *w = (const WCHAR_ *)(const void *)((const uint8_t *)base + offset);
  size_t units = (cb - offset) / sizeof(WCHAR_), end = 0;
  bool ok = false;
  for (; end + 1 < units; end++)
    if (!w[end] && !w[end + 1]) {
      ok = true;
      break;
    }
  if (!ok) return -1;
  long n = 0;
  for (size_t i = 0; i < end;) {
    size_t len = 0;
    while (w[i + len]) len++;
    if (len > RAS_MaxPhoneNumber || (size_t)n >= cap) {
      for (long k = 0; k < n; k++) free(out[k]);
      return -1;
    }
    out[n++] = w2u(w + i, len + 1);
    i += len + 1;
  }
  return n;
}

/* The alternates as a double-NUL-terminated UTF-16 list; returns the units written. */
size_t write_alternates(const char *const *alts, size_t n, WCHAR_ *dst) {
  size_t units = 0;
  for (size_t i = 0; i < n; i++) {
    u2w(alts[i], dst + units, RAS_MaxPhoneNumber + 1);
    while (dst[units]) units++;
    units++;
  }
  if (n) dst[units++] = 0;
  return units;
}

static int open_entry(const WCHAR_ *pbk, const WCHAR_ *entry, pbk_book *b, long *idx, char **path, bool write) {
  char *name = w2u(entry, RAS_MaxEntryName + 1);
  int rc = entry_locate(pbk, name, b, idx, path);
  free(name);
  if (rc == 0 && write && is_allusers_pbk(*path) && !sim_elevated()) {
    pbk_free(b);
    free(*path);
    *path = NULL;
    rc = ERROR_ACCESS_DENIED_;
  }
  return rc;
}

RASSIM_EXPORT uint32_t RasGetSubEntryPropertiesW(const WCHAR_ *pbk, const WCHAR_ *entry, uint32_t sub,
                                                 RASSUBENTRYW_ *e, uint32_t *lpcb, uint8_t *devcfg,
                                                 uint32_t *lpcbdev) {
  (void)devcfg;
  if (!sim_home()) return ERROR_CANNOT_OPEN_PHONEBOOK_;
  if (!entry || !lpcb) return ERROR_INVALID_PARAMETER_;
  if (lpcbdev) *lpcbdev = 0; /* no TAPI device configuration */
  if (e && e->dwSize != sizeof(RASSUBENTRYW_)) return ERROR_INVALID_SIZE_;
  pbk_book b;
  long idx;
  char *path = NULL;
  int rc = open_entry(pbk, entry, &b, &idx, &path, false);
  if (rc) return (uint32_t)rc;
  pbk_section *s = &b.secs[idx];
  sim_link r;
  if (sub < 1 || sub > entry_links(s) || !link_at(s, sub - 1, &r)) {
    pbk_free(&b);
    free(path);
    return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY_;
  }
  RASSUBENTRYW_ out;
  memset(&out, 0, sizeof out);
  out.dwSize = sizeof out;
  if (r.device >= 0) u2w(line_value(s->lines[r.device]), out.szDeviceType, RAS_MaxDeviceType + 1);
  if (r.media >= 0) {
    long dev = sec_find(s, (size_t)r.media + 1, r.media_end, "Device");
    if (dev >= 0) u2w(line_value(s->lines[dev]), out.szDeviceName, RAS_MaxDeviceName + 1);
  }
  const char *numbers[SIM_MAX_NUMBERS + 1];
  size_t n = link_numbers(s, &r, numbers, SIM_MAX_NUMBERS + 1);
  if (n) u2w(numbers[0], out.szLocalPhoneNumber, RAS_MaxPhoneNumber + 1);
  WCHAR_ *alt = calloc(SIM_MAX_NUMBERS * (RAS_MaxPhoneNumber + 1) + 1, sizeof(WCHAR_));
  size_t units = alt && n > 1 ? write_alternates(numbers + 1, n - 1, alt) : 0;
  pbk_free(&b);
  free(path);
  if (!alt) return ERROR_NOT_ENOUGH_MEMORY_;
  uint32_t need = (uint32_t)(sizeof out + units * sizeof(WCHAR_));
  if (!e || *lpcb < need) {
    *lpcb = need;
    free(alt);
    return ERROR_BUFFER_TOO_SMALL_;
  }
  out.dwAlternateOffset = units ? (uint32_t)sizeof out : 0;
  memcpy(e, &out, sizeof out);
  if (units) memcpy((uint8_t *)e + sizeof out, alt, units * sizeof(WCHAR_));
  free(alt);
  *lpcb = need;
  return 0;
}

RASSIM_EXPORT uint32_t RasSetSubEntryPropertiesW(const WCHAR_ *pbk, const WCHAR_ *entry, uint32_t sub,
                                                 const RASSUBENTRYW_ *e, uint32_t cb, const uint8_t *devcfg,
                                                 uint32_t devcb) {
  (void)devcfg, (void)devcb;
  if (!sim_home()) return ERROR_CANNOT_OPEN_PHONEBOOK_;
  if (!e) return ERROR_BUFFER_INVALID_;
  if (!entry || sub < 1) return ERROR_INVALID_PARAMETER_;
  if (e->dwSize != sizeof(RASSUBENTRYW_)) return ERROR_INVALID_SIZE_;
  if (cb < sizeof(RASSUBENTRYW_)) return ERROR_BUFFER_INVALID_;
  char *alts[SIM_MAX_NUMBERS];
  long nalt = read_alternates(e, sizeof *e, e->dwAlternateOffset, cb, alts, SIM_MAX_NUMBERS);
  if (nalt < 0) return ERROR_INVALID_PARAMETER_;
  char *type = w2u(e->szDeviceType, RAS_MaxDeviceType + 1);
  char *dev = w2u(e->szDeviceName, RAS_MaxDeviceName + 1);
  char *number = w2u(e->szLocalPhoneNumber, RAS_MaxPhoneNumber + 1);
  sim_flock *lock = pbk_write_lock();
  pbk_book b;
  long idx;
  char *path = NULL;
  int rc = !type || !dev || !number ? ERROR_NOT_ENOUGH_MEMORY_ : open_entry(pbk, entry, &b, &idx, &path, true);
  if (rc == 0) {
    pbk_section *s = &b.secs[idx];
    size_t links = entry_links(s);
    sim_link r;
    bool exists = sub <= links && link_at(s, sub - 1, &r);
    if (!exists && (!type[0] || !dev[0])) {
      rc = ERROR_INVALID_PARAMETER_;
    } else if (!exists) {
      /* A new link at the end of the entry: its MEDIA block, then its DEVICE block. */
      if (s->n && s->lines[s->n - 1][0]) sec_insert(s, s->n, "");
      sec_insert(s, s->n, "MEDIA=rastapi");
      const char *port = device_port(dev);
      insert_kv(s, s->n, "Port", port ? port : "");
      insert_kv(s, s->n, "Device", dev);
      sec_insert(s, s->n, "");
      insert_kv(s, s->n, "DEVICE", type);
      insert_group(s, s->n, number);
      sec_insert(s, s->n, "");
      link_set_alternates(s, links, (const char *const *)alts, (size_t)nalt);
    } else {
      if (r.media >= 0) {
        put_kv(s, (size_t)r.media + 1, r.media_end, "Device", dev);
        const char *port = device_port(dev);
        if (port) put_kv(s, (size_t)r.media + 1, r.media_end, "Port", port);
        link_at(s, sub - 1, &r);
      }
      if (r.device >= 0) {
        sbuf l = {0};
        sb_printf(&l, "DEVICE=%s", type);
        if (!l.oom && strcmp(s->lines[r.device], l.p) != 0) sec_replace(s, (size_t)r.device, l.p);
        sb_free(&l);
        put_kv(s, (size_t)r.device + 1, r.device_end, "PhoneNumber", number);
        link_set_alternates(s, sub - 1, (const char *const *)alts, (size_t)nalt);
      }
    }
    if (!rc) rc = pbk_save(path, &b);
    pbk_free(&b);
  }
  sim_unlock_file(lock);
  for (long i = 0; i < nalt; i++) free(alts[i]);
  free(path);
  free(type);
  free(dev);
  free(number);
  return (uint32_t)rc;
}

RASSIM_EXPORT uint32_t RasDeleteSubEntryW(const WCHAR_ *pbk, const WCHAR_ *entry, uint32_t sub) {
  if (!sim_home()) return ERROR_CANNOT_OPEN_PHONEBOOK_;
  if (!entry) return ERROR_INVALID_PARAMETER_;
  sim_flock *lock = pbk_write_lock();
  pbk_book b;
  long idx;
  char *path = NULL;
  int rc = open_entry(pbk, entry, &b, &idx, &path, true);
  if (rc == 0) {
    pbk_section *s = &b.secs[idx];
    size_t links = entry_links(s);
    sim_link r;
    if (sub < 1 || sub > links || !link_at(s, sub - 1, &r) || r.media < 0) {
      rc = ERROR_CANNOT_FIND_PHONEBOOK_ENTRY_;
    } else if (links == 1) {
      rc = ERROR_INVALID_PARAMETER_;
    } else {
      size_t end = s->n;
      for (size_t i = (size_t)r.media + 1; i < s->n; i++)
        if (line_is_key(s->lines[i], "MEDIA")) {
          end = i;
          break;
        }
      for (size_t i = end; i-- > (size_t)r.media;) sec_delete(s, i);
      rc = pbk_save(path, &b);
    }
    pbk_free(&b);
  }
  sim_unlock_file(lock);
  free(path);
  return (uint32_t)rc;
}
