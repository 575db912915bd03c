"""make bench: Newsroom on a 100,000-item archive, cached and uncached, against nginx.

1. builds (or reuses) the benchmark database under ./bench-data/ (``newsroom generate``);
2. measures, in-process, the queries of each uncached render;
3. serves Newsroom the way ``make run`` does (granian, WEB_WORKERS workers, production
   settings) with the page cache on, then off, and runs wrk (1 thread, 32 connections,
   BENCH_SECONDS seconds) against each page;
4. serves the very bytes of the front page from a file with nginx, and from memory with a bare
   WSGI callable under granian, as references;
5. prints one table and writes it as JSON under bench/results/;
6. rewrites docs/benchmarks.md from the newest results of each database (this run's among
   them) and the newest load test (``make loadtest``).

``bench/run.py --write-docs [RESULTS.json ...]`` only does step 6, from the files given (each
makes one section) or, with none, from the newest of each database: no server, no wrk. Runs
before 2 December 2026 record neither their render slots nor the fixes to nginx's folder and
the API's rate limit; the newest SQLite one (2026-11-28T170018) ran with
NEWSROOM_RENDER_SLOTS=2, so the page is written from the default-settings files it names:

    bench/run.py --write-docs bench/results/2026-11-28T16{4845,5113}+0000.json

Environment: BENCH_ITEMS (100000), BENCH_SECONDS (5), BENCH_CONNECTIONS (32), WEB_WORKERS (2),
BENCH_DATA (./bench-data), BENCH_PORT (8765), BENCH_DATABASE_URL (empty: SQLite in the data
folder; a postgres:// URL: that PostgreSQL database, created and filled on the first run).
"""

import datetime
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
ITEMS = int(os.environ.get("BENCH_ITEMS", "100000"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
WORKERS = os.environ.get("WEB_WORKERS", "2")
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "")
VENDOR = "PostgreSQL" if DATABASE_URL else "SQLite"
DATA = Path(os.environ.get("BENCH_DATA", ROOT / "bench-data")).resolve() / (
    f"{'postgres' if DATABASE_URL else 'sqlite'}-{ITEMS}"
)
PORT = int(os.environ.get("BENCH_PORT", "8765"))
HOST = "127.0.0.1"
ENV = {
    **os.environ,
    "NEWSROOM_DATA_DIR": str(DATA),
    "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    "LOG_LEVEL": "WARNING",
    "DEBUG": "0",
    # The uncached API rows would otherwise measure 429 answers: wrk far outruns 120/minute.
    "NEWSROOM_API_RATE_LIMIT": "off",
}
ENV.pop("DATABASE_URL", None)
ENV.pop("REDIS_URL", None)
if DATABASE_URL:
    ENV["DATABASE_URL"] = DATABASE_URL
    ENV.setdefault("SECRET_KEY", "bench-only-secret")  # production mode asks for one


def say(message):
    print(f"bench: {message}", flush=True)


def manage(*args):
    subprocess.run([VENV_BIN / "python", ROOT / "manage.py", *args], env=ENV, cwd=ROOT, check=True)


# --- the database -----------------------------------------------------------------------------
def ensure_database():
    marker = DATA / "bench-ready"
    if marker.exists():
        say(f"reusing {DATA}")
        return
    say(f"building a {ITEMS:,}-item archive in {DATA} (minutes; kept for later runs)")
    if DATA.exists():
        shutil.rmtree(DATA)
    DATA.mkdir(parents=True)
    if DATABASE_URL:
        recreate_postgres_database(DATABASE_URL)
    manage("migrate", "--no-input", "-v", "0")
    manage("generate", "--items", str(ITEMS))
    manage(
        "shell", "-c", "from django.db import connection; connection.cursor().execute('ANALYZE')"
    )
    marker.write_text(datetime.datetime.now(datetime.UTC).isoformat())


def recreate_postgres_database(url):
    import psycopg

    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def setup_django():
    os.environ.update({key: ENV[key] for key in ("NEWSROOM_DATA_DIR", "LOG_LEVEL")})
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    os.environ["NEWSROOM_PAGE_CACHE"] = "0"
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    if DATABASE_URL:
        os.environ.update(DATABASE_URL=DATABASE_URL, SECRET_KEY=ENV["SECRET_KEY"])
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


BENCH_GALLERY = "bench-gallery-200"


def ensure_gallery(photos=200):
    """A gallery of ``photos`` photos shown by a published item, added to the archive on the first
    run (the archive's items carry no galleries); returns its address."""
    from newsroom.images.factories import ImageFactory
    from newsroom.images.models import Gallery, GalleryPhoto
    from newsroom.news.models import StoryPage

    gallery = Gallery.objects.filter(slug=BENCH_GALLERY).first()
    if gallery is None:
        gallery = Gallery.objects.create(title="The benchmark in pictures", slug=BENCH_GALLERY)
        for number in range(photos):
            image = ImageFactory(title=f"Benchmark photo {number}")
            GalleryPhoto.objects.create(gallery=gallery, image=image, sort_order=number)
        story = StoryPage.objects.visible().order_by("-display_date").first().specific
        story.body = [*story.body.raw_data, {"type": "gallery", "value": gallery.pk}]
        story.save_revision().publish()
    return f"/en/media/galleries/{gallery.slug}/"


def pick_urls():
    from newsroom.news.models import NewsItemPage
    from newsroom.topics.models import TopicPage

    item = NewsItemPage.objects.live().order_by("-display_date")[1000]
    topic = TopicPage.objects.live().order_by("title").first()
    urls = {
        "front page": "/en/",
        "item": item.url,
        "news listing p1": "/en/news/",
        "news listing p5000": "/en/news/?page=5000",
        "topic": topic.url,
        "search": "/en/search/?q=Kallas",
        "feed": "/en/news/feed/rss/",
        "API list": "/api/v1/items/",
        "media library": "/en/media/",
        "gallery (200 photos)": ensure_gallery(),
    }
    return urls


def queries_per_render(urls):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts = {}
    for name, url in urls.items():
        if name == "search":
            counts[name] = None  # measured below with a time limit
            continue
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        counts[name] = len(queries.captured_queries)
    return counts


# --- servers ----------------------------------------------------------------------------------
def wait_for_port(port, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex((HOST, port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listens on {HOST}:{port} after {timeout} s")


class Server:
    def __init__(self, args, env, port, cwd=ROOT):
        self.port = port
        self.process = subprocess.Popen(  # noqa: S603 - our own commands
            args, env=env, cwd=cwd, start_new_session=True, stdout=subprocess.DEVNULL
        )
        wait_for_port(port)

    def worker_peak_mb(self):
        """Peak resident memory (VmHWM) of each process of the server, in MB."""
        peaks = []
        pids = [self.process.pid, *children(self.process.pid)]
        for pid in pids:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            match = re.search(r"VmHWM:\s+(\d+) kB", status)
            if match:
                peaks.append(int(match.group(1)) / 1024)
        return peaks

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def children(pid):
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            kids = (task / "children").read_text().split()
        except OSError:
            continue
        for kid in kids:
            found.append(int(kid))
            found.extend(children(int(kid)))
    return found


def newsroom_server(cache_on):
    env = {**ENV, "NEWSROOM_PAGE_CACHE": "1" if cache_on else "0", "PORT": str(PORT)}
    env["HOST"], env["WEB_WORKERS"] = HOST, WORKERS
    # Exactly what `make serve` / `newsroom serve` runs.
    return Server([VENV_BIN / "newsroom", "serve"], env, PORT)


def nginx_server(root, port):
    conf_dir = Path(tempfile.mkdtemp(prefix="newsroom-bench-nginx-"))
    conf = conf_dir / "nginx.conf"
    conf.write_text(
        f"""worker_processes auto;
pid {conf_dir}/nginx.pid;
error_log {conf_dir}/error.log;
daemon off;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type text/html;
  server {{
    listen {HOST}:{port};
    root {root};
    location / {{ try_files $uri =404; }}
  }}
}}
"""
    )
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    return Server([nginx, "-c", str(conf), "-p", str(conf_dir)], os.environ, port)


def bare_wsgi_server(body_file, port):
    env = {**os.environ, "BENCH_BODY_FILE": str(body_file), "PYTHONPATH": str(ROOT / "bench")}
    granian = VENV_BIN / "granian"
    args = [granian, "--interface", "wsgi", "--host", HOST, "--port", str(port)]
    args += ["--workers", WORKERS, "--no-ws", "bare_wsgi:application"]
    return Server(args, env, port)


# --- measuring --------------------------------------------------------------------------------
def fetch(url, headers=None, timeout=120):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wrk(url, seconds=SECONDS, connections=CONNECTIONS, headers=()):
    args = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    for header in headers:
        args += ["-H", header]
    output = subprocess.run(
        [*args, url], capture_output=True, text=True, check=True, timeout=seconds + 60
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {
        percent: to_ms(value)
        for percent, value in re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.MULTILINE)
    }
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    timeouts = re.search(r"timeout (\d+)", output)
    return {
        "rps": rps,
        "p50_ms": latency.get("50"),
        "p99_ms": latency.get("99"),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "timeouts": int(timeouts.group(1)) if timeouts else 0,
    }


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return round(float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit], 3)


def single_render_ms(base, url, count=15):
    """p50 of sequential uncached requests (one at a time: the render time, no queueing)."""
    times = []
    for _ in range(count):
        started = time.perf_counter()
        fetch(base + url)
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 2)


def after_publish_render_ms(base, url, count=5):
    """p50 of the first render of a page after a publish: the site generation moves on (as a
    publish moves it: same epoch), so the per-generation values and histograms are computed
    again, while rendered cards of unchanged items are reused (caching/fragments.py)."""
    from newsroom.caching import generation

    times = []
    for _ in range(count):
        generation.bump()
        time.sleep(0.4)  # longer than the workers' NEWSROOM_PAGE_CACHE_GENERATION_TTL
        started = time.perf_counter()
        fetch(base + url)
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 2)


def publish_to_visible_ms(base):
    """Publish in a separate process while the server is under load; time until the front page
    served by the server shows the new title."""
    title = f"Bench freshness probe {int(time.time())}"
    load = subprocess.Popen(  # noqa: S603
        ["wrk", "-t1", f"-c{CONNECTIONS}", "-d8s", base + "/en/"], stdout=subprocess.DEVNULL
    )
    time.sleep(1)
    code = (
        "from newsroom.news.models import NewsItemPage;"
        "item = NewsItemPage.objects.live().order_by('-display_date', '-pk').first().specific;"
        f"item.title = {title!r}; item.save_revision().publish()"
    )
    started = time.perf_counter()
    subprocess.run(  # noqa: S603
        [VENV_BIN / "python", ROOT / "manage.py", "shell", "-c", code],
        env=ENV,
        cwd=ROOT,
        check=True,
    )
    published = time.perf_counter()
    visible = None
    while time.perf_counter() - published < 10:
        _, _, body = fetch(base + "/en/")
        if title.encode() in body:
            visible = (time.perf_counter() - published) * 1000
            break
        time.sleep(0.01)
    load.wait()
    return None if visible is None else round(visible, 1), round((published - started) * 1000)


# --- the run ----------------------------------------------------------------------------------
def main():
    subprocess.run(["bash", ROOT / "bench" / "setup.sh"], check=True)
    ensure_database()
    manage("collectstatic", "--no-input", "-v", "0")
    setup_django()
    urls = pick_urls()
    say("pages: " + ", ".join(f"{name} {url}" for name, url in urls.items()))
    queries = queries_per_render(urls)
    base = f"http://{HOST}:{PORT}"
    rows = []
    memory = {}

    say("uncached: the page cache off, every request rendered by Django")
    server = newsroom_server(cache_on=False)
    try:
        front = fetch(base + "/en/")[2]
        for name, url in urls.items():
            status, _, _ = fetch(base + url, timeout=300)
            if name == "search":
                started = time.perf_counter()
                fetch(base + url, timeout=300)
                render = round((time.perf_counter() - started) * 1000, 1)
                rows.append({"page": name, "mode": "uncached", "url": url, "status": status,
                             "render_p50_ms": render, "rps": None, "p50_ms": None,
                             "p99_ms": None, "queries": None})  # fmt: skip
                continue
            result = wrk(base + url)
            rows.append({"page": name, "mode": "uncached", "url": url, "status": status,
                         "render_p50_ms": single_render_ms(base, url),
                         "after_publish_ms": after_publish_render_ms(base, url), **result,
                         "queries": queries.get(name)})  # fmt: skip
            say(f"uncached {name}: {result['rps']:.0f} req/s")
        memory["uncached"] = server.worker_peak_mb()
    finally:
        server.stop()

    say("cached: the page cache on (after warming requests for each page)")
    server = newsroom_server(cache_on=True)
    try:
        for name, url in urls.items():
            for _ in range(8):  # new connections, so that every worker has rendered it
                fetch(base + url, timeout=300)
            result = wrk(base + url, headers=["Accept-Encoding: gzip, br"])
            plain = wrk(base + url) if name == "front page" else None
            rows.append({"page": name, "mode": "cached (br)", "url": url, **result})
            if plain:
                rows.append({"page": name, "mode": "cached (identity)", "url": url, **plain})
            say(f"cached {name}: {result['rps']:.0f} req/s")
        freshness, publish_ms = publish_to_visible_ms(base)
        memory["cached"] = server.worker_peak_mb()
    finally:
        server.stop()

    body_dir = Path(tempfile.mkdtemp(prefix="newsroom-bench-static-"))
    body_dir.chmod(0o755)  # mkdtemp makes it 0700, which nginx's workers cannot read: all 404
    (body_dir / "index.html").write_bytes(front)
    say(f"references: nginx and a bare WSGI callable serving the front page's {len(front):,} bytes")
    server = nginx_server(body_dir, PORT + 1)
    try:
        nginx = wrk(f"http://{HOST}:{PORT + 1}/index.html")
    finally:
        server.stop()
    server = bare_wsgi_server(body_dir / "index.html", PORT + 2)
    try:
        bare = wrk(f"http://{HOST}:{PORT + 2}/")
    finally:
        server.stop()
    rows.append({"page": "front page bytes", "mode": "nginx static file", **nginx})
    rows.append({"page": "front page bytes", "mode": "bare WSGI (granian)", **bare})
    for row in rows:
        if row.get("rps") and row["mode"] != "uncached":
            row["vs_nginx"] = round(row["rps"] / nginx["rps"], 2)

    result = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.node()} {os.cpu_count()} CPUs, {platform.python_version()}",
        "load_average": os.getloadavg(),
        "items": ITEMS,
        "database": VENDOR,
        "workers": int(WORKERS),
        "render_slots": ENV.get("NEWSROOM_RENDER_SLOTS", "4 (the default)"),
        "wrk": f"1 thread, {CONNECTIONS} connections, {SECONDS} s",
        "front_page_bytes": len(front),
        "publish_to_visible_ms": freshness,
        "publish_command_ms": publish_ms,
        "peak_memory_mb_per_process": memory,
        # Runs before these two were recorded measured 404s from nginx and 429s from the API.
        "nginx_root_mode": "0755",
        "api_rate_limit": ENV["NEWSROOM_API_RATE_LIMIT"],
        "rows": rows,
    }
    out = ROOT / "bench" / "results" / f"{result['date'].replace(':', '')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print_table(result)
    say(f"written to {out.relative_to(ROOT)}")
    write_docs(newest_results())


def print_table(result):
    print()
    print(
        f"Newsroom, {result['items']:,} items, {result['database']}, granian "
        f"{result['workers']} workers; wrk {result['wrk']}; {result['machine']}; "
        f"load average {result['load_average'][0]:.1f}"
    )
    header = f"{'page':20} {'mode':20} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
    header += f"{'render ms':>9} {'after pub':>9} {'queries':>7} {'vs nginx':>8}"
    print(header)
    print("-" * len(header))
    for row in result["rows"]:

        def cell(key, width, fmt, row=row):
            value = row.get(key)
            return f"{value:{width}{fmt}}" if value is not None else " " * (width - 1) + "–"

        print(
            f"{row['page']:20} {row['mode']:20} {cell('rps', 9, ',.0f')} {cell('p50_ms', 8, '.2f')}"
            f" {cell('p99_ms', 8, '.2f')} {cell('render_p50_ms', 9, '.1f')}"
            f" {cell('after_publish_ms', 9, '.1f')} {cell('queries', 7, 'd')}"
            f" {cell('vs_nginx', 8, '.2f')}"
        )
    print(
        f"publish -> visible on the front page under load: {result['publish_to_visible_ms']} ms; "
        f"peak memory per process (MB): {result['peak_memory_mb_per_process']}"
    )


# --- docs/benchmarks.md -----------------------------------------------------------------------
RESULTS = ROOT / "bench" / "results"
DOCS_PAGE = ROOT / "docs" / "benchmarks.md"


def newest_results():
    """The newest results file of each database (file names are UTC times, so they sort)."""
    newest = {}
    for path in sorted(RESULTS.glob("2*.json")):
        newest[json.loads(path.read_text())["database"]] = path
    return list(newest.values())


def newest_loadtest():
    runs = sorted(RESULTS.glob("loadtest-*.json"))  # named by local time: newest last
    return runs[-1] if runs else None


def newest_edge():
    runs = sorted(RESULTS.glob("edge-*.json"))  # named by UTC time: newest last
    return runs[-1] if runs else None


def committed_in(path):
    """The commit that added a results file, or None while it is not committed."""
    found = subprocess.run(
        ["git", "log", "--diff-filter=A", "-1", "--format=%h", "--", str(path)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    ).stdout.strip()  # fmt: skip
    return found or None


def number(value, fmt):
    return "–" if value is None else format(value, fmt)


def flagged(row, text):
    """A figure from a run in which some answers were errors does not measure the page."""
    return f"{text} ⚠" if row.get("non_2xx") else text


def section(path):
    result = json.loads(path.read_text())
    rows = result["rows"]
    nginx = next(row for row in rows if row["mode"] == "nginx static file")
    bare = next(row for row in rows if row["mode"] == "bare WSGI (granian)")
    name = path.relative_to(ROOT)
    commit = committed_in(path)
    origin = f"added in commit `{commit}`" if commit else "not committed yet"
    load = result["load_average"][0]
    slots = f", render slots {result['render_slots']}" if "render_slots" in result else ""
    lines = [
        f"## {result['database']}, {result['items']:,} items",
        "",
        f"Measured {result['date']} on `{result['machine']}` (load average {load:.1f} at the "
        f"end, the benchmark's own); granian with {result['workers']} workers{slots}; wrk "
        f"{result['wrk']}; a front page of {result['front_page_bytes']:,} bytes. Results file "
        f"`{name}` ({origin}).",
        "",
        "### Uncached: every request rendered by Django",
        "",
        "| page | req/s | p50 ms | p99 ms | render ms | after publish ms | queries |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        if row["mode"] != "uncached":
            continue
        lines.append(
            f"| {row['page']} | {flagged(row, number(row.get('rps'), ',.0f'))} "
            f"| {number(row.get('p50_ms'), '.2f')} | {number(row.get('p99_ms'), '.2f')} "
            f"| {number(row.get('render_p50_ms'), '.1f')} "
            f"| {number(row.get('after_publish_ms'), '.1f')} | {number(row.get('queries'), 'd')} |"
        )
    lines += [
        "",
        "### Cached: answered by the page cache, beside the two floors",
        "",
        "| page | mode | req/s | p50 ms | p99 ms | × nginx | × bare WSGI |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    cached = [row for row in rows if row["mode"].startswith("cached")]
    for row in [*cached, nginx, bare]:
        lines.append(
            f"| {row['page']} | {row['mode']} | {flagged(row, number(row['rps'], ',.0f'))} "
            f"| {number(row['p50_ms'], '.2f')} | {number(row['p99_ms'], '.2f')} "
            f"| {row['rps'] / nginx['rps']:.2f} | {row['rps'] / bare['rps']:.2f} |"
        )
    ratios = [row["rps"] / bare["rps"] for row in cached]
    memory = result["peak_memory_mb_per_process"]
    versus = "nginx's error page" if nginx.get("non_2xx") else "nginx"
    lines += [
        "",
        f"Cached pages run at {min(ratios):.0%}–{max(ratios):.0%} of the bare WSGI callable, "
        f"which itself runs at {bare['rps'] / nginx['rps']:.2f}× {versus}. A publish was visible "
        f"on the front page under load after {number(result['publish_to_visible_ms'], '.1f')} "
        "ms. Peak memory per process (server, then workers), uncached: "
        + ", ".join(f"{mb:.0f}" for mb in memory.get("uncached", []))
        + " MB; cached: "
        + ", ".join(f"{mb:.0f}" for mb in memory.get("cached", []))
        + " MB.",
        "",
    ]
    errors = [row for row in rows if row.get("non_2xx")]
    if errors:
        notes = "; ".join(
            f"{row['page']} ({row['mode']}): {row['non_2xx']:,} error answers" for row in errors
        )
        lines.append(f"> **Figures marked ⚠ count error answers**, not the page: {notes}.")
        if nginx.get("non_2xx"):
            cause = (
                ""
                if "nginx_root_mode" in result
                else " (a 404 to every request: this run left the file in a 0700 folder, which "
                "nginx's workers cannot read)"
            )
            lines += [
                ">",
                f"> nginx answered with errors instead of the file{cause}, so the × nginx "
                "column compares with nginx's error page, not with the front page's bytes: "
                "read the × bare WSGI column.",
            ]
        if "api_rate_limit" not in result and any(row["page"] == "API list" for row in errors):
            lines += [
                ">",
                "> The API's rate limit was on in this run: the uncached API list's error "
                "answers are 429s, and its figures are not the API's.",
            ]
        lines.append("")
    return lines


def loadtest_section(path):
    run = json.loads(path.read_text())
    commit = committed_in(path)
    origin = f"added in commit `{commit}`" if commit else "not committed yet"
    return [
        "## Load test: `make loadtest`",
        "",
        f"{run['app_servers']} app servers × {run['workers_each']} workers behind "
        f"{'Varnish and ' if run.get('edge_cache') else ''}nginx, "
        f"{run['items']:,} items, {run['urls']} addresses, {run['connections']} connections for "
        f"{run['seconds']} s while an editor publishes a story every few seconds. Results file "
        f"`{path.relative_to(ROOT)}` ({origin}).",
        "",
        "| req/s | p50 ms | p90 ms | p99 ms | socket errors | non-2xx | published | visible "
        "| on the front page after (median) | (max) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {run['rps']:,.0f} | {run['p50_ms']:.0f} | {run['p90_ms']:.0f} | {run['p99_ms']:.0f} "
        f"| {run['socket_errors']} | {run['non_2xx']} | {run['published']} | {run['visible']} "
        f"| {number(run.get('front_page_median_s'), '.2f')} s "
        f"| {number(run.get('front_page_max_s'), '.2f')} s |",
        "",
    ]


def edge_section(path):
    run = json.loads(path.read_text())
    commit = committed_in(path)
    origin = f"added in commit `{commit}`" if commit else "not committed yet"
    lines = [
        "## Edge cache: `make bench-edge`",
        "",
        f"The production topology of `make cluster` ({run['app_servers']} app servers on "
        f"PostgreSQL and Redis, nginx balancing them, Varnish in front; {run['items']:,} items), "
        "each page fetched once through Varnish and its bytes written to a file, then wrk "
        f"(1 thread, {run['connections']} connections, {run['seconds']} s) against each mode. "
        "An nginx `proxy_cache` in front of the same cluster is measured beside Varnish for "
        "[the choice](decisions/0006-edge-cache.md). The machine's load average was "
        f"{run['load_before']} before and {run['load_after']} after, on {run['cpus']} CPUs: the "
        "machine was shared, and every mode, the floor included, ran slower for it. Results file "
        f"`{path.relative_to(ROOT)}` ({origin}).",
        "",
        "| page | bytes | mode | req/s | p50 ms | p99 ms | × nginx file |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    for row in run["rows"]:
        lines.append(
            f"| {row['page']} | {row['bytes']:,} | {row['mode']} | {row['rps']:,.0f} "
            f"| {row['p50_ms']} | {row['p99_ms']} | {number(row['vs_static'], '.2f')} |"
        )
    return [*lines, ""]


def write_docs(paths, loadtest=None):
    """docs/benchmarks.md from results files: what the numbers mean, then a section each."""
    loadtest = loadtest or newest_loadtest()
    lines = [
        "# Benchmarks",
        "",
        "<!-- Written by bench/run.py at the end of `make bench` (or by "
        "`bench/run.py --write-docs RESULTS.json ...`). Do not edit by hand: the history of "
        "these figures is this file's history in git, and bench/results/ keeps every run. -->",
        "",
        "`make bench` (SQLite) and `make bench-postgres` build a synthetic archive once "
        "(`newsroom generate`), serve it as `make serve` does, and load each page with wrk, "
        "first with the page cache off, then on. Two floors put the cached figures in "
        "proportion: nginx serving the front page's bytes from a file, and a bare WSGI "
        "callable under granian returning them from memory (no Python app under granian can "
        "beat the second). How the caching works: [Caching and "
        "invalidation](architecture/caching.md).",
        "",
        "- **req/s, p50, p99**: wrk's throughput and latency percentiles at the stated "
        "connections.",
        "- **render ms**: the median of 15 uncached requests sent one at a time, the render "
        "without queueing, with the worker's per-generation values warm.",
        "- **after publish ms**: the median of 5 first renders right after the site "
        "generation moved on, as a publish moves it.",
        "- **queries**: database queries of one uncached render, counted in-process.",
        "- **× nginx, × bare WSGI**: requests per second divided by the floor's.",
        "",
    ]
    for path in paths:
        lines += section(Path(path).resolve())
    if loadtest:
        lines += loadtest_section(Path(loadtest).resolve())
    edge = newest_edge()
    if edge:
        lines += edge_section(edge.resolve())
    DOCS_PAGE.write_text("\n".join(lines).rstrip() + "\n")
    say(f"wrote {DOCS_PAGE.relative_to(ROOT)}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--write-docs"]:
        write_docs(sys.argv[2:] or newest_results())
    else:
        main()
