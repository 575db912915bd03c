"""make bench-edge: cached pages through the edge cache against nginx serving the same bytes.

1. prepares a PostgreSQL database with ``EDGE_BENCH_ITEMS`` items (default 1,000, generated once;
   ``EDGE_BENCH_DATABASE_URL``, default a ``newsroom_edge_bench`` database on this machine);
2. starts the production topology of ``make cluster`` (two app servers on PostgreSQL and Redis,
   nginx balancing them, Varnish in front) on ports from ``EDGE_BENCH_PORT`` (8640);
3. for the front page, an item, a listing page deep in the archive, a feed and an API list:
   fetches the page once through Varnish, writes its very bytes to a file, and runs wrk
   (1 thread, 32 connections, ``EDGE_BENCH_SECONDS`` s each) against Varnish, against an nginx
   ``proxy_cache`` in front of the same cluster, against the cluster's nginx alone (balancing,
   no shared cache: the app servers' page cache answers) and against nginx serving that file;
4. prints a table (req/s, p50, p99, × nginx's file) and writes ``bench/results/edge-<time>.json``
   with the machine's load average at the start and the end: the figures are as noisy as the
   machine is busy.

Publish -> visible under load is ``make loadtest``'s, which now runs through the edge cache.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg

from deploy.cluster import cluster, services

ROOT = services.ROOT
HOST = services.HOST
PORT = int(os.environ.get("EDGE_BENCH_PORT", "8640"))
SECONDS = int(os.environ.get("EDGE_BENCH_SECONDS", "10"))
CONNECTIONS = 32
ITEMS = int(os.environ.get("EDGE_BENCH_ITEMS", "1000"))
DATABASE_URL = os.environ.get(
    "EDGE_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_edge_bench"
)
# The loadtest's helpers read their database from here.
os.environ.setdefault("LOADTEST_DATABASE_URL", DATABASE_URL)
os.environ.setdefault("LOADTEST_ITEMS", str(ITEMS))

from deploy.cluster import loadtest  # noqa: E402 - after its environment

PROXY_CACHE_CONF = """
worker_processes 2;
pid {run}/nginx.pid;
error_log {run}/error.log warn;
daemon off;
{user}
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {run}/body;
  proxy_temp_path {run}/proxy;
  fastcgi_temp_path {run}/fastcgi;
  uwsgi_temp_path {run}/uwsgi;
  scgi_temp_path {run}/scgi;
  keepalive_requests 100000;
  proxy_cache_path {run}/cache keys_zone=pages:32m max_size=512m inactive=1h;
  upstream cluster {{ server {host}:{backend}; keepalive 64; }}
  server {{
    listen {host}:{port};
    location / {{
      proxy_pass http://cluster;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_cache pages;
      proxy_cache_key $scheme$host$request_uri$http_accept_encoding;
      proxy_cache_lock on;
      proxy_cache_use_stale error timeout updating http_502 http_503;
      proxy_cache_background_update on;
      proxy_cache_bypass $cookie_sessionid $cookie_csrftoken $http_authorization;
      proxy_no_cache $cookie_sessionid $cookie_csrftoken $http_authorization;
      add_header X-Proxy-Cache $upstream_cache_status;
    }}
  }}
}}
"""

STATIC_CONF = """
worker_processes 2;
pid {run}/nginx.pid;
error_log {run}/error.log warn;
daemon off;
{user}
events {{ worker_connections 4096; }}
http {{
  access_log off;
  keepalive_requests 100000;
  client_body_temp_path {run}/body;
  proxy_temp_path {run}/proxy;
  fastcgi_temp_path {run}/fastcgi;
  uwsgi_temp_path {run}/uwsgi;
  scgi_temp_path {run}/scgi;
  default_type text/html;
  server {{ listen {host}:{port}; root {root}; }}
}}
"""


def say(message):
    print(f"bench-edge: {message}", flush=True)


def start_nginx(template, port, **values):
    run = Path(tempfile.mkdtemp(prefix="newsroom-edge-bench-"))
    run.chmod(0o755)
    user = "user root;" if os.geteuid() == 0 else ""
    conf = run / "nginx.conf"
    conf.write_text(template.format(run=run, user=user, host=HOST, port=port, **values))
    process = services.Process(
        [services.nginx_binary(), "-c", conf, "-p", run], os.environ.copy(), run / "nginx.log"
    ).start()
    services.wait_until(lambda: services.port_open(port), 30, "nginx")
    return process, run


def wrk(url):
    args = ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", "--timeout", "5s", url]
    return loadtest.parse_wrk(subprocess.run(args, capture_output=True, text=True).stdout)


def pick_urls():
    with psycopg.connect(DATABASE_URL) as db:
        day, slug = db.execute(
            """SELECT item.display_date, page.slug FROM wagtailcore_page page
               JOIN wagtailcore_locale locale ON locale.id = page.locale_id
               JOIN news_newsitempage item ON item.page_ptr_id = page.id
               WHERE page.live AND locale.language_code = 'en'
               ORDER BY item.display_date DESC LIMIT 1"""
        ).fetchone()
        count = db.execute("SELECT count(*) FROM news_newsitempage").fetchone()[0]
    deep = max(1, count // 10 * 8 // 10)  # four fifths of the way into the archive
    return {
        "front page": "/en/",
        "an item": f"/en/news/{day:%Y/%m/%d}/{slug}/",
        f"listing page {deep}": f"/en/news/?page={deep}",
        "RSS feed": "/en/news/feed/rss/",
        "API list": "/api/v1/items/",
    }


def main():
    subprocess.run(["bash", ROOT / "deploy" / "cluster" / "ensure-tools.sh"], check=True)
    load_before = os.getloadavg()
    config = cluster.settings_from_env()
    config.update(port=PORT, edge_port=PORT + 10, database_url=DATABASE_URL)
    config["run_dir"] = ROOT / "data" / "edge-bench"
    config["run_dir"].mkdir(parents=True, exist_ok=True)
    (config["run_dir"] / "cluster.json").unlink(missing_ok=True)
    extra = {"NEWSROOM_API_RATE_LIMIT": "off", "NEWSROOM_DEMO": "1"}
    env = services.cluster_env(
        DATABASE_URL, config["redis_url"], config["run_dir"] / "data", "newsroom-edge-bench",
        SECRET_KEY=cluster.secret_key(config["run_dir"]), **extra,
    )  # fmt: skip
    say("preparing the database")
    loadtest.prepare_database(env)
    say("starting two app servers, nginx and Varnish")
    _, servers, nginx, edge = cluster.start(config, extra)
    proxy_cache = static = None
    rows = []
    try:
        proxy_cache, _ = start_nginx(PROXY_CACHE_CONF, PORT + 11, backend=PORT)
        body_dir = Path(tempfile.mkdtemp(prefix="newsroom-edge-bench-bytes-"))
        body_dir.chmod(0o755)
        urls = pick_urls()
        for number, path in enumerate(urls.values()):
            status, _, _ = services.get(edge.url + path, timeout=120, follow=False)
            if status != 200:
                sys.exit(f"{path} answers {status} through Varnish")
            with urllib.request.urlopen(edge.url + path, timeout=120) as answer:  # noqa: S310
                raw = answer.read()  # identity, as wrk asks
            (body_dir / f"page-{number}.html").write_bytes(raw)
        static, _ = start_nginx(STATIC_CONF, PORT + 12, root=body_dir)
        for number, (name, path) in enumerate(urls.items()):
            targets = {
                "Varnish": edge.url + path,
                # Today's cluster without a shared cache: nginx balancing, the page cache behind.
                "nginx balancing only": nginx.url + path,
                "nginx proxy_cache": f"http://{HOST}:{PORT + 11}{path}",
                "nginx static file": f"http://{HOST}:{PORT + 12}/page-{number}.html",
            }
            cache_status = {}
            for mode, url in targets.items():  # each cache holds the page before it is timed
                services.get(url, timeout=120)
                headers = services.get(url, timeout=120)[1]
                cache_status[mode] = headers.get("X-Edge-Cache") or headers.get("X-Proxy-Cache")
            measured = {mode: wrk(url) for mode, url in targets.items()}
            floor = measured["nginx static file"]["rps"]
            size = (body_dir / f"page-{number}.html").stat().st_size
            for mode, result in measured.items():
                ratio = round(result["rps"] / floor, 2) if floor else None
                rows.append({"page": name, "path": path, "bytes": size, "mode": mode, **result,
                             "cache": cache_status[mode], "vs_static": ratio})  # fmt: skip
            say(f"{name}: " + ", ".join(f"{m} {r['rps']:,.0f}/s" for m, r in measured.items()))
        backend = edge.counters("MAIN.backend_req", "MAIN.cache_hit", "MAIN.cache_miss")
    finally:
        for process in (static, proxy_cache):
            if process is not None:
                process.stop()
        cluster.stop(config)
    result = {
        "rows": rows, "seconds": SECONDS, "connections": CONNECTIONS, "items": ITEMS,
        "app_servers": len(servers), "varnish_counters": backend,
        "load_before": [round(value, 2) for value in load_before],
        "load_after": [round(value, 2) for value in os.getloadavg()],
        "cpus": os.cpu_count(),
    }  # fmt: skip
    print_table(result)
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    out = results / f"edge-{time.strftime('%Y-%m-%dT%H%M%S%z')}.json"
    out.write_text(json.dumps(result, indent=2))
    say(f"written {out.relative_to(ROOT)}")
    shutil.rmtree(body_dir, ignore_errors=True)
    errors = sum(row["non_2xx"] + row["socket_errors"] for row in result["rows"])
    return 1 if errors else 0


def print_table(result):
    print(
        f"\n{result['cpus']} CPUs, load average {result['load_before']} before and "
        f"{result['load_after']} after; wrk 1 thread, {result['connections']} connections, "
        f"{result['seconds']} s each; {result['items']:,} items"
    )
    print("| page | bytes | mode | warm-up | req/s | p50 ms | p99 ms | × nginx file | errors |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in result["rows"]:
        errors = row["non_2xx"] + row["socket_errors"]
        print(
            f"| {row['page']} | {row['bytes']:,} | {row['mode']} | {row['cache'] or '-'} "
            f"| {row['rps']:,.0f} "
            f"| {row['p50_ms']} | {row['p99_ms']} | {row['vs_static']} | {errors} |"
        )


if __name__ == "__main__":
    sys.exit(main())
