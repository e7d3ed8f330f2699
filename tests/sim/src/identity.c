/*
 * identity.c - who is calling: the simulated user account and whether its token is elevated.
 *
 *   RASSIM_USER      the account name (default "alice": a standard interactive user).
 *                    "SYSTEM" (any case, or "LocalSystem") is the LocalSystem account, what
 *                    Task Scheduler runs a machine task as.
 *   RASSIM_ELEVATED  1 = an administrator's elevated token, 0 = a standard (or UAC-filtered)
 *                    token. Default 0, as Windows starts programs with the filtered token.
 *                    LocalSystem is always elevated.
 *
 * Both are read on every call, from the process environment, so each process (a test's child,
 * a CLI run) is one identity, as a Windows process is one token.
 *
 * What depends on it (RasSetCredentials "Return value" and "Remarks",
 * https://learn.microsoft.com/windows/win32/api/ras/nf-ras-rassetcredentialsw):
 *   - default (all-user) credentials, RASCM_DefaultCreds, exist only for an all-user entry and
 *     only an administrator may set them (ERROR_ACCESS_DENIED otherwise);
 *   - a pre-shared key or credentials "for all users" of an all-user entry need an
 *     administrator too;
 *   - per-user credentials are the caller's own (RasGetCredentials remarks: "the credentials
 *     of the last user to connect"), so bob does not see alice's.
 * Writes to the all-users phone book need an administrator as well: the book lives in
 * %ProgramData%\Microsoft\Network\Connections\Pbk, which standard users can read but not
 * change (RasSetCredentials remarks name that folder as the all-user connections' home).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sim.h"

const char *sim_user(void) {
  const char *u = getenv("RASSIM_USER");
  return u && *u ? u : "alice";
}

bool sim_is_system(void) {
  const char *u = sim_user();
  return !strcasecmp(u, "SYSTEM") || !strcasecmp(u, "LocalSystem") || !strcasecmp(u, "NT AUTHORITY\\SYSTEM");
}

bool sim_elevated(void) {
  if (sim_is_system()) return true;
  const char *e = getenv("RASSIM_ELEVATED");
  return e && (!strcmp(e, "1") || !strcasecmp(e, "true"));
}

bool is_allusers_pbk(const char *path) {
  char *au = allusers_pbk_path();
  bool yes = au && path && !strcmp(au, path);
  free(au);
  return yes;
}
