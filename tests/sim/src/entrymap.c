/*
 * entrymap.c - RASENTRYW <-> phone-book keys, following ../shared/pbk/FORMAT.md section 4.
 *
 * Rules that make rewrites faithful:
 *  - a key already in the section is rewritten only when its meaning changes (so "02" stays
 *    "02" and an address keeps its spelling), and in place (order kept);
 *  - a key missing from the section is added only when the new value differs from what a
 *    missing key means (so minimal books such as 09/11 stay minimal);
 *  - unknown keys, repeated keys and untouched lines are never moved;
 *  - RASENTRYW members with no key of their own (szScript, X.25, dwfOptions bits without a
 *    key, ...) are kept losslessly as "RasSim.<member>=<hex bytes>" lines, written only when
 *    the file keys cannot express the value, so Get after Set returns the same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"

typedef enum { B_GLOBAL, B_MEDIA, B_DEVICE } blk;

typedef struct {
  size_t g_end;
  long media, device;
  size_t media_end, device_end;
} layout;

static bool is_block_key(const char *l) { return line_is_key(l, "MEDIA") || line_is_key(l, "DEVICE"); }

static layout get_layout(const pbk_section *s) {
  layout L = {s->n, -1, -1, s->n, s->n};
  for (size_t i = 0; i < s->n; i++)
    if (line_is_key(s->lines[i], "NETCOMPONENTS") || is_block_key(s->lines[i])) {
      L.g_end = i;
      break;
    }
  L.media = sec_find(s, 0, s->n, "MEDIA");
  if (L.media >= 0) {
    for (size_t i = (size_t)L.media + 1; i < s->n; i++)
      if (is_block_key(s->lines[i])) {
        L.media_end = i;
        break;
      }
    if (L.media_end < s->n && line_is_key(s->lines[L.media_end], "DEVICE")) L.device = (long)L.media_end;
  } else {
    L.device = sec_find(s, 0, s->n, "DEVICE");
  }
  if (L.device >= 0)
    for (size_t i = (size_t)L.device + 1; i < s->n; i++)
      if (is_block_key(s->lines[i])) {
        L.device_end = i;
        break;
      }
  return L;
}

static bool block_range(const pbk_section *s, blk b, size_t *from, size_t *to) {
  layout L = get_layout(s);
  if (b == B_GLOBAL) {
    *from = 0, *to = L.g_end;
    return true;
  }
  long start = b == B_MEDIA ? L.media : L.device;
  if (start < 0) return false;
  *from = (size_t)start + 1;
  *to = b == B_MEDIA ? L.media_end : L.device_end;
  return true;
}

static const char *get(const pbk_section *s, blk b, const char *key) {
  size_t from, to;
  if (!block_range(s, b, &from, &to)) return NULL;
  long i = sec_find(s, from, to, key);
  return i < 0 ? NULL : line_value(s->lines[i]);
}

/* The alternate phone numbers: each PhoneNumber= line of the DEVICE block after the first
 * (rasphone.pbk repeats the PhoneNumber/AreaCode/CountryCode... group once per number; the
 * first is szLocalPhoneNumber). Pointers into s; returns how many (at most cap). */
size_t entry_alternates(const pbk_section *s, const char **out, size_t cap) {
  size_t from, to, n = 0;
  bool first = true;
  if (!block_range(s, B_DEVICE, &from, &to)) return 0;
  for (size_t i = from; i < to && n < cap; i++)
    if (line_is_key(s->lines[i], "PhoneNumber")) {
      if (first) {
        first = false;
        continue;
      }
      out[n++] = line_value(s->lines[i]);
    }
  return n;
}

/* The value of the DEVICE=<type> line that opens the DEVICE block. */
static const char *device_type_of(const pbk_section *s) {
  layout L = get_layout(s);
  return L.device >= 0 ? line_value(s->lines[L.device]) : NULL;
}

static void ensure_block(pbk_section *s, blk b) {
  size_t from, to;
  if (b == B_GLOBAL || block_range(s, b, &from, &to)) return;
  if (b == B_DEVICE) ensure_block(s, B_MEDIA);
  if (s->n && s->lines[s->n - 1][0]) sec_insert(s, s->n, "");
  sec_insert(s, s->n, b == B_MEDIA ? "MEDIA=rastapi" : "DEVICE=");
}

static void put_line(pbk_section *s, blk b, const char *key, const char *value) {
  sbuf l = {0};
  sb_printf(&l, "%s=%s", key, value);
  if (l.oom) return;
  size_t from, to;
  ensure_block(s, b);
  block_range(s, b, &from, &to);
  long i = sec_find(s, from, to, key);
  if (i >= 0) {
    if (strcmp(s->lines[i], l.p) != 0) sec_replace(s, (size_t)i, l.p);
  } else {
    size_t at = to;
    while (at > from && s->lines[at - 1][0] == 0) at--;
    sec_insert(s, at, l.p);
  }
  sb_free(&l);
}

/* Write key=value unless the existing value already means the same (same_fn) or the key is
 * missing and value means what "missing" means (absent). */
static void set_text(pbk_section *s, blk b, const char *key, const char *value, const char *absent,
                     bool same) {
  const char *cur = get(s, b, key);
  if (cur ? same : (absent && strcmp(value, absent) == 0)) return;
  put_line(s, b, key, value);
}

static uint32_t get_u32(const pbk_section *s, blk b, const char *key, const char *absent) {
  const char *v = get(s, b, key);
  int64_t n = 0;
  if (!v || !parse_i64(v, &n)) parse_i64(absent ? absent : "0", &n);
  return (uint32_t)n;
}

static void set_u32(pbk_section *s, blk b, const char *key, uint32_t v, const char *absent,
                    bool is_signed) {
  char buf[24];
  if (is_signed)
    snprintf(buf, sizeof buf, "%d", (int32_t)v);
  else
    snprintf(buf, sizeof buf, "%u", v);
  const char *cur = get(s, b, key);
  int64_t n;
  set_text(s, b, key, buf, absent, cur && parse_i64(cur, &n) && (uint32_t)n == v);
}

/* ---- simple member <-> key table ---- */
typedef enum { K_U32, K_I32, K_WSTR, K_IP4, K_IP6 } kind;
typedef struct {
  const char *key;
  blk b;
  kind k;
  size_t off, cap;
  const char *absent;
} simple_map;

#define OFF(m) offsetof(RASENTRYW_, m)
#define WSTR(m) K_WSTR, OFF(m), sizeof(((RASENTRYW_ *)0)->m) / 2
#define U32(m) K_U32, OFF(m), 0
static const simple_map k_simple[] = {
    {"PhoneNumber", B_DEVICE, WSTR(szLocalPhoneNumber), ""},
    {"AreaCode", B_DEVICE, WSTR(szAreaCode), ""},
    {"CountryCode", B_DEVICE, U32(dwCountryCode), "0"},
    {"CountryID", B_DEVICE, U32(dwCountryID), "0"},
    {"Device", B_MEDIA, WSTR(szDeviceName), ""},
    {"VpnStrategy", B_GLOBAL, U32(dwVpnStrategy), "0"},
    {"CustomAuthKey", B_GLOBAL, K_I32, OFF(dwCustomAuthKey), 0, "0"},
    {"DialMode", B_GLOBAL, U32(dwDialMode), "0"},
    {"RedialAttempts", B_GLOBAL, U32(dwRedialCount), "0"},
    {"RedialSeconds", B_GLOBAL, U32(dwRedialPause), "0"},
    {"IdleDisconnectSeconds", B_GLOBAL, U32(dwIdleDisconnectSeconds), "0"},
    {"CustomDialDll", B_GLOBAL, WSTR(szCustomDialDll), ""},
    {"PrerequisiteEntry", B_GLOBAL, WSTR(szPrerequisiteEntry), ""},
    {"PrerequisitePbk", B_GLOBAL, WSTR(szPrerequisitePbk), ""},
    {"IpInterfaceMetric", B_GLOBAL, U32(dwIPv4InterfaceMetric), "0"},
    {"IpAddress", B_GLOBAL, K_IP4, OFF(ipaddr), 0, "0.0.0.0"},
    {"IpDnsAddress", B_GLOBAL, K_IP4, OFF(ipaddrDns), 0, "0.0.0.0"},
    {"IpDns2Address", B_GLOBAL, K_IP4, OFF(ipaddrDnsAlt), 0, "0.0.0.0"},
    {"IpWinsAddress", B_GLOBAL, K_IP4, OFF(ipaddrWins), 0, "0.0.0.0"},
    {"IpWins2Address", B_GLOBAL, K_IP4, OFF(ipaddrWinsAlt), 0, "0.0.0.0"},
    {"TcpWindowSize", B_GLOBAL, U32(dwTcpWindowSize), "0"},
    {"IpDnsSuffix", B_GLOBAL, WSTR(szDnsSuffix), ""},
    {"Ipv6Address", B_GLOBAL, K_IP6, OFF(ipv6addr), 0, "::"},
    {"Ipv6PrefixLength", B_GLOBAL, U32(dwIPv6PrefixLength), "0"},
    {"Ipv6InterfaceMetric", B_GLOBAL, U32(dwIPv6InterfaceMetric), "0"},
    {"Ipv6DnsAddress", B_GLOBAL, K_IP6, OFF(ipv6addrDns), 0, "::"},
    {"Ipv6Dns2Address", B_GLOBAL, K_IP6, OFF(ipv6addrDnsAlt), 0, "::"},
    {"NetworkOutageTime", B_GLOBAL, U32(dwNetworkOutageTime), "0"},
    {"IDI", B_GLOBAL, WSTR(szIDi), ""},
    {"IDR", B_GLOBAL, WSTR(szIDr), ""},
    {"ImsConfig", B_GLOBAL, K_I32, OFF(fIsImsConfig), 0, "0"},
    {"IdiType", B_GLOBAL, K_I32, OFF(IdiType), 0, "0"},
    {"IdrType", B_GLOBAL, K_I32, OFF(IdrType), 0, "0"},
};

static void simple_decode(const pbk_section *s, const simple_map *m, uint8_t *base) {
  const char *v = get(s, m->b, m->key);
  if (!v) v = m->absent;
  switch (m->k) {
  case K_U32:
  case K_I32: {
    uint32_t n = get_u32(s, m->b, m->key, m->absent);
    memcpy(base + m->off, &n, 4);
    break;
  }
  case K_WSTR:
    u2w(v, (WCHAR_ *)(void *)(base + m->off), m->cap);
    break;
  case K_IP4:
    if (!parse_ipv4(v, base + m->off)) memset(base + m->off, 0, 4);
    break;
  case K_IP6:
    if (!parse_ipv6(v, base + m->off)) memset(base + m->off, 0, 16);
    break;
  }
}

static void simple_encode(pbk_section *s, const simple_map *m, const uint8_t *base) {
  const char *cur = get(s, m->b, m->key);
  switch (m->k) {
  case K_U32:
  case K_I32: {
    uint32_t n;
    memcpy(&n, base + m->off, 4);
    set_u32(s, m->b, m->key, n, m->absent, m->k == K_I32);
    break;
  }
  case K_WSTR: {
    const WCHAR_ *w = (const WCHAR_ *)(const void *)(base + m->off);
    char *u = w2u(w, m->cap);
    if (!u) return;
    bool same = false;
    if (cur) {
      WCHAR_ tmp[RAS_MaxIDSize + 8] = {0};
      u2w(cur, tmp, m->cap);
      same = memcmp(tmp, w, m->cap * 2) == 0;
    }
    set_text(s, m->b, m->key, u, m->absent, same);
    free(u);
    break;
  }
  case K_IP4: {
    char buf[16];
    uint8_t old[4];
    fmt_ipv4(base + m->off, buf);
    set_text(s, m->b, m->key, buf, m->absent, cur && parse_ipv4(cur, old) && !memcmp(old, base + m->off, 4));
    break;
  }
  case K_IP6: {
    char buf[48];
    uint8_t old[16];
    fmt_ipv6(base + m->off, buf);
    set_text(s, m->b, m->key, buf, m->absent, cur && parse_ipv6(cur, old) && !memcmp(old, base + m->off, 16));
    break;
  }
  }
}

/* ---- 0/1 keys <-> one option bit ---- */
typedef struct {
  const char *key;
  blk b;
  int word; /* 1 dwfOptions, 2 dwfOptions2 */
  uint32_t bit;
  bool invert;
  const char *absent;
} bit_map;

static const bit_map k_bits[] = {
    {"UseDialingRules", B_DEVICE, 1, 0x1, false, "0"},        /* RASEO_UseCountryAndAreaCodes */
    {"IpHeaderCompression", B_GLOBAL, 1, 0x8, false, "0"},    /* RASEO_IpHeaderCompression */
    {"IpPrioritizeRemote", B_GLOBAL, 1, 0x10, false, "1"},    /* RASEO_RemoteDefaultGateway */
    {"LcpExtensions", B_GLOBAL, 1, 0x20, true, "1"},          /* RASEO_DisableLcpExtensions */
    {"ShowMonitorIconInTaskBar", B_GLOBAL, 1, 0x100, false, "0"}, /* RASEO_ModemLights */
    {"SwCompression", B_GLOBAL, 1, 0x200, false, "0"},        /* RASEO_SwCompression */
    {"AutoLogon", B_GLOBAL, 1, 0x4000, false, "0"},           /* RASEO_UseLogonCredentials */
    {"PromoteAlternates", B_DEVICE, 1, 0x8000, false, "0"},   /* RASEO_PromoteAlternates */
    {"PreviewPhoneNumber", B_GLOBAL, 1, 0x200000, false, "0"},
    {"SharedPhoneNumbers", B_GLOBAL, 1, 0x800000, false, "0"},
    {"PreviewUserPw", B_GLOBAL, 1, 0x1000000, false, "0"},
    {"PreviewDomain", B_GLOBAL, 1, 0x2000000, false, "0"},
    {"ShowDialingProgress", B_GLOBAL, 1, 0x4000000, false, "0"},
    {"ShareMsFilePrint", B_GLOBAL, 2, 0x1, true, "1"},        /* RASEO2_SecureFileAndPrint */
    {"BindMsNetClient", B_GLOBAL, 2, 0x2, true, "1"},         /* RASEO2_SecureClientForMSNet */
    {"NegotiateMultilinkAlways", B_GLOBAL, 2, 0x4, true, "1"}, /* RASEO2_DontNegotiateMultilink */
    {"UseRasCredentials", B_GLOBAL, 2, 0x8, true, "1"},       /* RASEO2_DontUseRasCredentials */
    {"GlobalDeviceSettings", B_GLOBAL, 2, 0x80, false, "0"},  /* RASEO2_UseGlobalDeviceSettings */
    {"RedialOnLinkFailure", B_GLOBAL, 2, 0x100, false, "0"},  /* RASEO2_ReconnectIfDropped */
    {"ForceSecureCompartment", B_GLOBAL, 2, 0x400, false, "0"},
    {"Ipv6PrioritizeRemote", B_GLOBAL, 2, 0x2000, false, "1"}, /* RASEO2_IPv6RemoteDefaultGateway */
    {"DisableIKENameEkuCheck", B_GLOBAL, 2, 0x40000, false, "0"},
    {"DisableClassBasedDefaultRoute", B_GLOBAL, 2, 0x80000, false, "0"},
    {"DisableMobility", B_GLOBAL, 2, 0x200000, false, "0"},
    {"CacheCredentials", B_GLOBAL, 2, 0x2000000, false, "0"},
    {"AutoTiggerCapable", B_GLOBAL, 2, 0x4000000, false, "0"}, /* sic, as Windows spells it */
    {"AuthTypeOTP", B_GLOBAL, 2, 0x10000000, false, "0"},
    {"AlwaysOnCapable", B_GLOBAL, 2, 0x20000000, false, "0"},
    {"PrivateNetwork", B_GLOBAL, 2, 0x40000000, false, "0"},
    {"PlumbIKEv2TSAsRoutes", B_GLOBAL, 2, 0x80000000u, false, "0"},
};

/* ---- numeric keys whose bits map to option bits (other bits in the file are kept) ---- */
typedef struct {
  const char *key;
  uint32_t file_bit;
  int word;
  uint32_t opt_bit;
  bool invert;
  const char *absent;
} mask_map;

static const mask_map k_masks[] = {
    {"IpDnsFlags", 1, 2, 0x4000, false, "0"},      /* RASEO2_RegisterIpWithDNS */
    {"IpDnsFlags", 2, 2, 0x8000, false, "0"},      /* RASEO2_UseDNSSuffixForRegistration */
    {"IpNBTFlags", 1, 2, 0x40, true, "1"},         /* RASEO2_DisableNbtOverIP */
    {"IpSecFlags", 1, 2, 0x10, false, "0"},        /* RASEO2_UsePreSharedKey */
    {"AuthRestrictions", 8, 1, 0x40000, false, "0"},     /* RASEO_RequirePAP */
    {"AuthRestrictions", 16, 1, 0x80000, false, "0"},    /* RASEO_RequireSPAP */
    {"AuthRestrictions", 32, 1, 0x8000000, false, "0"},  /* RASEO_RequireCHAP */
    {"AuthRestrictions", 64, 1, 0x10000000, false, "0"}, /* RASEO_RequireMsCHAP */
    {"AuthRestrictions", 128, 1, 0x20000, false, "0"},   /* RASEO_RequireEAP */
    {"AuthRestrictions", 512, 1, 0x20000000, false, "0"},  /* RASEO_RequireMsCHAP2 */
    {"AuthRestrictions", 1024, 1, 0x40000000, false, "0"}, /* RASEO_RequireW95MSCHAP */
    {"AuthRestrictions", 2048, 2, 0x400000, false, "0"},   /* RASEO2_RequireMachineCertificates */
};

/* ---- keys with 1 = automatic / 2 = static ---- */
typedef struct {
  const char *key;
  int word;
  uint32_t bit;
} assign_map;
static const assign_map k_assign[] = {
    {"IpAssign", 1, 0x2},          /* RASEO_SpecificIpAddr */
    {"IpNameAssign", 1, 0x4},      /* RASEO_SpecificNameServers */
    {"Ipv6Assign", 2, 0x100000},   /* RASEO2_SpecificIPv6Addr */
    {"Ipv6NameAssign", 2, 0x1000}, /* RASEO2_IPv6SpecificNameServers */
};

#define NUM(a) (sizeof(a) / sizeof((a)[0]))

static uint32_t *opt_word(RASENTRYW_ *e, int w) { return w == 1 ? &e->dwfOptions : &e->dwfOptions2; }

static uint32_t infer_type(const char *devtype) {
  if (!devtype) return RASET_Phone;
  if (!strcmp(devtype, "vpn")) return RASET_Vpn;
  if (!strcmp(devtype, "PPPoE")) return RASET_Broadband;
  return RASET_Phone;
}

/* FORMAT.md: DataEncryption 0 none / 8 optional / 256 required / 512 maximum. */
static uint32_t enc_from_file(uint32_t v) {
  if (v >= 512) return ET_RequireMax;
  if (v >= 256) return ET_Require;
  if (v > 0) return ET_Optional;
  return ET_None;
}
static uint32_t enc_to_file(uint32_t et) {
  switch (et) {
  case ET_None: return 0;
  case ET_Require: return 256;
  case ET_RequireMax: return 512;
  default: return 8;
  }
}

/* ---- lossless fallback for members without keys ---- */
typedef struct {
  const char *name;
  size_t off, size;
} member;
#define M(m) {#m, OFF(m), sizeof(((RASENTRYW_ *)0)->m)}
static const member k_members[] = {
    M(dwfOptions), M(dwCountryID), M(dwCountryCode), M(szAreaCode), M(szLocalPhoneNumber),
    M(ipaddr), M(ipaddrDns), M(ipaddrDnsAlt), M(ipaddrWins), M(ipaddrWinsAlt), M(dwFrameSize),
    M(dwfNetProtocols), M(dwFramingProtocol), M(szScript), M(szAutodialDll), M(szAutodialFunc),
    M(szDeviceType), M(szDeviceName), M(szX25PadType), M(szX25Address), M(szX25Facilities),
    M(szX25UserData), M(dwChannels), M(dwReserved1), M(dwReserved2),
    M(dwDialMode), M(dwDialExtraPercent), M(dwDialExtraSampleSeconds), M(dwHangUpExtraPercent),
    M(dwHangUpExtraSampleSeconds), M(dwIdleDisconnectSeconds), M(dwType), M(dwEncryptionType),
    M(dwCustomAuthKey), M(szCustomDialDll), M(dwVpnStrategy), M(dwfOptions2), M(dwfOptions3),
    M(szDnsSuffix), M(dwTcpWindowSize), M(szPrerequisitePbk), M(szPrerequisiteEntry),
    M(dwRedialCount), M(dwRedialPause), M(ipv6addrDns), M(ipv6addrDnsAlt),
    M(dwIPv4InterfaceMetric), M(dwIPv6InterfaceMetric), M(ipv6addr), M(dwIPv6PrefixLength),
    M(dwNetworkOutageTime), M(szIDi), M(szIDr), M(fIsImsConfig), M(IdiType), M(IdrType),
    M(fDisableIKEv2Fragmentation),
};
#define OVERRIDE_PREFIX "RasSim."

static int hexv(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static bool hex_decode(const char *h, uint8_t *out, size_t n) {
  if (strlen(h) != 2 * n) return false;
  for (size_t i = 0; i < n; i++) {
    int a = hexv(h[2 * i]), b = hexv(h[2 * i + 1]);
    if (a < 0 || b < 0) return false;
    out[i] = (uint8_t)(a * 16 + b);
  }
  return true;
}

static void apply_overrides(const pbk_section *s, RASENTRYW_ *e) {
  for (size_t i = 0; i < s->n; i++) {
    const char *l = s->lines[i];
    if (!has_prefix(l, OVERRIDE_PREFIX)) continue;
    const char *name = l + strlen(OVERRIDE_PREFIX);
    const char *eq = strchr(name, '=');
    if (!eq) continue;
    for (size_t m = 0; m < NUM(k_members); m++) {
      const member *mb = &k_members[m];
      if (strlen(mb->name) == (size_t)(eq - name) && !strncmp(mb->name, name, (size_t)(eq - name))) {
        uint8_t tmp[1024];
        if (mb->size <= sizeof tmp && hex_decode(eq + 1, tmp, mb->size))
          memcpy((uint8_t *)e + mb->off, tmp, mb->size);
      }
    }
  }
}

void entry_decode(const pbk_section *s, RASENTRYW_ *e) {
  memset(e, 0, sizeof *e);
  e->dwSize = sizeof *e;
  uint8_t *base = (uint8_t *)e;
  for (size_t i = 0; i < NUM(k_simple); i++) simple_decode(s, &k_simple[i], base);
  const char *devtype = device_type_of(s);
  u2w(devtype ? devtype : "", e->szDeviceType, RAS_MaxDeviceType + 1);
  char tbuf[4];
  snprintf(tbuf, sizeof tbuf, "%u", infer_type(devtype));
  e->dwType = get_u32(s, B_GLOBAL, "Type", tbuf);
  for (size_t i = 0; i < NUM(k_bits); i++) {
    const bit_map *m = &k_bits[i];
    bool on = get_u32(s, m->b, m->key, m->absent) != 0;
    if (on != m->invert) *opt_word(e, m->word) |= m->bit;
  }
  for (size_t i = 0; i < NUM(k_masks); i++) {
    const mask_map *m = &k_masks[i];
    bool on = (get_u32(s, B_GLOBAL, m->key, m->absent) & m->file_bit) != 0;
    if (on != m->invert) *opt_word(e, m->word) |= m->opt_bit;
  }
  for (size_t i = 0; i < NUM(k_assign); i++)
    if (get_u32(s, B_GLOBAL, k_assign[i].key, "1") == 2) *opt_word(e, k_assign[i].word) |= k_assign[i].bit;
  if (e->dwIPv4InterfaceMetric) e->dwfOptions2 |= 0x10000;  /* RASEO2_IPv4ExplicitMetric */
  if (e->dwIPv6InterfaceMetric) e->dwfOptions2 |= 0x20000;  /* RASEO2_IPv6ExplicitMetric */
  e->dwEncryptionType = enc_from_file(get_u32(s, B_GLOBAL, "DataEncryption", "256"));
  /* ExcludedProtocols lists disabled RASNP_* bits; Windows 7+ only has IP and IPv6. */
  e->dwfNetProtocols = (0x4 | 0x8) & ~get_u32(s, B_GLOBAL, "ExcludedProtocols", "0");
  e->dwFramingProtocol = 1; /* RASFP_Ppp: every Windows 7+ RAS link is PPP or a tunnel */
  /* "When calling RasSetEntryProperties, set this member to zero. To add subentries to a
   * phone-book entry, use the RasSetSubEntryProperties function" (RASENTRYW dwSubEntries): it is
   * the entry's count of links, never stored (subentries.c). */
  e->dwSubEntries = (uint32_t)entry_links(s);
  const char *g = get(s, B_GLOBAL, "Guid");
  if (g) hex_decode(g, (uint8_t *)&e->guidId, 16);
  apply_overrides(s, e);
}

static void encode_keys(pbk_section *s, const RASENTRYW_ *e) {
  const uint8_t *base = (const uint8_t *)e;
  char *olddev = sdup(get(s, B_MEDIA, "Device"));
  /* DEVICE=<type> first: the Type key's "missing" meaning depends on it. */
  char *devtype = w2u(e->szDeviceType, RAS_MaxDeviceType + 1);
  if (devtype) {
    const char *cur = device_type_of(s);
    if (cur ? strcmp(cur, devtype) != 0 : devtype[0] != 0) {
      ensure_block(s, B_DEVICE);
      layout L = get_layout(s);
      sbuf l = {0};
      sb_printf(&l, "DEVICE=%s", devtype);
      if (!l.oom) sec_replace(s, (size_t)L.device, l.p);
      sb_free(&l);
    }
  }
  char tbuf[4];
  snprintf(tbuf, sizeof tbuf, "%u", infer_type(device_type_of(s)));
  set_u32(s, B_GLOBAL, "Type", e->dwType, tbuf, false);
  free(devtype);
  for (size_t i = 0; i < NUM(k_simple); i++) simple_encode(s, &k_simple[i], base);
  for (size_t i = 0; i < NUM(k_bits); i++) {
    const bit_map *m = &k_bits[i];
    bool on = ((m->word == 1 ? e->dwfOptions : e->dwfOptions2) & m->bit) != 0;
    if (m->invert) on = !on;
    const char *cur = get(s, m->b, m->key);
    int64_t n;
    bool same = cur && parse_i64(cur, &n) && (n != 0) == on;
    set_text(s, m->b, m->key, on ? "1" : "0", m->absent, same);
  }
  for (size_t i = 0; i < NUM(k_masks);) {
    const char *key = k_masks[i].key;
    uint32_t v = get_u32(s, B_GLOBAL, key, k_masks[i].absent);
    for (; i < NUM(k_masks) && !strcmp(k_masks[i].key, key); i++) {
      const mask_map *m = &k_masks[i];
      bool on = ((m->word == 1 ? e->dwfOptions : e->dwfOptions2) & m->opt_bit) != 0;
      if (m->invert) on = !on;
      v = on ? (v | m->file_bit) : (v & ~m->file_bit);
    }
    set_u32(s, B_GLOBAL, key, v, k_masks[i - 1].absent, false);
  }
  for (size_t i = 0; i < NUM(k_assign); i++) {
    const assign_map *m = &k_assign[i];
    bool on = ((m->word == 1 ? e->dwfOptions : e->dwfOptions2) & m->bit) != 0;
    const char *cur = get(s, B_GLOBAL, m->key);
    int64_t n;
    bool same = cur && parse_i64(cur, &n) && (n == 2) == on;
    set_text(s, B_GLOBAL, m->key, on ? "2" : "1", "1", same);
  }
  {
    const char *cur = get(s, B_GLOBAL, "DataEncryption");
    int64_t n;
    bool same = cur && parse_i64(cur, &n) && enc_from_file((uint32_t)n) == e->dwEncryptionType;
    char buf[16];
    snprintf(buf, sizeof buf, "%u", enc_to_file(e->dwEncryptionType));
    set_text(s, B_GLOBAL, "DataEncryption", buf, "256", same);
  }
  {
    uint32_t ex = get_u32(s, B_GLOBAL, "ExcludedProtocols", "0");
    ex = (ex & ~0xCu) | (0xCu & ~e->dwfNetProtocols);
    set_u32(s, B_GLOBAL, "ExcludedProtocols", ex, "0", false);
  }
  static const uint8_t zero[16];
  if (memcmp(&e->guidId, zero, 16) != 0) {
    char hex[33];
    const uint8_t *g = (const uint8_t *)&e->guidId;
    for (int i = 0; i < 16; i++) snprintf(hex + 2 * i, 3, "%02X", g[i]);
    const char *cur = get(s, B_GLOBAL, "Guid");
    uint8_t old[16];
    set_text(s, B_GLOBAL, "Guid", hex, NULL, cur && hex_decode(cur, old, 16) && !memcmp(old, g, 16));
  }
  /* A new device moves the entry to that device's port (MEDIA Port, Preferred*). */
  const char *newdev = get(s, B_MEDIA, "Device");
  if (newdev && (!olddev || strcmp(olddev, newdev) != 0)) {
    const char *port = device_port(newdev);
    if (port) {
      put_line(s, B_MEDIA, "Port", port);
      if (get(s, B_GLOBAL, "PreferredPort")) put_line(s, B_GLOBAL, "PreferredPort", port);
      if (get(s, B_GLOBAL, "PreferredDevice")) put_line(s, B_GLOBAL, "PreferredDevice", newdev);
    }
  }
  free(olddev);
}

void entry_encode(pbk_section *s, const RASENTRYW_ *e) {
  for (size_t i = s->n; i-- > 0;)
    if (has_prefix(s->lines[i], OVERRIDE_PREFIX)) sec_delete(s, i);
  encode_keys(s, e);
  RASENTRYW_ back;
  entry_decode(s, &back);
  for (size_t m = 0; m < NUM(k_members); m++) {
    const member *mb = &k_members[m];
    const uint8_t *want = (const uint8_t *)e + mb->off;
    if (!memcmp(want, (const uint8_t *)&back + mb->off, mb->size)) continue;
    sbuf l = {0};
    sb_printf(&l, OVERRIDE_PREFIX "%s=", mb->name);
    for (size_t i = 0; i < mb->size; i++) sb_printf(&l, "%02X", want[i]);
    if (!l.oom) {
      size_t from, to;
      block_range(s, B_GLOBAL, &from, &to);
      size_t at = to;
      while (at > from && s->lines[at - 1][0] == 0) at--;
      sec_insert(s, at, l.p);
    }
    sb_free(&l);
  }
}

/* Windows 10's key set for a new entry (key order as rasphone.pbk files show it). */
static const char *const k_template[] = {
    "Encoding=1", "PBVersion=8", "Type=2", "AutoLogon=0", "UseRasCredentials=1",
    "LowDateTime=0", "HighDateTime=0", "DialParamsUID=0", "VpnStrategy=0", "ExcludedProtocols=0",
    "LcpExtensions=1", "DataEncryption=256", "SwCompression=0", "NegotiateMultilinkAlways=0",
    "SkipDoubleDialDialog=0", "DialMode=0", "OverridePref=15", "RedialAttempts=3",
    "RedialSeconds=60", "IdleDisconnectSeconds=0", "RedialOnLinkFailure=1", "CallbackMode=0",
    "CustomDialDll=", "CustomDialFunc=", "CustomRasDialDll=", "ForceSecureCompartment=0",
    "DisableIKENameEkuCheck=0", "AuthenticateServer=0", "ShareMsFilePrint=1", "BindMsNetClient=1",
    "SharedPhoneNumbers=0", "GlobalDeviceSettings=0", "PrerequisiteEntry=", "PrerequisitePbk=",
    "PreferredPort=", "PreferredDevice=", "PreferredBps=0", "PreferredHwFlow=1",
    "PreferredProtocol=1", "PreferredCompression=1", "PreferredSpeaker=1", "PreferredMdmProtocol=0",
    "PreviewUserPw=1", "PreviewDomain=0", "PreviewPhoneNumber=0", "ShowDialingProgress=1",
    "ShowMonitorIconInTaskBar=1", "CustomAuthKey=0", "AuthRestrictions=512", "IpPrioritizeRemote=1",
    "IpInterfaceMetric=0", "IpHeaderCompression=0", "IpAddress=0.0.0.0", "IpDnsAddress=0.0.0.0",
    "IpDns2Address=0.0.0.0", "IpWinsAddress=0.0.0.0", "IpWins2Address=0.0.0.0", "IpAssign=1",
    "IpNameAssign=1", "IpDnsFlags=0", "IpNBTFlags=1", "TcpWindowSize=0", "UseFlags=2",
    "IpSecFlags=0", "IpDnsSuffix=", "Ipv6Assign=1", "Ipv6Address=::", "Ipv6PrefixLength=0",
    "Ipv6PrioritizeRemote=1", "Ipv6InterfaceMetric=0", "Ipv6NameAssign=1", "Ipv6DnsAddress=::",
    "Ipv6Dns2Address=::", "Ipv6Prefix=0000000000000000", "Ipv6InterfaceId=0000000000000000",
    "DisableClassBasedDefaultRoute=0", "DisableMobility=0", "NetworkOutageTime=0", "IDI=", "IDR=",
    "ImsConfig=0", "IdiType=0", "IdrType=0", "ProvisionType=0", "PreSharedKey=",
    "CacheCredentials=1", "NumCustomPolicy=0", "NumEku=0", "UseMachineRootCert=0", "NumServers=0",
    "RouteVersion=1", "NumRoutes=0", "NumNrptRules=0", "AutoTiggerCapable=0", "NumAppIds=0",
    "NumClassicAppIds=0", "SecurityDescriptor=", "ApnInfoProviderId=", "ApnInfoUsername=",
    "ApnInfoPassword=", "ApnInfoAccessPoint=", "ApnInfoAuthentication=1", "ApnInfoCompression=0",
    "DeviceComplianceEnabled=0", "DeviceComplianceSsoEnabled=0", "DeviceComplianceSsoEku=",
    "DeviceComplianceSsoIssuer=", "FlagsSet=0", "Options=0", "DisableDefaultDnsSuffixes=0",
    "NumTrustedNetworks=0", "NumDnsSearchSuffixes=0", "PowershellCreatedProfile=0", "ProxyFlags=0",
    "ProxySettingsModified=0", "ProvisioningAuthority=", "AuthTypeOTP=0", "GREKeyDefined=0",
    "NumPerAppTrafficFilters=0", "AlwaysOnCapable=0", "DeviceTunnel=0", "PrivateNetwork=0", "",
    "NETCOMPONENTS=", "ms_msclient=1", "ms_server=1", "", "MEDIA=rastapi", "Port=", "Device=", "",
    "DEVICE=vpn", "PhoneNumber=", "AreaCode=", "CountryCode=0", "CountryID=0", "UseDialingRules=0",
    "Comment=", "FriendlyName=", "LastSelectedPhone=0", "PromoteAlternates=0",
    "TryNextAlternateOnFail=1", "",
};

void entry_template(pbk_section *s) {
  for (size_t i = 0; i < NUM(k_template); i++) sec_insert(s, s->n, k_template[i]);
  /* FILETIME of creation, split into two signed 32-bit decimals as Windows writes it. */
  uint64_t ft = ((uint64_t)sim_now_ms() + 11644473600000ULL) * 10000ULL;
  char buf[48];
  snprintf(buf, sizeof buf, "LowDateTime=%d", (int32_t)(uint32_t)ft);
  sec_replace(s, 5, buf);
  snprintf(buf, sizeof buf, "HighDateTime=%d", (int32_t)(uint32_t)(ft >> 32));
  sec_replace(s, 6, buf);
  uint8_t r[20];
  sim_random_bytes(r, sizeof r);
  snprintf(buf, sizeof buf, "DialParamsUID=%u", (unsigned)(r[0] | r[1] << 8 | (r[2] & 0x7F) << 16));
  sec_replace(s, 7, buf);
  /* A fresh GUID (version 4) for guidId. */
  r[4 + 7] = (uint8_t)((r[4 + 7] & 0x0F) | 0x40);
  r[4 + 8] = (uint8_t)((r[4 + 8] & 0x3F) | 0x80);
  char hex[64] = "Guid=";
  for (int i = 0; i < 16; i++) snprintf(hex + 5 + 2 * i, 3, "%02X", r[4 + i]);
  sec_insert(s, 8, hex);
}
