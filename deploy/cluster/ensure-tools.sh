#!/usr/bin/env bash
# The programs the cluster, its tests and the load test run: Varnish with the xkey vmod (the edge
# cache), nginx (in front of the app servers),
# redis-server (a private one per test session), PostgreSQL's initdb/pg_ctl (a private cluster)
# and wrk (the load generator). Debian packages, installed only when missing, as root only; as
# another user it says what to run (scripts/ensure-packages.sh). `make test` and `make cluster`
# run it.
set -euo pipefail
root="$(dirname "$0")/../.."
pg_ctl=$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | tail -n 1 || true)
if [ -z "$pg_ctl" ] && command -v pg_ctl >/dev/null 2>&1; then pg_ctl=pg_ctl; fi
before=$(command -v nginx || ls /usr/sbin/nginx 2>/dev/null || true)
varnish_before=$(command -v varnishd || ls /usr/sbin/varnishd 2>/dev/null || true)
# The xkey vmod (a library, not a program: "true" stands in when it is there). Its folder is
# named after the machine's architecture.
xkey=varnish-xkey-vmod
if ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1; then xkey=true; fi
bash "$root/scripts/ensure-packages.sh" \
  nginx=nginx varnishd=varnish "$xkey=varnish-modules" redis-server=redis-server wrk=wrk "${pg_ctl:-pg_ctl}=postgresql"
# Debian starts nginx and Varnish as services on install; the cluster and the benchmark run
# their own.
for pair in "nginx:$before" "varnish:$varnish_before"; do
  [ -n "${pair#*:}" ] && continue
  if command -v systemctl >/dev/null 2>&1; then systemctl stop "${pair%%:*}" 2>/dev/null || true; fi
  service "${pair%%:*}" stop 2>/dev/null || true
done
