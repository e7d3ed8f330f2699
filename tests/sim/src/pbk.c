/*
 * pbk.c - the phone-book text model (FORMAT.md): an INI-like file whose sections are entries
 * and whose keys may repeat (MEDIA/DEVICE blocks, multi-line hex values), so a section is kept
 * as its raw lines in order. Reading accepts CRLF or LF, no final newline, no blank lines;
 * writing uses CRLF and replaces the file atomically (temp file, fsync, rename).
 *
 * Malformed books are refused with ERROR_CORRUPT_PHONEBOOK (625, "invalid information in the
 * phone book file"): NUL bytes or other control characters (binary data), invalid UTF-8 (the
 * simulator supports Encoding=1 books only), a section header without ']' (unterminated or
 * truncated), an empty name "[]", a name over RAS_MaxEntryName, or text before the first
 * section. Files over PBK_MAX_BYTES are refused with ERROR_CANNOT_LOAD_PHONEBOOK (622): they
 * cannot be loaded, which is not the same as holding invalid information.
 */
#include <stdlib.h>
#include <string.h>

#include "sim.h"

static bool push_line(char ***lines, size_t *n, size_t *cap, const char *s, size_t len) {
  if (*n == *cap) {
    size_t c = *cap ? *cap * 2 : 16;
    char **p = realloc(*lines, c * sizeof *p);
    if (!p) return false;
    *lines = p;
    *cap = c;
  }
  char *d = sndup(s, len);
  if (!d) return false;
  (*lines)[(*n)++] = d;
  return true;
}

pbk_section *pbk_add_section(pbk_book *b, const char *name) {
  if (b->n == b->cap) {
    size_t c = b->cap ? b->cap * 2 : 8;
    pbk_section *p = realloc(b->secs, c * sizeof *p);
    if (!p) return NULL;
    b->secs = p;
    b->cap = c;
  }
  pbk_section *s = &b->secs[b->n++];
  memset(s, 0, sizeof *s);
  s->name = sdup(name);
  return s;
}

void sec_free(pbk_section *s) {
  for (size_t i = 0; i < s->n; i++) free(s->lines[i]);
  free(s->lines);
  free(s->name);
  memset(s, 0, sizeof *s);
}

void pbk_remove_section(pbk_book *b, size_t i) {
  sec_free(&b->secs[i]);
  memmove(&b->secs[i], &b->secs[i + 1], (b->n - i - 1) * sizeof *b->secs);
  b->n--;
}

void pbk_free(pbk_book *b) {
  for (size_t i = 0; i < b->npre; i++) free(b->pre[i]);
  free(b->pre);
  for (size_t i = 0; i < b->n; i++) sec_free(&b->secs[i]);
  free(b->secs);
  memset(b, 0, sizeof *b);
}

int pbk_parse(const char *data, size_t len, pbk_book *out, bool lenient) {
  memset(out, 0, sizeof *out);
  size_t precap = 0;
  if (memchr(data, 0, len)) return ERROR_CORRUPT_PHONEBOOK_;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) data += 3, len -= 3;
  if (!utf8_valid(data, len)) return ERROR_CORRUPT_PHONEBOOK_;
  size_t pos = 0;
  while (pos < len) {
    const char *nl = memchr(data + pos, '\n', len - pos);
    size_t end = nl ? (size_t)(nl - data) : len;
    size_t l = end - pos;
    const char *line = data + pos;
    pos = nl ? end + 1 : len;
    if (l && line[l - 1] == '\r') l--;
    for (size_t i = 0; i < l; i++) {
      unsigned char c = (unsigned char)line[i];
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        pbk_free(out);
        return ERROR_CORRUPT_PHONEBOOK_;
      }
    }
    size_t t = l;
    while (t && (line[t - 1] == ' ' || line[t - 1] == '\t')) t--;
    if (t && line[0] == '[') {
      if (line[t - 1] != ']' || t < 3) {
        pbk_free(out);
        return ERROR_CORRUPT_PHONEBOOK_;
      }
      char *name = sndup(line + 1, t - 2);
      WCHAR_ tmp[RAS_MaxEntryName + 1];
      bool fits = name && u2w(name, tmp, RAS_MaxEntryName + 1) == 0;
      pbk_section *s = fits ? pbk_add_section(out, name) : NULL;
      free(name);
      if (!s) {
        pbk_free(out);
        return fits ? ERROR_NOT_ENOUGH_MEMORY_ : ERROR_CORRUPT_PHONEBOOK_;
      }
      continue;
    }
    bool ok;
    if (out->n == 0) {
      if (t && !lenient) {
        pbk_free(out);
        return ERROR_CORRUPT_PHONEBOOK_;
      }
      ok = push_line(&out->pre, &out->npre, &precap, line, l);
    } else {
      pbk_section *s = &out->secs[out->n - 1];
      ok = push_line(&s->lines, &s->n, &s->cap, line, l);
    }
    if (!ok) {
      pbk_free(out);
      return ERROR_NOT_ENOUGH_MEMORY_;
    }
  }
  return 0;
}

/* PBK_MAX_BYTES, or RASSIM_PBK_MAX_BYTES when set (a larger limit for scripts/_bench_lookup.ts,
 * which measures a book of a million entries; the simulator's own limit, not Windows'). */
static size_t pbk_max_bytes(void) {
  const char *v = getenv("RASSIM_PBK_MAX_BYTES");
  char *end;
  unsigned long long n = v && *v ? strtoull(v, &end, 10) : 0;
  return n && v && !*end ? (size_t)n : PBK_MAX_BYTES;
}

int pbk_load(const char *path, pbk_book *out, bool missing_ok) {
  memset(out, 0, sizeof *out);
  char *data;
  size_t len;
  int rc = sim_read_file(path, pbk_max_bytes(), &data, &len);
  if (rc == -1) return missing_ok && !sim_file_exists(path) ? 0 : ERROR_CANNOT_OPEN_PHONEBOOK_;
  if (rc != 0) return ERROR_CANNOT_LOAD_PHONEBOOK_;
  rc = pbk_parse(data, len, out, false);
  free(data);
  return rc;
}

int pbk_save(const char *path, const pbk_book *b) {
  sbuf s = {0};
  sb_add(&s, "", 0);
  for (size_t i = 0; i < b->npre; i++) {
    sb_puts(&s, b->pre[i]);
    sb_puts(&s, "\r\n");
  }
  for (size_t i = 0; i < b->n; i++) {
    const pbk_section *sec = &b->secs[i];
    sb_puts(&s, "[");
    sb_puts(&s, sec->name);
    sb_puts(&s, "]\r\n");
    for (size_t j = 0; j < sec->n; j++) {
      sb_puts(&s, sec->lines[j]);
      sb_puts(&s, "\r\n");
    }
  }
  /* Never write what pbk_load would refuse (622): a book grown past PBK_MAX_BYTES stays as it
   * was, and the write fails with ERROR_CANNOT_WRITE_PHONEBOOK (624, raserror.h "the system
   * could not update the phone book file"; RasSetEntryProperties' failure for a book it cannot
   * write, https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rassetentrypropertiesw). */
  int rc = s.oom || s.n > pbk_max_bytes() ? -1 : sim_write_atomic(path, s.p, s.n);
  sb_free(&s);
  return rc == 0 ? 0 : ERROR_CANNOT_WRITE_PHONEBOOK_;
}

long pbk_find(const pbk_book *b, const char *name) {
  for (size_t i = 0; i < b->n; i++)
    if (name_eq(b->secs[i].name, name)) return (long)i;
  return -1;
}

bool line_is_key(const char *line, const char *key) {
  size_t k = strlen(key);
  return strncmp(line, key, k) == 0 && line[k] == '=';
}

const char *line_value(const char *line) {
  const char *eq = strchr(line, '=');
  return eq ? eq + 1 : NULL;
}

long sec_find(const pbk_section *s, size_t from, size_t to, const char *key) {
  for (size_t i = from; i < to && i < s->n; i++)
    if (line_is_key(s->lines[i], key)) return (long)i;
  return -1;
}

void sec_insert(pbk_section *s, size_t at, const char *line) {
  if (s->n == s->cap) {
    size_t c = s->cap ? s->cap * 2 : 16;
    char **p = realloc(s->lines, c * sizeof *p);
    if (!p) return;
    s->lines = p;
    s->cap = c;
  }
  char *d = sdup(line);
  if (!d) return;
  if (at > s->n) at = s->n;
  memmove(&s->lines[at + 1], &s->lines[at], (s->n - at) * sizeof *s->lines);
  s->lines[at] = d;
  s->n++;
}

void sec_replace(pbk_section *s, size_t at, const char *line) {
  char *d = sdup(line);
  if (!d) return;
  free(s->lines[at]);
  s->lines[at] = d;
}

void sec_delete(pbk_section *s, size_t at) {
  free(s->lines[at]);
  memmove(&s->lines[at], &s->lines[at + 1], (s->n - at - 1) * sizeof *s->lines);
  s->n--;
}
