#!/usr/bin/env bash
# Builds the simulated rasapi32 and kernel32 (see tests/sim/README.md).
#   tests/sim/build.sh            -> tests/sim/build/librasapi32sim.so  (host cc)
#                                    tests/sim/build/libkernel32sim.so (rasapi32sim links it)
#   tests/sim/build.sh --windows  -> tests/sim/build/rasapi32sim.dll    (x86_64-w64-mingw32-gcc)
#   RASSIM_TARGET=windows tests/sim/build.sh  (same as --windows)
# Rebuilds only when a source is newer than the output; always also builds abi_check.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$here/src"
out="$here/build"
mkdir -p "$out"

target="${RASSIM_TARGET:-host}"
for arg in "$@"; do
  case "$arg" in
    --windows) target=windows ;;
    --force) force=1 ;;
    *) echo "usage: build.sh [--windows] [--force]" >&2; exit 2 ;;
  esac
done

flags=(-std=c11 -O1 -g -Wall -Wextra -Werror -fvisibility=hidden)
sources=("$src"/*.c)

stale() { # stale OUTPUT INPUTS...: true when OUTPUT is missing or older than any input
  local o="$1"; shift
  [[ -n "${force:-}" || ! -e "$o" ]] && return 0
  local f
  for f in "$@"; do [[ "$f" -nt "$o" ]] && return 0; done
  return 1
}

if [[ "$target" == windows ]]; then
  cc="${RASSIM_MINGW_CC:-x86_64-w64-mingw32-gcc}"
  lib="$out/rasapi32sim.dll"
  if stale "$lib" "${sources[@]}" "$src"/*.h "$0"; then
    "$cc" "${flags[@]}" -shared -o "$lib" "${sources[@]}" -Wl,--out-implib,"$out/librasapi32sim.dll.a"
  fi
  if stale "$out/abi_check.exe" "$here/abi_check.c" "$src/ras_types.h"; then
    "$cc" -std=c11 -Wall -Wextra -Werror -o "$out/abi_check.exe" "$here/abi_check.c"
  fi
  echo "$lib"
else
  cc="${CC:-cc}"
  k32="$out/libkernel32sim.so"
  if stale "$k32" "$src/kernel32/kernel32.c" "$0"; then
    # -z nodelete (both libraries): threads of the simulator (RasDial notifiers, the
    # RasConnectionNotification watcher) outlive the test worker that loaded it, and Deno closes a
    # worker's libraries when it ends; unloading code a thread still runs would crash the process.
    "$cc" "${flags[@]}" -fPIC -pthread -shared -Wl,-soname,libkernel32sim.so -Wl,-z,nodelete \
      -o "$k32.tmp" "$src/kernel32/kernel32.c"
    mv -f "$k32.tmp" "$k32"
  fi
  lib="$out/librasapi32sim.so"
  if stale "$lib" "${sources[@]}" "$src"/*.h "$0" "$k32"; then
    # One compiler per source file in parallel, then link: about 0.5 s on two cores.
    objdir="$out/obj"
    mkdir -p "$objdir"
    pids=()
    for f in "${sources[@]}"; do
      "$cc" "${flags[@]}" -fPIC -pthread -c -o "$objdir/$(basename "${f%.c}").o" "$f" & pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p"; done
    # rasapi32.dll imports kernel32.dll: the sim links the simulated kernel32 from its own
    # folder, so both are one library whether rasctl or the sim opens it first.
    "$cc" -shared -pthread -Wl,-z,nodelete -o "$lib.tmp" "$objdir"/*.o -L"$out" -lkernel32sim \
      -Wl,-rpath,'$ORIGIN'
    mv -f "$lib.tmp" "$lib"
  fi
  if stale "$out/abi_check" "$here/abi_check.c" "$src/ras_types.h"; then
    "$cc" -std=c11 -Wall -Wextra -Werror -o "$out/abi_check" "$here/abi_check.c"
  fi
  echo "$lib"
fi
