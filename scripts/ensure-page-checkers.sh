#!/usr/bin/env bash
# The page checkers of the browser tests (tests/browser/test_browser_page_quality.py): Lighthouse
# and the Nu HTML checker, the npm packages pinned in tests/browser/checkers/package-lock.json.
# Runs `npm ci` only when the lock file changed since the last install (idempotent: nothing to
# do, no network); Node.js, npm and Java come from Debian when missing (ensure-packages.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/ensure-packages.sh" node=nodejs npm=npm java=default-jre-headless
cd "$here/../tests/browser/checkers"
stamp=node_modules/.installed-from-lock
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  exit 0
fi
# No install scripts: neither package needs one (vnu-jar ships its jar, Lighthouse is plain JS).
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
cp package-lock.json "$stamp"
