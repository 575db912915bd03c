"""make loadtest: 60 s of wrk at 128 connections through Varnish and nginx, while an editor
publishes.

1. makes sure the database (``LOADTEST_DATABASE_URL``, default a ``newsroom_loadtest`` database
   on this machine's PostgreSQL) holds at least ``LOADTEST_ITEMS`` items (``newsroom generate``);
2. starts the cluster (two app servers + nginx + Varnish, ``cluster.py``) on ``LOADTEST_PORT``
   (8550, Varnish on ``LOADTEST_EDGE_PORT``, 8581);
3. runs wrk over a mix of URLs (front page, items, listings and archive pages, topics, search,
   feeds, API, sitemap) while an editor publishes a story through the admin every
   ``LOADTEST_PUBLISH_EVERY`` seconds (3);
   and times how long each takes to appear on the front page through Varnish, as a reader sees it;
4. checks every published item is visible through Varnish, prints a table and writes
   ``bench/results/loadtest-<time>.json``. Exits non-zero on any error or invisible item.

The API's per-client rate limit is switched off for the run: every request comes from one address.
"""

import json
import os
import random
import re
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import psycopg

from deploy.cluster import cluster, services
from deploy.cluster.editor import AdminSession, create_editor, news_index_id

ROOT = services.ROOT
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("LOADTEST_CONNECTIONS", "128"))
ITEMS = int(os.environ.get("LOADTEST_ITEMS", "3000"))
PUBLISH_EVERY = float(os.environ.get("LOADTEST_PUBLISH_EVERY", "3"))
DATABASE_URL = os.environ.get(
    "LOADTEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_loadtest"
)


def say(message):
    print(f"loadtest: {message}", flush=True)


def prepare_database(env):
    cluster.ensure_database(DATABASE_URL)
    newsroom = services.VENV_BIN / "newsroom"
    subprocess.run([newsroom, "setup"], env=env, check=True, stdout=subprocess.DEVNULL)
    with psycopg.connect(DATABASE_URL) as db:
        count = db.execute("SELECT count(*) FROM news_newsitempage").fetchone()[0]
    if count < ITEMS:
        say(f"generating {ITEMS - count:,} items (once)")
        subprocess.run([newsroom, "generate", "--items", str(ITEMS - count)], env=env, check=True)


def url_mix():
    """Paths a reader and a machine would ask for, weighted towards the front page and items."""
    with psycopg.connect(DATABASE_URL) as db:
        items = db.execute(
            """SELECT item.display_date, page.slug FROM wagtailcore_page page
               JOIN wagtailcore_locale locale ON locale.id = page.locale_id
               JOIN news_newsitempage item ON item.page_ptr_id = page.id
               WHERE page.live AND locale.language_code = 'en'
               ORDER BY random() LIMIT 400"""
        ).fetchall()
        topics = db.execute(
            """SELECT page.slug FROM wagtailcore_page page
               JOIN django_content_type type ON type.id = page.content_type_id
               JOIN wagtailcore_locale locale ON locale.id = page.locale_id
               WHERE type.model = 'topicpage' AND page.live AND locale.language_code = 'en'"""
        ).fetchall()
        years = db.execute(
            "SELECT DISTINCT extract(year FROM display_date)::int FROM news_newsitempage"
        ).fetchall()
    item_paths = [f"/en/news/{day:%Y/%m/%d}/{slug}/" for day, slug in items]
    paths = ["/en/"] * 40 + item_paths
    paths += [f"/en/news/?page={page}" for page in range(1, 40)]
    paths += [f"/en/news/{year}/" for (year,) in years]
    paths += [f"/en/topics/{slug}/" for (slug,) in topics] + ["/en/topics/"]
    paths += [f"/en/search/?q={word}" for word in ("summit", "defence", "allies", "ministers")]
    paths += ["/en/news/feed/rss/", "/en/news/feed/atom/", "/en/news/feed/json/"] * 5
    paths += ["/api/v1/items/", "/api/v1/topics/", "/api/v1/people/", "/api/v1/"] * 5
    paths += ["/sitemap-news.xml", "/fr/"]
    random.Random(1).shuffle(paths)
    return paths


def check_urls(base, paths):
    """Every URL of the mix answers 200 itself (a redirect would count as a success in wrk)."""
    bad = []
    for path in sorted(set(paths)):
        status = services.get(base + path, timeout=120, follow=False)[0]
        if status != 200:
            bad.append((path, status))
    return bad


FRONT_PAGE_WAIT = 10  # seconds an item may take to appear on the front page before it counts late


class Editor(threading.Thread):
    """Publishes a story through nginx every PUBLISH_EVERY seconds until told to stop, and
    polls the front page after each publish until the story is on it."""

    def __init__(self, session, parent_id, front_page_url):
        super().__init__(daemon=True)
        self.session, self.parent_id = session, parent_id
        self.front_page_url = front_page_url
        self.published, self.errors = [], []
        self.to_front_page = []  # seconds from the end of each publish to the story on /en/
        self.stopping = threading.Event()

    def run(self):
        number = 0
        while not self.stopping.is_set():
            number += 1
            stamp = int(time.time())
            slug = f"loadtest-{stamp}-{number}"
            title = f"Load test statement {stamp} number {number}"
            day = date.today().isoformat()
            try:
                self.session.publish_story(self.parent_id, title, slug, day)
                self.published.append((title, f"/en/news/{day.replace('-', '/')}/{slug}/"))
            except Exception as error:  # noqa: BLE001 - counted and reported
                self.errors.append(repr(error))
            else:
                self.to_front_page.append(self.seconds_to_front_page(title))
            self.stopping.wait(PUBLISH_EVERY)

    def seconds_to_front_page(self, title):
        published = time.monotonic()
        while (waited := time.monotonic() - published) < FRONT_PAGE_WAIT:
            status, _, body = services.get(self.front_page_url, timeout=FRONT_PAGE_WAIT)
            if status == 200 and title in body:
                return round(waited, 3)
            time.sleep(0.02)
        return None  # late


def run_wrk(base, url_file):
    script = Path(__file__).with_name("urls.lua")
    args = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", "--timeout", "10s",
            "-s", str(script), base, "--", str(url_file)]  # fmt: skip
    output = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return output, parse_wrk(output)


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return round(float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit], 2)


def parse_wrk(output):
    result = {
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "non_2xx": 0,
        "socket_errors": 0,
    }
    for percent in ("50", "90", "99"):
        found = re.search(rf"\s{percent}(?:\.000)?%\s+([\d.]+\w+)", output)
        result[f"p{percent}_ms"] = to_ms(found.group(1))
    found = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if found:
        result["non_2xx"] = int(found.group(1))
    found = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if found:
        result["socket_errors"] = sum(int(number) for number in found.groups())
    return result


def main():
    subprocess.run(["bash", Path(__file__).with_name("ensure-tools.sh")], check=True)
    config = cluster.settings_from_env()
    config["port"] = int(os.environ.get("LOADTEST_PORT", "8550"))
    config["edge_port"] = int(os.environ.get("LOADTEST_EDGE_PORT", "8581"))
    config["database_url"] = DATABASE_URL
    config["run_dir"] = ROOT / "data" / "loadtest"
    config["run_dir"].mkdir(parents=True, exist_ok=True)
    (config["run_dir"] / "cluster.json").unlink(missing_ok=True)
    extra = {"NEWSROOM_API_RATE_LIMIT": "off", "NEWSROOM_DEMO": "1"}
    base_env = services.cluster_env(
        DATABASE_URL, config["redis_url"], config["run_dir"] / "data", "newsroom-loadtest",
        SECRET_KEY=cluster.secret_key(config["run_dir"]), **extra,
    )  # fmt: skip
    # The editor builds its form data with Wagtail's helpers, which read the settings.
    os.environ.update(base_env, DJANGO_SETTINGS_MODULE="newsroom.settings")
    import django

    django.setup()
    say("preparing the database")
    prepare_database(base_env)
    say("starting two app servers, nginx and Varnish")
    env, servers, nginx, edge = cluster.start(config, extra)
    try:
        paths = url_mix()
        # Readers through the edge cache, the editor straight to nginx (it passes anyway).
        bad = check_urls(edge.url, paths)
        if bad:
            sys.exit(f"These URLs of the mix do not answer 200: {bad}")
        url_file = config["run_dir"] / "urls.txt"
        url_file.write_text("\n".join(paths) + "\n")
        username, password = create_editor(env, "loadtest-editor")
        session = AdminSession(nginx.url, username, password)
        editor = Editor(session, news_index_id(DATABASE_URL), edge.url + "/en/")
        say(f"wrk: {SECONDS} s, {CONNECTIONS} connections, {len(set(paths))} URLs; editor on")
        editor.start()
        output, result = run_wrk(edge.url, url_file)
        editor.stopping.set()
        editor.join(120)
        visible = 0
        for title, path in editor.published:
            status, _, body = services.get(edge.url + path, timeout=60)
            visible += status == 200 and title in body
    finally:
        cluster.stop(config)
    delays = sorted(delay for delay in editor.to_front_page if delay is not None)
    result.update(
        front_page_median_s=delays[len(delays) // 2] if delays else None,
        front_page_max_s=delays[-1] if delays else None,
        front_page_late=len(editor.to_front_page) - len(delays),
        published=len(editor.published),
        visible=visible,
        publish_errors=len(editor.errors),
        connections=CONNECTIONS,
        seconds=SECONDS,
        urls=len(set(paths)),
        items=ITEMS,
        app_servers=len(servers),
        edge_cache="varnish",
        workers_each=config["workers"],
    )
    print(output)
    print(
        "| requests/s | p50 ms | p90 ms | p99 ms | errors | non-2xx | published | visible "
        "| on front page: median s | max s | late |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    print(
        f"| {result['rps']:,.0f} | {result['p50_ms']} | {result['p90_ms']} | {result['p99_ms']} "
        f"| {result['socket_errors']} | {result['non_2xx']} | {result['published']} "
        f"| {result['visible']} | {result['front_page_median_s']} "
        f"| {result['front_page_max_s']} | {result['front_page_late']} |"
    )
    if editor.errors:
        print("Publishing errors:", *editor.errors[:5], sep="\n  ")
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    out = results / f"loadtest-{time.strftime('%Y-%m-%dT%H%M%S%z')}.json"
    out.write_text(json.dumps(result, indent=2))
    say(f"written {out.relative_to(ROOT)}")
    failed = result["socket_errors"] or result["non_2xx"] or editor.errors
    failed = failed or result["visible"] != result["published"] or not result["published"]
    failed = failed or result["front_page_late"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
