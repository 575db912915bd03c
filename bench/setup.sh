#!/usr/bin/env bash
# Install what `make bench` measures with: wrk (load generator) and nginx (the static-file
# reference). Debian packages; installed only when missing.
set -euo pipefail
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts nginx as a service on install; the benchmark runs its own.
  if command -v systemctl >/dev/null 2>&1; then $SUDO systemctl stop nginx 2>/dev/null || true; fi
  $SUDO service nginx stop 2>/dev/null || true
fi
