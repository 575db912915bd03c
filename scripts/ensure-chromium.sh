#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (/usr/bin/chromium), never a downloaded browser build.
# Installs it (with the fonts the pages are checked with) when missing, as root only; as another
# user it says what to run (scripts/ensure-packages.sh). `make test` and `make test-browser` run it.
set -euo pipefail
bash "$(dirname "$0")/ensure-packages.sh" \
  /usr/bin/chromium=chromium /usr/share/fonts/truetype/liberation=fonts-liberation
