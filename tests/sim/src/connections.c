/* connections.c - queries on live connections: status, enumeration, statistics, projection. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"

/* Look a handle up; on success the caller owns st/lock. */
static uint32_t with_conn(HRASCONN_ h, sim_state *st, sim_flock **lock, sim_conn **c) {
  if (!sim_home()) return ERROR_INVALID_HANDLE_;
  if (state_begin(st, lock) != 0) return ERROR_INVALID_HANDLE_;
  *c = state_find(st, HANDLE_TO_U64(h));
  if (!*c) {
    state_release(st, *lock);
    return ERROR_INVALID_HANDLE_;
  }
  return 0;
}

static void endpoint(RASTUNNELENDPOINT_ *ep, const char *ip) {
  uint8_t b[16] = {0};
  memset(ep, 0, sizeof *ep);
  if (ip && parse_ipv4(ip, b)) ep->dwType = 1;      /* RASTUNNELENDPOINT_IPv4 */
  else if (ip && parse_ipv6(ip, b)) ep->dwType = 2; /* RASTUNNELENDPOINT_IPv6 */
  memcpy(&ep->u, b, ep->dwType == 1 ? 4 : 16);
}

/* https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasgetconnectstatusw */
static uint32_t connect_status(HRASCONN_ h, RASCONNSTATUSW_ *s);

/* On a thread without a home, the handle names the machine (sim_adopt_home_for_handle). */
RASSIM_EXPORT uint32_t RasGetConnectStatusW(HRASCONN_ h, RASCONNSTATUSW_ *s) {
  bool adopted = sim_adopt_home_for_handle(HANDLE_TO_U64(h));
  uint32_t rc = connect_status(h, s);
  if (adopted) sim_set_home_override(NULL);
  return rc;
}

static uint32_t connect_status(HRASCONN_ h, RASCONNSTATUSW_ *s) {
  if (!s) return ERROR_INVALID_PARAMETER_;
  if (!size_ok(S_RASCONNSTATUS, s->dwSize)) return ERROR_INVALID_SIZE_;
  sim_state st;
  sim_flock *lock;
  sim_conn *c;
  uint32_t rc = with_conn(h, &st, &lock, &c);
  if (rc) return rc;
  uint32_t size = s->dwSize;
  memset(s, 0, size);
  s->dwSize = size;
  conn_progress p = conn_eval(c, sim_now_ms());
  s->rasconnstate = p.state;
  s->dwError = p.error;
  u2w(c->device_type, s->szDeviceType, RAS_MaxDeviceType + 1);
  u2w(c->device_name, s->szDeviceName, RAS_MaxDeviceName + 1);
  if (size >= 564) u2w(c->phone, s->szPhoneNumber, RAS_MaxPhoneNumber + 1);
  if (size >= 608 && c->is_vpn && p.state != RASCS_OpenPort && p.state != RASCS_PortOpened) {
    endpoint(&s->localEndPoint, c->local_ipv4);
    endpoint(&s->remoteEndPoint, c->server_ipv4);
  }
  state_release(&st, lock);
  return 0;
}

static void grow_connections(int n) {
  sim_state st;
  sim_flock *lock;
  if (state_begin(&st, &lock) != 0) return;
  int64_t now = sim_now_ms();
  for (int i = 0; i < n; i++) {
    sim_conn *c = state_add(&st);
    if (!c) break;
    char name[64];
    snprintf(name, sizeof name, "Grown Connection %d", i + 1);
    c->kind = 1;
    c->entry = sdup(name);
    c->phonebook = user_pbk_path();
    c->device_type = sdup("vpn");
    c->device_name = sdup("WAN Miniport (SSTP)");
    c->phone = sdup("grown.example.com");
    c->is_vpn = 1;
    c->protocol = P_SSTP;
    c->start_ms = now - 1000;
    c->step_ms = 1;
  }
  state_commit(&st, lock);
}

/* https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasenumconnectionsw */
RASSIM_EXPORT uint32_t RasEnumConnectionsW(RASCONNW_ *buf, uint32_t *lpcb, uint32_t *lpcConnections) {
  if (!sim_home()) return ERROR_CANNOT_OPEN_PHONEBOOK_;
  if (!lpcb || !lpcConnections) return ERROR_INVALID_PARAMETER_;
  uint32_t esize = buf ? buf->dwSize : size_newest(S_RASCONN);
  if (buf && !size_ok(S_RASCONN, esize)) return ERROR_INVALID_SIZE_;
  sim_state st;
  sim_flock *lock;
  if (state_begin(&st, &lock) != 0) return ERROR_NOT_ENOUGH_MEMORY_;
  int64_t now = sim_now_ms();
  size_t n = 0;
  for (size_t i = 0; i < st.n; i++) n += conn_listed(&st.c[i], now);
  uint32_t need = (uint32_t)(n * esize), rc = 0;
  char *allusers = allusers_pbk_path();
  if (need > *lpcb || (!buf && need)) {
    rc = ERROR_BUFFER_TOO_SMALL_;
  } else {
    size_t k = 0;
    for (size_t i = 0; i < st.n; i++) {
      const sim_conn *c = &st.c[i];
      if (!conn_listed(c, now)) continue;
      RASCONNW_ *r = (RASCONNW_ *)(void *)((uint8_t *)buf + k++ * esize);
      memset(r, 0, esize);
      r->dwSize = esize;
      r->hrasconn = U64_TO_HANDLE(c->handle);
      u2w(c->entry, r->szEntryName, RAS_MaxEntryName + 1);
      u2w(c->device_type, r->szDeviceType, RAS_MaxDeviceType + 1);
      u2w(c->device_name, r->szDeviceName, RAS_MaxDeviceName + 1);
      if (esize >= 1344) {
        u2w(c->phonebook, r->szPhonebook, MAX_PATH_);
        r->dwSubEntry = 1;
      }
      if (esize >= 1360) memcpy(&r->guidEntry, c->guid, 16);
      if (esize >= 1372) {
        r->dwFlags = allusers && c->phonebook && !strcmp(allusers, c->phonebook) ? RASCF_AllUsers : 0;
        r->luid.LowPart = (uint32_t)(0x3E7000 + (c->handle & 0xFFF)); /* a logon-session-like LUID */
      }
      if (esize >= 1388) {
        r->guidCorrelationId.Data1 = (uint32_t)c->handle;
        r->guidCorrelationId.Data2 = 0x5241; /* "RA" */
        r->guidCorrelationId.Data3 = 0x4053;
        memcpy(r->guidCorrelationId.Data4, &c->start_ms, 8);
      }
    }
  }
  *lpcb = need;
  *lpcConnections = (uint32_t)n;
  free(allusers);
  int grow = rc == ERROR_BUFFER_TOO_SMALL_ ? st.grow[GROW_CONNECTIONS] : 0;
  if (grow) {
    st.grow[GROW_CONNECTIONS] = 0;
    state_commit(&st, lock);
    grow_connections(grow);
  } else {
    state_release(&st, lock);
  }
  return rc;
}

/* https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasgetconnectionstatistics */
RASSIM_EXPORT uint32_t RasGetConnectionStatistics(HRASCONN_ h, RAS_STATS_ *s) {
  if (!s) return ERROR_INVALID_PARAMETER_;
  if (!size_ok(S_RAS_STATS, s->dwSize)) return ERROR_INVALID_SIZE_;
  sim_state st;
  sim_flock *lock;
  sim_conn *c;
  uint32_t rc = with_conn(h, &st, &lock, &c);
  if (rc) return rc;
  int64_t now = sim_now_ms();
  conn_progress p = conn_eval(c, now);
  memset(s, 0, sizeof *s);
  s->dwSize = sizeof *s;
  if (p.connected) {
    int64_t base = c->stats_base_ms > p.connected_ms ? c->stats_base_ms : p.connected_ms;
    uint64_t ms = (uint64_t)(now - base);
    s->dwBytesXmited = (uint32_t)(ms * 3 + 120);
    s->dwBytesRcved = (uint32_t)(ms * 7 + 240);
    s->dwFramesXmited = s->dwBytesXmited / 150;
    s->dwFramesRcved = s->dwBytesRcved / 300;
    s->dwCompressionRatioIn = s->dwCompressionRatioOut = 100;
    s->dwBps = c->is_vpn ? 1000000000u : (!strcmp(c->device_type, "PPPoE") ? 100000000u : 56000u);
    s->dwConnectDuration = (uint32_t)(now - p.connected_ms);
  }
  state_release(&st, lock);
  return 0;
}

RASSIM_EXPORT uint32_t RasClearConnectionStatistics(HRASCONN_ h) {
  sim_state st;
  sim_flock *lock;
  sim_conn *c;
  uint32_t rc = with_conn(h, &st, &lock, &c);
  if (rc) return rc;
  c->stats_base_ms = sim_now_ms();
  state_commit(&st, lock);
  return 0;
}

/* https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasgetprojectioninfoex */
RASSIM_EXPORT uint32_t RasGetProjectionInfoEx(HRASCONN_ h, RAS_PROJECTION_INFO_ *info, uint32_t *lpdwSize) {
  if (!lpdwSize) return ERROR_INVALID_PARAMETER_;
  sim_state st;
  sim_flock *lock;
  sim_conn *c;
  uint32_t rc = with_conn(h, &st, &lock, &c);
  if (rc) return rc;
  conn_progress p = conn_eval(c, sim_now_ms());
  if (!p.connected) {
    rc = ERROR_PROJECTION_NOT_COMPLETE_;
  } else if (!info || *lpdwSize < sizeof *info) {
    *lpdwSize = sizeof *info;
    rc = ERROR_BUFFER_TOO_SMALL_;
  } else if (info->version != RASAPIVERSION_601) {
    rc = ERROR_INVALID_PARAMETER_; /* the caller sets version = RASAPIVERSION_CURRENT (601) */
  } else {
    memset(info, 0, sizeof *info);
    info->version = RASAPIVERSION_601;
    uint8_t v6[16] = {0};
    bool has6 = c->ipv6 && parse_ipv6(c->ipv6, v6);
    if (c->is_vpn && c->protocol == P_IKEV2) {
      RASIKEV2_PROJECTION_INFO_ *k = &info->u.ikev2;
      info->type = PROJECTION_INFO_TYPE_IKEv2;
      parse_ipv4(c->ipv4, k->ipv4Address.b);
      parse_ipv4(c->server_ipv4, k->ipv4ServerAddress.b);
      if (has6) {
        memcpy(k->ipv6Address.b, v6, 16);
        k->dwPrefixLength = 64;
      } else {
        k->dwIPv6NegotiationError = 731; /* ERROR_PROTOCOL_NOT_CONFIGURED */
      }
      k->dwAuthenticationProtocol = c->auth_eap ? 2 : 2; /* RASIKEv2_AUTH_EAP */
      k->dwEapTypeId = c->auth_eap ? c->auth_eap : 26;  /* EAP-MSCHAPv2 */
      k->dwFlags = 1;                                   /* RASIKEv2_FLAGS_MOBIKESUPPORTED */
      k->dwEncryptionMethod = 3;                        /* IPSEC_CIPHER_TYPE_AES_256 */
    } else {
      RASPPP_PROJECTION_INFO_ *q = &info->u.ppp;
      info->type = PROJECTION_INFO_TYPE_PPP;
      parse_ipv4(c->ipv4, q->ipv4Address.b);
      parse_ipv4(c->server_ipv4, q->ipv4ServerAddress.b);
      if (has6) memcpy(q->bInterfaceIdentifier, v6 + 8, 8);
      else q->dwIPv6NegotiationError = 731;
      q->bServerInterfaceIdentifier[7] = 1;
      q->dwAuthenticationProtocol = c->auth_eap ? 0xC227 : 0xC223; /* RASLCPAP_EAP / _CHAP */
      q->dwAuthenticationData = c->auth_eap ? 0 : 0x81;           /* RASLCPAD_CHAP_MSV2 */
      q->dwEapTypeId = c->auth_eap;
      q->dwLcpOptions = 0x3;                                      /* PFC | ACFC */
      q->dwCcpCompressionAlgorithm = c->is_vpn ? 6 : 0;           /* RASCCPCA_MPPC */
      q->dwCcpOptions = c->is_vpn ? 0x40 : 0;                     /* RASCCPO_Encryption128bit */
    }
  }
  state_release(&st, lock);
  return rc;
}

/* https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasgetsubentryhandlew */
RASSIM_EXPORT uint32_t RasGetSubEntryHandleW(HRASCONN_ h, uint32_t sub, HRASCONN_ *out) {
  if (!out) return ERROR_INVALID_PARAMETER_;
  sim_state st;
  sim_flock *lock;
  sim_conn *c;
  uint32_t rc = with_conn(h, &st, &lock, &c);
  if (rc) return rc;
  int links = conn_links(c);
  state_release(&st, lock);
  /* Subentries 1..links (the `links` test control; one unless a test adds bandwidth). */
  if (sub < 1 || (int64_t)sub > links) return ERROR_NO_MORE_ITEMS_;
  *out = h;
  return 0;
}

/* RasConnectionNotificationW: notify.c. */
