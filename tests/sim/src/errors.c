/* errors.c - RasGetErrorStringW over the table generated from raserror.json. */
#include <string.h>

#include "sim.h"

/* https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rasgeterrorstringw: cchBuf counts
 * WCHARs including the terminator; unknown codes give ERROR_INVALID_PARAMETER (87). The sim
 * answers 603 (ERROR_BUFFER_TOO_SMALL) for a buffer too small for the message. */
RASSIM_EXPORT uint32_t RasGetErrorStringW(uint32_t code, WCHAR_ *buf, uint32_t cch) {
  if (!buf) return ERROR_INVALID_PARAMETER_;
  for (size_t i = 0; i < ras_error_count; i++) {
    if (ras_error_table[i].code != code) continue;
    const char *msg = ras_error_table[i].message;
    static _Thread_local WCHAR_ tmp[2048];
    u2w(msg, tmp, 2048);
    size_t n = 0;
    while (tmp[n]) n++;
    if (cch < n + 1) return ERROR_BUFFER_TOO_SMALL_;
    memcpy(buf, tmp, (n + 1) * sizeof *buf);
    return 0;
  }
  return ERROR_INVALID_PARAMETER_;
}
