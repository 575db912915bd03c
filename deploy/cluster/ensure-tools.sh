#!/usr/bin/env bash
# nginx (in front of the app servers) and wrk (the load generator): Debian packages, installed
# only when missing. The cluster runs its own nginx; Debian's service is stopped after install.
set -euo pipefail
exec bash "$(dirname "$0")/../../bench/setup.sh"
