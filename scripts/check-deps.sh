#!/usr/bin/env bash
# Would this build configure on a fresh Debian 12? Everything a configured build directory found (each
# CMake package's *Config.cmake, each pkg-config module's .pc, each library and program a Find module
# found) must come from a Debian package that scripts/install-deps.sh names or that those Depend on,
# recursively. Recommends do not count: install-deps.sh installs with --no-install-recommends, so a
# package that is only recommended is there on a developer's machine and missing on a fresh one.
#   scripts/check-deps.sh BUILD_DIR        (run by ctest as fresh_deps; exit 1 names what is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: scripts/check-deps.sh BUILD_DIR}
cache="$build/CMakeCache.txt"
[ -f "$cache" ] || { echo "check-deps: no $cache; configure the build first" >&2; exit 2; }

# The list exactly as install-deps.sh has it.
mapfile -t listed < <(bash -c 'source <(sed -n "/^packages=(/,/^)/p" scripts/install-deps.sh); printf "%s\n" "${packages[@]}"')
[ "${#listed[@]}" -gt 0 ] || { echo "check-deps: no packages=( ... ) list in scripts/install-deps.sh" >&2; exit 2; }
closure=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
  --no-enhances "${listed[@]}" | grep -vE '^ |<' | sed 's/:.*//' | sort -u)

# What the build found, as files.
found=()
while IFS= read -r dir; do
  cfg=$(ls "$dir"/*Config.cmake "$dir"/*-config.cmake 2>/dev/null | head -n 1 || true)
  [ -n "$cfg" ] && found+=("$cfg")
done < <(grep -oE '^[^#/]+_DIR:PATH=/usr/[^ ]*cmake[^ ]*' "$cache" | cut -d= -f2 | sort -u)
while IFS= read -r module; do
  pc=$(pkg-config --path "$module" 2>/dev/null || true)
  [ -n "$pc" ] && found+=("$pc")
done < <(grep -E '^__pkg_config_arguments_[A-Z0-9]+:INTERNAL=.*(REQUIRED)' "$cache" | cut -d= -f2 | tr ';' '\n' |
         grep -vxE 'REQUIRED|QUIET|IMPORTED_TARGET|GLOBAL|NO_CMAKE_PATH|NO_CMAKE_ENVIRONMENT_PATH' | sort -u)
while IFS= read -r file; do
  found+=("$file")
done < <(grep -E '^(Protobuf|ZLIB|SQLite3|OPENSSL)_[A-Z_]*(LIBRARY|LIBRARY_RELEASE|EXECUTABLE):FILEPATH=/' "$cache" |
         cut -d= -f2 | sort -u)

missing=()
for file in "${found[@]}"; do
  owner=$(dpkg -S "$file" 2>/dev/null | head -n 1 | cut -d: -f1 || true)
  if [ -z "$owner" ]; then
    real=$(readlink -f "$file")
    owner=$(dpkg -S "$real" 2>/dev/null | head -n 1 | cut -d: -f1 || true)
  fi
  if [ -z "$owner" ]; then
    missing+=("(no Debian package owns $file)")
  elif ! grep -qxF "$owner" <<<"$closure"; then
    missing+=("$owner (for $file)")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "check-deps: the build uses what a fresh Debian 12 would not have after scripts/install-deps.sh:"
  printf '  %s\n' "${missing[@]}" | sort -u
  echo "Add the package(s) to the packages=( ... ) list in scripts/install-deps.sh."
  exit 1
fi
echo "check-deps: all ${#found[@]} CMake packages, pkg-config modules and libraries the build found come from" \
     "the ${#listed[@]} packages of scripts/install-deps.sh or what they Depend on"
