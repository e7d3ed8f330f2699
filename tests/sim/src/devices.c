/* devices.c - RasEnumDevicesW: the WAN Miniports of a Windows 10 machine plus one modem. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sim.h"

const sim_device sim_devices[] = {
    {"vpn", "WAN Miniport (SSTP)", "VPN1-0", P_SSTP},
    {"vpn", "WAN Miniport (IKEv2)", "VPN2-0", P_IKEV2},
    {"vpn", "WAN Miniport (L2TP)", "VPN3-0", P_L2TP},
    {"vpn", "WAN Miniport (PPTP)", "VPN4-0", P_PPTP},
    {"PPPoE", "WAN Miniport (PPPOE)", "PPPoE5-0", 0},
    {"modem", "Standard 56000 bps Modem", "COM3", 0},
};
const size_t sim_ndevices = sizeof sim_devices / sizeof sim_devices[0];

const char *device_port(const char *device_name) {
  for (size_t i = 0; i < sim_ndevices; i++)
    if (!strcmp(sim_devices[i].name, device_name)) return sim_devices[i].port;
  return NULL;
}

/* Whether RasEnumDevices lists a device of this type and name (case-insensitive), counting
 * the extra devices a test grew. */
bool device_listed(const char *type, const char *name) {
  for (size_t i = 0; i < sim_ndevices; i++)
    if (!strcasecmp(sim_devices[i].type, type) && !strcasecmp(sim_devices[i].name, name)) return true;
  if (strcasecmp(type, "vpn") || strncasecmp(name, "WAN Miniport (SSTP) #", 21)) return false;
  sim_state st;
  sim_flock *lock;
  if (state_begin(&st, &lock) != 0) return false;
  int k = atoi(name + 21), extra = st.extra_devices;
  state_release(&st, lock);
  return k >= 2 && k < extra + 2;
}

/* https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasenumdevicesw: lpcb receives the
 * needed size with ERROR_BUFFER_TOO_SMALL; the first element's dwSize must be sizeof(RASDEVINFO). */
RASSIM_EXPORT uint32_t RasEnumDevicesW(RASDEVINFOW_ *buf, uint32_t *lpcb, uint32_t *lpcDevices) {
  if (!sim_home()) return ERROR_CANNOT_OPEN_PHONEBOOK_;
  if (!lpcb || !lpcDevices) return ERROR_INVALID_PARAMETER_;
  sim_state st;
  sim_flock *lock;
  if (state_begin(&st, &lock) != 0) return ERROR_CANNOT_OPEN_PHONEBOOK_;
  size_t n = sim_ndevices + (size_t)st.extra_devices;
  uint32_t need = (uint32_t)(n * sizeof(RASDEVINFOW_));
  uint32_t rc = 0;
  bool query = false;
  if (buf && !size_ok(S_RASDEVINFO, buf->dwSize)) {
    rc = ERROR_INVALID_SIZE_;
  } else if (!buf || *lpcb < need) {
    *lpcb = need;
    *lpcDevices = (uint32_t)n;
    rc = ERROR_BUFFER_TOO_SMALL_;
    query = true;
  } else {
    for (size_t i = 0; i < n; i++) {
      RASDEVINFOW_ *d = &buf[i];
      memset(d, 0, sizeof *d);
      d->dwSize = sizeof *d;
      if (i < sim_ndevices) {
        u2w(sim_devices[i].type, d->szDeviceType, RAS_MaxDeviceType + 1);
        u2w(sim_devices[i].name, d->szDeviceName, RAS_MaxDeviceName + 1);
      } else {
        char name[64];
        snprintf(name, sizeof name, "WAN Miniport (SSTP) #%zu", i - sim_ndevices + 2);
        u2w("vpn", d->szDeviceType, RAS_MaxDeviceType + 1);
        u2w(name, d->szDeviceName, RAS_MaxDeviceName + 1);
      }
    }
    *lpcb = need;
    *lpcDevices = (uint32_t)n;
  }
  if (query && st.grow[GROW_DEVICES]) {
    st.extra_devices += st.grow[GROW_DEVICES];
    st.grow[GROW_DEVICES] = 0;
    state_commit(&st, lock);
  } else {
    state_release(&st, lock);
  }
  return rc;
}
