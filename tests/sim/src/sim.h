/*
 * sim.h - internal interfaces of the simulated rasapi32 (one header, many small files).
 *
 *   strings.c  UTF-16 <-> UTF-8, case-insensitive names, a growable byte buffer, JSON strings
 *   home.c     RASSIM_HOME, the default phone-book paths, emulated Windows version + dwSize tables
 *   pbk.c      phone-book text model: parse (strict), serialize (CRLF), atomic save
 *   entrymap.c RASENTRYW <-> phone-book keys (FORMAT.md section 4)
 *   subentries.c links (RasGet/Set/DeleteSubEntry...) and alternate phone numbers
 *   entries.c  RasEnumEntries, Get/SetEntryProperties, Delete/Rename/ValidateEntryName
 *   identity.c RASSIM_USER / RASSIM_ELEVATED: who is calling
 *   world.c    world.ini (the simulated network: servers, phone numbers, machine)
 *   state.c    connections.state: cross-process connection table under a file lock
 *   dial.c     RasDial, RasHangUp, RasGetConnectStatus, connection queries
 *   creds.c    RasGet/SetCredentials, RasGet/SetEntryDialParams
 *   devices.c  RasEnumDevices
 *   errors.c   RasGetErrorString (+ errors_table.c generated from raserror.json)
 *   control.c  RasSimCommand / RasSimQuery for tests
 */
#ifndef RASSIM_SIM_H
#define RASSIM_SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "compat.h"
#include "ras_types.h"

/* ---- strings.c ---- */
typedef struct {
  char *p;
  size_t n, cap;
  bool oom;
} sbuf;
void sb_add(sbuf *b, const char *s, size_t n);
void sb_reserve(sbuf *b, size_t n);
void sb_puts(sbuf *b, const char *s);
void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_json_str(sbuf *b, const char *s);
void sb_free(sbuf *b);

char *sdup(const char *s);
char *sndup(const char *s, size_t n);
/* UTF-16 (at most cap units, stops at NUL) -> malloc'd UTF-8. NULL in -> NULL out. */
char *w2u(const WCHAR_ *w, size_t cap);
/* UTF-8 -> NUL-terminated UTF-16 in dst[cap]. Returns 0, or -1 if it had to truncate. */
int u2w(const char *s, WCHAR_ *dst, size_t cap);
bool utf8_valid(const char *s, size_t n);
/* Entry-name comparison: case-insensitive (ASCII, Latin-1, Greek, Cyrillic folding). */
bool name_eq(const char *a, const char *b);
bool has_prefix(const char *s, const char *prefix);
/* Parse decimal (optionally signed) / hex; returns false if not a number. */
bool parse_i64(const char *s, int64_t *out);
bool parse_ipv4(const char *s, uint8_t out[4]);
bool parse_ipv6(const char *s, uint8_t out[16]);
void fmt_ipv4(const uint8_t in[4], char out[16]);
void fmt_ipv6(const uint8_t in[16], char out[48]);

/* ---- home.c ---- */
/* The machine folder: a per-thread override (RasSimCommand "home=...;") or $RASSIM_HOME. */
const char *sim_home(void);
void sim_set_home_override(const char *home);
/* Bind the calling thread to a home until unbound (NULL): lets in-process tests that share
 * one process (deno test --parallel runs modules as threads) each use their own machine. */
void sim_bind_thread_home(const char *home);
/* The home's part of every handle it hands out (handle_base | counter): 24 bits of a hash of
 * the home's path in bits 32-55, the same in every process, so a handle says which machine it
 * belongs to. */
uint64_t sim_handle_base(void);
/* For a call on a thread with no home of its own (a caller's worker thread: Deno runs a
 * `nonblocking` FFI call on one): take the home of a handle, or of a phone-book path, among the
 * homes this process has bound. True when it set the thread's override (clear it after). */
bool sim_adopt_home_for_handle(uint64_t handle);
bool sim_adopt_home_for_path(const char *pbk_utf8);
char *home_path(const char *rel); /* malloc'd "$RASSIM_HOME/rel", NULL without a home */
char *user_pbk_path(void);
char *allusers_pbk_path(void);

enum sim_struct {
  S_RASENTRY, S_RASDIALPARAMS, S_RASCONN, S_RASCONNSTATUS, S_RASENTRYNAME, S_RASDEVINFO,
  S_RASCREDENTIALS, S_RAS_STATS, S_RASDIALEXTENSIONS, S_COUNT
};
/* Emulated Windows versions (home.c). The value is the WINVER of the SDK level, except that
 * Windows 10 1709 and 2004+ share WINVER 0xA00: 1709 (SDK 16299) has RASENTRY without the
 * 0xA00 block, so the sim tells them apart by a level of its own. */
enum {
  SIM_WIN7 = 0x0601, SIM_WIN8 = 0x0602, SIM_WIN81 = 0x0603,
  SIM_WIN10_1709 = 0x0A00, SIM_WIN10 = 0x0A01 /* Windows 10 2004 and later, Windows 11 */
};
/* The emulated version: RASSIM_WINVER, else world.ini [machine] windows=, else SIM_WIN10. */
int sim_winver(void);
/* "win7" | "win8" | "win81" | "win10-1709" | "win10" (or "win11") -> SIM_*, -1 if unknown. */
int winver_of(const char *v);
/* Is `size` a dwSize this emulated Windows accepts for struct `s`? */
bool size_ok(enum sim_struct s, uint32_t size);
/* Newest size of `s` on the emulated Windows. */
uint32_t size_newest(enum sim_struct s);

/* ---- identity.c ---- */
const char *sim_user(void); /* RASSIM_USER, default "alice" */
bool sim_is_system(void);   /* the LocalSystem account */
bool sim_elevated(void);    /* RASSIM_ELEVATED=1, or LocalSystem */
bool is_allusers_pbk(const char *path);
/* Owner of the default (all-user) credentials in credentials.state. */
#define DEFAULT_CREDS_OWNER "*default*"

/* ---- pbk.c ---- */
typedef struct {
  char *name;   /* UTF-8 */
  char **lines; /* raw lines without EOL, in file order */
  size_t n, cap;
} pbk_section;
typedef struct {
  char **pre; /* lines before the first section */
  size_t npre;
  pbk_section *secs;
  size_t n, cap;
} pbk_book;

#define PBK_MAX_BYTES (4u * 1024u * 1024u)
/* 0, or ERROR_CORRUPT_PHONEBOOK. lenient=1 accepts ';' comments (world.ini). */
int pbk_parse(const char *data, size_t len, pbk_book *out, bool lenient);
/* 0; ERROR_CANNOT_OPEN_PHONEBOOK if missing (an empty book when missing_ok);
 * ERROR_CANNOT_LOAD_PHONEBOOK if too big/unreadable; ERROR_CORRUPT_PHONEBOOK if malformed. */
int pbk_load(const char *path, pbk_book *out, bool missing_ok);
int pbk_save(const char *path, const pbk_book *b); /* 0 or ERROR_CANNOT_WRITE_PHONEBOOK */
void pbk_free(pbk_book *b);
long pbk_find(const pbk_book *b, const char *name); /* index or -1 */
pbk_section *pbk_add_section(pbk_book *b, const char *name);
void pbk_remove_section(pbk_book *b, size_t i);
void sec_free(pbk_section *s);
/* Line helpers: key of a "key=value" line (NULL if none) and its value. */
bool line_is_key(const char *line, const char *key);
const char *line_value(const char *line);
long sec_find(const pbk_section *s, size_t from, size_t to, const char *key);
void sec_insert(pbk_section *s, size_t at, const char *line);
void sec_replace(pbk_section *s, size_t at, const char *line);
void sec_delete(pbk_section *s, size_t at);

/* ---- entrymap.c ---- */
/* Fill a full RASENTRYW (dwSize = sizeof) from a section. */
void entry_decode(const pbk_section *s, RASENTRYW_ *e);
/* The entry's alternate phone numbers (pointers into s), at most cap; returns the count. */
size_t entry_alternates(const pbk_section *s, const char **out, size_t cap);
/* Write e into s (an existing section, or one from entry_template()), keeping unknown keys. */
void entry_encode(pbk_section *s, const RASENTRYW_ *e);
/* A new section holding Windows' default keys for an entry. */
void entry_template(pbk_section *s);
/* Device name -> port name ("WAN Miniport (IKEv2)" -> "VPN2-0"). */
const char *device_port(const char *device_name);
/* Does RasEnumDevices list a device of this type and name (case-insensitive)? (devices.c) */
bool device_listed(const char *type, const char *name);

/* ---- subentries.c ---- */
/* At most this many numbers per link (the primary and its alternates): the sim's limit. */
#define SIM_MAX_NUMBERS 64
/* One link of an entry: its MEDIA line and block end, its DEVICE line and block end (-1: none). */
typedef struct {
  long media;
  size_t media_end;
  long device;
  size_t device_end;
} sim_link;
/* The entry's links (MEDIA blocks), at least 1: RASENTRY dwSubEntries. */
size_t entry_links(const pbk_section *s);
/* The index-th link (0-based); false past the last. */
bool link_at(const pbk_section *s, size_t index, sim_link *out);
/* The link's numbers (PhoneNumber= values, the primary first; pointers into s), at most cap. */
size_t link_numbers(const pbk_section *s, const sim_link *r, const char **out, size_t cap);
/* Make the link's alternates these (unchanged lines when they already are). */
void link_set_alternates(pbk_section *s, size_t index, const char *const *alts, size_t n);
/* The double-NUL list at offset within cb bytes after a struct of size bytes: the count (UTF-8
 * copies in out, caller frees), 0 for offset 0, -1 when it is not a valid list. */
long read_alternates(const void *base, uint32_t size, uint32_t offset, uint32_t cb, char **out, size_t cap);
/* Write alts as a double-NUL-terminated UTF-16 list into dst; returns the units written. */
size_t write_alternates(const char *const *alts, size_t n, WCHAR_ *dst);

/* ---- entries.c ---- */
/* Locate entry `name` in `pbk` (NULL/"" = default books, all-users first). On success fills
 * *book (caller frees), *index, *path (malloc'd). Returns 0, 621/622/625, or 623. */
int entry_locate(const WCHAR_ *pbk, const char *name, pbk_book *book, long *index, char **path);
/* Lock serialising phone-book and credential writes across processes. */
sim_flock *pbk_write_lock(void);

/* ---- world.c ---- */
enum { P_IKEV2 = 1, P_SSTP = 2, P_L2TP = 4, P_PPTP = 8 };
typedef struct {
  char *name;
  bool is_phone;
  unsigned protocols;
  char *user, *password, *domain, *psk;
  char *ipv4, *ipv6, *server_ipv4;
  bool reachable;
  int latency_ms;
} world_server;
typedef struct {
  int winver;
  bool ip_network;
  int release_delay_ms, dial_step_ms;
  bool notify_only_once; /* [machine] notifyOnlyOnce: DotRas issue 105 (notify.c) */
  char *local_ipv4;
  world_server *servers;
  size_t nservers;
  /* [machine] switchWindowsAfterGets=N, switchWindowsTo=VER: a test control; after N more
   * successful RasGetEntryProperties of a named entry, windows= becomes VER (entries.c). */
  int switch_after_gets;
  char *switch_to;
  char **default_entry; /* [default entry] key=value lines: RasGetEntryProperties(pbk, "") */
  size_t ndefault_entry;
} world;
/* Parse $RASSIM_HOME/world.ini afresh (defaults when missing). Free with world_free. */
world *world_load(void);
void world_free(world *w);
const world_server *world_find(const world *w, const char *name, bool phone);
/* Set key=value in section [sec] of world.ini (creating either), atomically. 0 on success. */
int world_set(const char *sec, const char *key, const char *value);

/* ---- state.c ---- */
typedef struct {
  uint64_t handle;
  char *entry, *phonebook, *device_type, *device_name, *phone;
  uint8_t guid[16];
  int kind;           /* 0 = dialed by RasDial, 1 = grown by grow-next-enum */
  int is_vpn;         /* 1 VPN tunnel, 0 dial-up/broadband */
  int protocol;       /* P_* for VPN, 0 otherwise */
  int64_t start_ms;   /* RasDial time */
  int64_t step_ms;    /* delay between states */
  int64_t latency_ms; /* extra delay at ConnectDevice */
  int fail_state;     /* -1 = connects; else the RASCONNSTATE where it fails */
  uint32_t fail_error;
  int64_t hangup_ms;  /* 0 = not hung up */
  int hangup_pid;     /* the process that called RasHangUp */
  int refs;           /* RasDial references (RasDial remarks); 0 or 1 = one */
  int64_t pause_ms;   /* set while the notifier's callback runs: the dial stands still */
  int64_t release_ms; /* when the hung-up link is gone */
  int64_t drop_ms;    /* 0 = not dropped */
  uint32_t drop_error;
  int64_t stats_base_ms;
  char *ipv4, *ipv6, *server_ipv4, *local_ipv4;
  uint32_t auth_eap; /* EAP type used or 0 */
  int64_t pid;       /* the process that dialed it (RasConnectionNotification's only-once mode) */
  int links;         /* connected multilink subentries, 0 = the usual single link */
} sim_conn;

typedef struct {
  sim_conn *c;
  size_t n, cap;
  uint64_t next_handle;
  uint64_t dials, hangups;
  int grow[3]; /* pending growth: entries, connections, devices */
  int extra_devices;
  /* The dwSize of the last RASENTRY RasSetEntryProperties wrote and of the last RASDIALPARAMS
   * RasDial took: what a caller negotiated (RasSimQuery counters.lastSizes). */
  uint32_t last_entry_size, last_dial_params_size;
  /* The file as read, decoded in place: the loaded connections' strings point into it, so
   * replace such a string with a new allocation, never free or keep it (state.c str_free). */
  char *text;
  size_t text_len;
} sim_state;
enum { GROW_ENTRIES = 0, GROW_CONNECTIONS = 1, GROW_DEVICES = 2 };

/* For the current home, in this process: RasHangUps that gave up waiting for a notifier's
 * callback (dial.c). */
uint64_t sim_hangup_callback_timeouts(void);
/* For the current home, in this process: notifier threads inside a callback now (dial.c). */
int sim_callbacks_running(void);

/* Lock + load; state_commit writes (if dirty) and unlocks; state_release unlocks only. */
int state_begin(sim_state *st, sim_flock **lock);
int state_commit(sim_state *st, sim_flock *lock);
void state_release(sim_state *st, sim_flock *lock);
void state_free(sim_state *st);
sim_conn *state_add(sim_state *st);
sim_conn *state_find(sim_state *st, uint64_t handle);
/* Drop links whose release delay has passed. Returns true if anything changed. */
bool state_gc(sim_state *st, int64_t now);

/* Connection progress, computed lazily from wall-clock time. */
typedef struct {
  int state;      /* RASCONNSTATE */
  uint32_t error; /* dwError */
  bool terminal;  /* connected, failed, dropped or hung up */
  bool connected;
  int64_t connected_ms; /* when it reached RASCS_Connected (if connected) */
} conn_progress;
conn_progress conn_eval(const sim_conn *c, int64_t now);
/* The i-th state of the dial sequence and its time offset from start; count in *n. */
int dial_sequence(const sim_conn *c, int i, int64_t *at_ms, int *n);
bool conn_listed(const sim_conn *c, int64_t now); /* shown by RasEnumConnections */

/* ---- notify.c ---- */
/* Number of subentries a connection has (RasGetSubEntryHandle, bandwidth events). */
int conn_links(const sim_conn *c);

/* ---- creds.c ---- */
typedef struct {
  char *user, *password, *domain, *psk;
  bool has_user, has_password, has_domain, has_psk;
} saved_creds;
/* Saved credentials for (phonebook path, entry, owner). Returns 0 (possibly all empty). */
int creds_load(const char *pbk_path, const char *entry, const char *owner, saved_creds *out);
/* The caller's own credentials' owner (LocalSystem: the default ones) and a PSK's owner. */
const char *creds_owner(void);
const char *psk_owner(const char *pbk_path);
void creds_free(saved_creds *c);
void creds_forget_entry(const char *pbk_path, const char *entry);
void creds_rename_entry(const char *pbk_path, const char *from, const char *to);
#define SAVED_PASSWORD_HANDLE "****************"

/* ---- devices.c ---- */
typedef struct {
  const char *type, *name, *port;
  int protocol;
} sim_device;
extern const sim_device sim_devices[];
extern const size_t sim_ndevices;

/* ---- errors.c / errors_table.c ---- */
typedef struct {
  uint32_t code;
  const char *name, *message;
} ras_error_text;
extern const ras_error_text ras_error_table[];
extern const size_t ras_error_count;

#define HANDLE_TO_U64(h) ((uint64_t)(uintptr_t)(h))
#define U64_TO_HANDLE(u) ((HRASCONN_)(uintptr_t)(u))

#endif
