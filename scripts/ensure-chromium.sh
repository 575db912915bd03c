#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (/usr/bin/chromium), never a downloaded browser build.
# Install it (and its driver) from Debian's packages when it is missing; do nothing otherwise.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "The browser tests need Chromium at /usr/bin/chromium; install it with your package manager." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "Installing Debian's chromium and chromium-driver for the browser tests..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver fonts-liberation >/dev/null
/usr/bin/chromium --version
