/* home.c - the simulated machine folder, default phone-book paths and dwSize negotiation. */
#include <stdlib.h>
#include <string.h>

#include "sim.h"

static _Thread_local char *t_home_override; /* one RasSimCommand/RasSimQuery call */
static _Thread_local char *t_home_bound;    /* RasSimCommand("home=...;bind") */

/* The homes threads of this process bound most recently (process-local, for adopting below):
 * a ring, so a long test run that makes thousands of homes keeps the ones in use now. */
#define KNOWN_HOMES_N 256
static char *known_homes[KNOWN_HOMES_N];
static size_t known_next; /* the slot the next new home takes (the oldest) */

static uint64_t home_hash(const char *home) {
  uint32_t h = 2166136261u; /* FNV-1a */
  for (const unsigned char *p = (const unsigned char *)home; *p; p++) h = (h ^ *p) * 16777619u;
  return (uint64_t)(h & 0xFFFFFF) + 1; /* 24 bits, never 0: a handle is never a small number */
}

uint64_t sim_handle_base(void) {
  const char *home = sim_home();
  return home ? home_hash(home) << 32 : 0;
}

static void remember_home(const char *home) {
  sim_mutex_lock();
  bool known = false;
  for (int i = 0; i < KNOWN_HOMES_N && !known; i++)
    known = known_homes[i] && !strcmp(known_homes[i], home);
  if (!known) {
    size_t at = known_next++ % KNOWN_HOMES_N;
    free(known_homes[at]);
    known_homes[at] = sdup(home);
  }
  sim_mutex_unlock();
}

/* The known homes, most recently added first (i = 0, 1, ...), or NULL past the end. */
static const char *known_home(size_t i) {
  if (i >= KNOWN_HOMES_N || i >= known_next) return NULL;
  return known_homes[(known_next - 1 - i) % KNOWN_HOMES_N];
}

void sim_bind_thread_home(const char *home) {
  free(t_home_bound);
  t_home_bound = home ? sdup(home) : NULL;
  if (home && *home) remember_home(home);
}

static bool has_own_home(void) {
  return (t_home_override && *t_home_override) || (t_home_bound && *t_home_bound);
}

bool sim_adopt_home_for_handle(uint64_t handle) {
  if (has_own_home()) return false;
  char *found = NULL;
  sim_mutex_lock();
  for (size_t i = 0; known_home(i) && !found; i++)
    if (home_hash(known_home(i)) == handle >> 32) found = sdup(known_home(i));
  sim_mutex_unlock();
  if (found) sim_set_home_override(found);
  free(found);
  return found != NULL;
}

bool sim_adopt_home_for_path(const char *pbk) {
  if (has_own_home() || !pbk) return false;
  char *found = NULL;
  sim_mutex_lock();
  for (size_t i = 0; known_home(i) && !found; i++) {
    const char *home = known_home(i);
    size_t n = strlen(home);
    if (n && !strncmp(pbk, home, n) && (pbk[n] == '/' || pbk[n] == '\\')) found = sdup(home);
  }
  sim_mutex_unlock();
  if (found) sim_set_home_override(found);
  free(found);
  return found != NULL;
}

void sim_set_home_override(const char *home) {
  free(t_home_override);
  t_home_override = home ? sdup(home) : NULL;
}

const char *sim_home(void) {
  if (t_home_override && *t_home_override) return t_home_override;
  if (t_home_bound && *t_home_bound) return t_home_bound;
  const char *h = getenv("RASSIM_HOME");
  return h && *h ? h : NULL;
}

char *home_path(const char *rel) {
  const char *h = sim_home();
  if (!h) return NULL;
  sbuf b = {0};
  sb_puts(&b, h);
  if (b.n && b.p[b.n - 1] != '/') sb_puts(&b, "/");
  sb_puts(&b, rel);
  return b.p;
}

/* %APPDATA%\Microsoft\Network\Connections\Pbk\rasphone.pbk */
char *user_pbk_path(void) {
  return home_path("AppData/Roaming/Microsoft/Network/Connections/Pbk/rasphone.pbk");
}

/* %ProgramData%\Microsoft\Network\Connections\Pbk\rasphone.pbk */
char *allusers_pbk_path(void) {
  return home_path("ProgramData/Microsoft/Network/Connections/Pbk/rasphone.pbk");
}

/* RASSIM_WINVER (the process's Windows, as a test would pick a machine) wins over world.ini's
 * [machine] windows=; an unknown value is the default, Windows 10 2004+/11. */
int sim_winver(void) {
  int env = winver_of(getenv("RASSIM_WINVER"));
  if (env > 0) return env;
  world *w = world_load();
  int v = w ? w->winver : SIM_WIN10;
  world_free(w);
  return v;
}

/* dwSize values by the WINVER that introduced them (../shared/abi/rasapi32.x64.json
 * sizes_by_winver). Each version accepts exactly the sizes of its level and the levels before
 * it, and ERROR_INVALID_SIZE (632) for any other ("The structure size is incorrect",
 * raserror.h; the dwSize rule of every RAS struct page). RASENTRYW's 6724 (the WINVER 0xA00
 * block: szIDi, szIDr, fIsImsConfig, IdiType, IdrType, fDisableIKEv2Fragmentation) is absent
 * from SDK 10.0.16299's Ras.h (../shared/abi/README.md, disagreement 3), so Windows 10 1709
 * stops at 5680; it is tagged SIM_WIN10 (2004+). */
typedef struct {
  uint32_t size;
  int winver;
} size_level;
static const size_level k_sizes[S_COUNT][8] = {
    [S_RASENTRY] = {{3468, 0x400}, {3496, 0x401}, {4048, 0x500}, {5616, 0x501}, {5656, 0x600},
                    {5680, 0x601}, {6724, SIM_WIN10}},
    [S_RASDIALPARAMS] = {{2096, 0x400}, {2108, 0x401}, {2112, 0x601}, {2120, 0x602}},
    [S_RASCONN] = {{820, 0x400}, {1344, 0x401}, {1360, 0x500}, {1372, 0x501}, {1388, 0x600}},
    [S_RASCONNSTATUS] = {{304, 0x400}, {564, 0x401}, {608, 0x601}},
    [S_RASENTRYNAME] = {{520, 0x400}, {1048, 0x500}},
    [S_RASDEVINFO] = {{296, 0x400}},
    [S_RASCREDENTIALS] = {{1068, 0x401}},
    [S_RAS_STATS] = {{60, 0x500}},
    [S_RASDIALEXTENSIONS] = {{24, 0x400}, {44, 0x500}, {60, 0x601}},
};

bool size_ok(enum sim_struct s, uint32_t size) {
  int v = sim_winver();
  for (int i = 0; i < 8 && k_sizes[s][i].size; i++)
    if (k_sizes[s][i].size == size && k_sizes[s][i].winver <= v) return true;
  return false;
}

uint32_t size_newest(enum sim_struct s) {
  int v = sim_winver();
  uint32_t best = 0;
  for (int i = 0; i < 8 && k_sizes[s][i].size; i++)
    if (k_sizes[s][i].winver <= v) best = k_sizes[s][i].size;
  return best;
}
