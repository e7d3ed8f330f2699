/*
 * customauth.c - an entry's custom authentication data (the EAP configuration).
 *
 * RasGetCustomAuthDataW / RasSetCustomAuthDataW
 * (https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasgetcustomauthdataw,
 * https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rassetcustomauthdataw): the data is
 * per entry, not per user. Get: E_INVALIDARG when pdwSizeofCustomAuthData is NULL;
 * ERROR_BUFFER_TOO_SMALL with the required size in *pdwSizeofCustomAuthData when the buffer is
 * too small (or NULL); ERROR_CANNOT_OPEN_PHONEBOOK / ERROR_CANNOT_FIND_PHONEBOOK_ENTRY.
 * Stored as Windows stores it in the entry's section: repeated `CustomAuthData=` keys of up to
 * 128 hex characters each, in order, after `CustomAuthKey` (../shared/pbk/FORMAT.md §2 and §4,
 * [C 01]). No data: no key, and Get reports size 0 (the sim's reading). Set with size 0 removes
 * the data (the sim's reading); the all-users book is an administrator's to change, as for
 * RasSetEntryProperties (identity.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"

#define E_INVALIDARG_ 0x80070057u
#define HEX_PER_LINE 128

static int hexv(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* The entry's data, decoded from its CustomAuthData lines (malloc'd; *n bytes). */
static uint8_t *read_data(const pbk_section *s, uint32_t *n) {
  sbuf hex = {0};
  for (size_t i = 0; i < s->n; i++)
    if (line_is_key(s->lines[i], "CustomAuthData")) sb_puts(&hex, line_value(s->lines[i]));
  size_t len = hex.n / 2;
  uint8_t *out = malloc(len ? len : 1);
  for (size_t i = 0; out && i < len; i++) {
    int a = hexv(hex.p[2 * i]), b = hexv(hex.p[2 * i + 1]);
    out[i] = (uint8_t)((a < 0 ? 0 : a) * 16 + (b < 0 ? 0 : b));
  }
  sb_free(&hex);
  *n = (uint32_t)len;
  return out;
}

RASSIM_EXPORT uint32_t RasGetCustomAuthDataW(const WCHAR_ *pbk, const WCHAR_ *entry, uint8_t *data,
                                             uint32_t *size) {
  if (!size) return E_INVALIDARG_;
  if (!sim_home()) return ERROR_CANNOT_OPEN_PHONEBOOK_;
  if (!entry) return ERROR_INVALID_PARAMETER_;
  char *name = w2u(entry, RAS_MaxEntryName + 1);
  pbk_book b;
  long idx;
  char *path = NULL;
  int rc = entry_locate(pbk, name, &b, &idx, &path);
  free(name);
  if (rc) return (uint32_t)rc;
  uint32_t n = 0;
  uint8_t *bytes = read_data(&b.secs[idx], &n);
  pbk_free(&b);
  free(path);
  if (!bytes) return ERROR_NOT_ENOUGH_MEMORY_;
  if (!data || *size < n) {
    *size = n;
    free(bytes);
    return ERROR_BUFFER_TOO_SMALL_;
  }
  memcpy(data, bytes, n);
  free(bytes);
  *size = n;
  return 0;
}

RASSIM_EXPORT uint32_t RasSetCustomAuthDataW(const WCHAR_ *pbk, const WCHAR_ *entry, const uint8_t *data,
                                             uint32_t size) {
  if (!sim_home()) return ERROR_CANNOT_OPEN_PHONEBOOK_;
  if (!entry || (size && !data)) return ERROR_INVALID_PARAMETER_;
  char *name = w2u(entry, RAS_MaxEntryName + 1);
  sim_flock *lock = pbk_write_lock();
  pbk_book b;
  long idx;
  char *path = NULL;
  int rc = entry_locate(pbk, name, &b, &idx, &path);
  free(name);
  if (rc == 0 && is_allusers_pbk(path) && !sim_elevated()) {
    pbk_free(&b);
    rc = ERROR_ACCESS_DENIED_;
  }
  if (rc == 0) {
    pbk_section *s = &b.secs[idx];
    long at = -1;
    for (size_t i = s->n; i-- > 0;) {
      if (line_is_key(s->lines[i], "CustomAuthData")) {
        sec_delete(s, i);
        at = (long)i;
      }
    }
    if (at < 0) {
      long key = sec_find(s, 0, s->n, "CustomAuthKey");
      if (key >= 0) {
        at = key + 1;
      } else { /* the end of the global keys: before the first blank line or sub-block */
        at = 0;
        while ((size_t)at < s->n && s->lines[at][0] && !line_is_key(s->lines[at], "NETCOMPONENTS") &&
               !line_is_key(s->lines[at], "MEDIA"))
          at++;
      }
    }
    for (uint32_t off = 0; off < size; off += HEX_PER_LINE / 2) {
      char line[sizeof "CustomAuthData=" + HEX_PER_LINE];
      int w = snprintf(line, sizeof line, "CustomAuthData=");
      for (uint32_t i = off; i < size && i < off + HEX_PER_LINE / 2; i++)
        w += snprintf(line + w, sizeof line - (size_t)w, "%02X", data[i]);
      sec_insert(s, (size_t)at++, line);
    }
    rc = pbk_save(path, &b);
    pbk_free(&b);
  }
  sim_unlock_file(lock);
  free(path);
  return (uint32_t)rc;
}
