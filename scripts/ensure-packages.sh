#!/usr/bin/env bash
# Install the Debian packages that provide the given programs, only those that are missing.
#
#   bash scripts/ensure-packages.sh PROGRAM=PACKAGE...    e.g. /usr/bin/chromium=chromium nginx=nginx
#
# A PROGRAM is a command on PATH or an absolute path. Idempotent: when everything is there it
# installs nothing and needs no network. It never calls sudo: run as root (a CI machine, a
# container) it runs apt-get itself; run as another user it stops and prints the one command
# to run. NEWSROOM_NO_INSTALL=1 turns installing off (report only).
set -euo pipefail

missing=()
for pair in "$@"; do
  program=${pair%%=*}
  package=${pair#*=}
  if [[ $program == /* ]]; then
    [ -x "$program" ] && continue
  else
    command -v "$program" >/dev/null 2>&1 && continue
    [ -x "/usr/sbin/$program" ] && continue
  fi
  missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

command="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing: ${missing[*]}. Install them with your package manager (Debian: $command)." >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ] || [ "${NEWSROOM_NO_INSTALL:-0}" = 1 ]; then
  echo "Missing Debian packages: ${missing[*]}. Install them once, as root:" >&2
  echo "    sudo sh -c '$command'" >&2
  echo "then run this again." >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
