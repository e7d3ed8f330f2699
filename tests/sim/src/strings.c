/* strings.c - UTF-16 <-> UTF-8, name comparison, a byte buffer, number/address parsing. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"

void sb_add(sbuf *b, const char *s, size_t n) {
  if (b->oom) return;
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->n + n + 1) cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) {
      b->oom = true;
      return;
    }
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = 0;
}

/* Makes room for n more bytes up front, so a buffer of a known size is allocated once. */
void sb_reserve(sbuf *b, size_t n) {
  if (b->oom || b->n + n + 1 <= b->cap) return;
  char *p = realloc(b->p, b->n + n + 1);
  if (!p) {
    b->oom = true;
    return;
  }
  b->p = p;
  b->cap = b->n + n + 1;
}

void sb_puts(sbuf *b, const char *s) { sb_add(b, s, strlen(s)); }

void sb_printf(sbuf *b, const char *fmt, ...) {
  char tmp[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n < sizeof tmp) {
    sb_add(b, tmp, (size_t)n);
    return;
  }
  char *big = malloc((size_t)n + 1);
  if (!big) {
    b->oom = true;
    return;
  }
  va_start(ap, fmt);
  vsnprintf(big, (size_t)n + 1, fmt, ap);
  va_end(ap);
  sb_add(b, big, (size_t)n);
  free(big);
}

void sb_json_str(sbuf *b, const char *s) {
  sb_puts(b, "\"");
  for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
    if (*p == '"' || *p == '\\') {
      char e[3] = {'\\', (char)*p, 0};
      sb_puts(b, e);
    } else if (*p < 0x20) {
      sb_printf(b, "\\u%04x", *p);
    } else {
      sb_add(b, (const char *)p, 1);
    }
  }
  sb_puts(b, "\"");
}

void sb_free(sbuf *b) {
  free(b->p);
  memset(b, 0, sizeof *b);
}

char *sdup(const char *s) { return s ? sndup(s, strlen(s)) : NULL; }

char *sndup(const char *s, size_t n) {
  char *p = malloc(n + 1);
  if (!p) return NULL;
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

static void put_utf8(sbuf *b, uint32_t cp) {
  char o[4];
  size_t n;
  if (cp < 0x80) {
    o[0] = (char)cp;
    n = 1;
  } else if (cp < 0x800) {
    o[0] = (char)(0xC0 | (cp >> 6));
    o[1] = (char)(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    o[0] = (char)(0xE0 | (cp >> 12));
    o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    n = 4;
  }
  sb_add(b, o, n);
}

char *w2u(const WCHAR_ *w, size_t cap) {
  if (!w) return NULL;
  sbuf b = {0};
  sb_add(&b, "", 0);
  for (size_t i = 0; i < cap && w[i]; i++) {
    uint32_t c = w[i];
    if (c >= 0xD800 && c < 0xDC00 && i + 1 < cap && w[i + 1] >= 0xDC00 && w[i + 1] < 0xE000) {
      c = 0x10000 + ((c - 0xD800) << 10) + (w[i + 1] - 0xDC00);
      i++;
    } else if (c >= 0xD800 && c < 0xE000) {
      c = 0xFFFD;
    }
    put_utf8(&b, c);
  }
  if (b.oom) {
    sb_free(&b);
    return NULL;
  }
  return b.p;
}

/* Decode one UTF-8 sequence; returns bytes used (0 = invalid). */
static size_t utf8_next(const unsigned char *s, size_t n, uint32_t *cp) {
  if (n == 0) return 0;
  unsigned char c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t len;
  uint32_t v, min;
  if ((c & 0xE0) == 0xC0) {
    len = 2, v = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, v = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, v = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (n < len) return 0;
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    v = (v << 6) | (s[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v < 0xE000)) return 0;
  *cp = v;
  return len;
}

bool utf8_valid(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  while (n) {
    uint32_t cp;
    size_t k = utf8_next(p, n, &cp);
    if (!k) return false;
    p += k;
    n -= k;
  }
  return true;
}

int u2w(const char *s, WCHAR_ *dst, size_t cap) {
  size_t o = 0;
  int rc = 0;
  const unsigned char *p = (const unsigned char *)(s ? s : "");
  size_t n = strlen((const char *)p);
  while (n) {
    uint32_t cp;
    size_t k = utf8_next(p, n, &cp);
    if (!k) {
      cp = 0xFFFD;
      k = 1;
    }
    size_t need = cp >= 0x10000 ? 2 : 1;
    if (o + need + 1 > cap) {
      rc = -1;
      break;
    }
    if (cp >= 0x10000) {
      dst[o++] = (WCHAR_)(0xD800 + ((cp - 0x10000) >> 10));
      dst[o++] = (WCHAR_)(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      dst[o++] = (WCHAR_)cp;
    }
    p += k;
    n -= k;
  }
  if (cap) dst[o] = 0;
  return rc;
}

static uint32_t fold(uint32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;    /* Latin-1 */
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32; /* Greek */
  if (c >= 0x410 && c <= 0x42F) return c + 32;               /* Cyrillic */
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

bool name_eq(const char *a, const char *b) {
  const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
  size_t n = strlen(a), m = strlen(b);
  while (n && m) {
    uint32_t x, y;
    size_t i = utf8_next(p, n, &x), j = utf8_next(q, m, &y);
    if (!i) x = *p, i = 1;
    if (!j) y = *q, j = 1;
    if (fold(x) != fold(y)) return false;
    p += i, n -= i, q += j, m -= j;
  }
  return n == 0 && m == 0;
}

bool has_prefix(const char *s, const char *prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }

bool parse_i64(const char *s, int64_t *out) {
  if (!s) return false;
  while (*s == ' ' || *s == '\t') s++;
  if (!*s) return false;
  char *end;
  long long v = strtoll(s, &end, 0);
  while (*end == ' ' || *end == '\t') end++;
  if (*end) return false;
  *out = v;
  return true;
}

bool parse_ipv4(const char *s, uint8_t out[4]) {
  unsigned v[4];
  char tail;
  if (!s || sscanf(s, "%u.%u.%u.%u%c", &v[0], &v[1], &v[2], &v[3], &tail) != 4) return false;
  for (int i = 0; i < 4; i++) {
    if (v[i] > 255) return false;
    out[i] = (uint8_t)v[i];
  }
  return true;
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool parse_ipv6(const char *s, uint8_t out[16]) {
  if (!s) return false;
  uint16_t head[8], tail[8];
  int nh = 0, nt = 0;
  bool gap = false;
  const char *p = s;
  if (p[0] == ':' && p[1] == ':') {
    gap = true;
    p += 2;
  }
  while (*p) {
    int v = 0, k = 0;
    while (k < 4 && hexval(*p) >= 0) v = v * 16 + hexval(*p++), k++;
    if (!k) return false;
    if (gap) {
      if (nt == 8) return false;
      tail[nt++] = (uint16_t)v;
    } else {
      if (nh == 8) return false;
      head[nh++] = (uint16_t)v;
    }
    if (!*p) break;
    if (*p != ':') return false;
    p++;
    if (*p == ':') {
      if (gap) return false;
      gap = true;
      p++;
      if (!*p) break;
    } else if (!*p) {
      return false;
    }
  }
  if (gap ? nh + nt > 7 : nh != 8) return false;
  memset(out, 0, 16);
  for (int i = 0; i < nh; i++) out[2 * i] = (uint8_t)(head[i] >> 8), out[2 * i + 1] = (uint8_t)head[i];
  for (int i = 0; i < nt; i++) {
    int at = 8 - nt + i;
    out[2 * at] = (uint8_t)(tail[i] >> 8), out[2 * at + 1] = (uint8_t)tail[i];
  }
  return true;
}

void fmt_ipv4(const uint8_t in[4], char out[16]) {
  snprintf(out, 16, "%u.%u.%u.%u", in[0], in[1], in[2], in[3]);
}

void fmt_ipv6(const uint8_t in[16], char out[48]) {
  uint16_t w[8];
  for (int i = 0; i < 8; i++) w[i] = (uint16_t)(in[2 * i] << 8 | in[2 * i + 1]);
  int best = -1, bestlen = 1;
  for (int i = 0; i < 8;) {
    if (w[i]) {
      i++;
      continue;
    }
    int j = i;
    while (j < 8 && !w[j]) j++;
    if (j - i > bestlen) best = i, bestlen = j - i;
    i = j;
  }
  size_t o = 0;
  out[0] = 0;
  for (int i = 0; i < 8; i++) {
    if (i == best) {
      o += (size_t)snprintf(out + o, 48 - o, "::");
      i += bestlen - 1;
      continue;
    }
    o += (size_t)snprintf(out + o, 48 - o, "%s%x", (o && out[o - 1] != ':') ? ":" : "", w[i]);
  }
}
