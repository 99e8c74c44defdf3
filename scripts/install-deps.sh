#!/usr/bin/env bash
# Installs the Debian 12 packages CountyEMIS builds and runs with. Idempotent; needs root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-charts-dev qt6-5compat-dev
  libqt6sql6-sqlite libqt6svg6 qt6-qpa-plugins
  libboost1.81-dev libprotobuf-dev protobuf-compiler libssl-dev openssl
  libsqlite3-dev sqlite3 zlib1g-dev libsodium-dev libxlsxwriter-dev libquazip1-qt6-dev libcli11-dev
  fonts-wqy-microhei
  clang libclang-rt-14-dev
  qt6-translations-l10n
  xvfb xauth python3 python3-openpyxl poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: these packages are missing and installing them needs root: ${missing[*]}" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
