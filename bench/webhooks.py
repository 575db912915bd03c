"""make bench-webhooks: how long after a publish a webhook receiver on this machine has the event.

1. a receiver (``http.server`` in a thread of this process) notes the time each POST arrives
   and checks its signature as a Standard Webhooks receiver would;
2. a fresh SQLite database (a copy of the migrated template) in a temporary data folder, one
   endpoint registered for it, and one ``newsroom worker`` process (the embedded database task
   backend, polling every NEWSROOM_WORKER_INTERVAL seconds, 0.2 by default);
3. BENCH_WEBHOOKS_PUBLISHES stories (20) published one after the other through the admin
   (Wagtail's bulk "Publish" action, a real POST), each once the previous event has arrived;
4. the floor: the same body POSTed straight to the receiver with ``http.client``.

Prints the median, 95th percentile and maximum time from the start of the publish request to the
event's arrival (and the median from the request's answer), and writes them to
bench/results/webhooks-<date>.json.
"""

import datetime
import http.client
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
PUBLISHES = int(os.environ.get("BENCH_WEBHOOKS_PUBLISHES", "20"))
SECRET = "whsec_" + "YmVuY2gtd2ViaG9va3Mtc2VjcmV0LWtleQ=="


def say(message):
    print(f"bench-webhooks: {message}", flush=True)


class Receiver:
    def __init__(self):
        self.arrivals, self.bad_signatures = [], 0
        self.arrived = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):  # noqa: N802 - http.server's name
                at = time.time()
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                headers = {name.lower(): value for name, value in self.headers.items()}
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()
                receiver.note(at, headers, body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def note(self, at, headers, body):
        from newsroom.push import signatures

        good = signatures.verify(SECRET, headers, body, now=int(time.time()))
        with self.arrived:
            self.arrivals.append((at, headers.get("webhook-id"), body))
            self.bad_signatures += not good
            self.arrived.notify_all()

    def wait_for(self, count, timeout=30):
        with self.arrived:
            if not self.arrived.wait_for(lambda: len(self.arrivals) >= count, timeout):
                raise SystemExit(f"the receiver had {len(self.arrivals)} events, not {count}")
            return self.arrivals[count - 1]


def floor(url, body, rounds=200):
    host, port = url.split("//")[1].split("/")[0].split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        connection.request("POST", "/hook/", body, {"Content-Type": "application/json"})
        connection.getresponse().read()
        times.append(time.perf_counter() - started)
    connection.close()
    return statistics.median(times)


def main():
    from mail import base_env, prepare_sqlite

    receiver = Receiver()
    data = Path(tempfile.mkdtemp(prefix="bench-webhooks-"))
    prepare_sqlite(data)
    env = base_env(
        data, 25, NEWSROOM_WEBHOOKS_ALLOW_PRIVATE="1", NEWSROOM_SCHEDULER="false",
        WAGTAILADMIN_BASE_URL="https://news.example.org", SECRET_KEY="bench-only",  # noqa: S106
    )  # fmt: skip
    os.environ.update(env)
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from mail_publish import publish

    from newsroom.home.site_tree import ensure_site_tree, news_index
    from newsroom.news.factories import StoryPageFactory
    from newsroom.push.models import Endpoint

    settings.ALLOWED_HOSTS = ["*"]
    home, _ = ensure_site_tree()
    Endpoint.objects.create(name="Bench receiver", url=receiver.url, secret=SECRET)
    admin = get_user_model().objects.create_superuser("bench-admin", "bench@example.org")
    drafts = [
        StoryPageFactory(parent=news_index(home), live=False, slug=f"bench-{n}",
                         title=f"Allies agree a readiness plan {n}", teaser="A faster plan.")
        for n in range(PUBLISHES + 1)
    ]  # fmt: skip
    client = Client()
    client.force_login(admin)
    log = open(data / "worker.log", "wb")  # noqa: SIM115 - closed below
    worker = subprocess.Popen(
        [Path(sys.executable).parent / "newsroom", "worker"], env=env, cwd=ROOT,
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        publish(client, drafts[0])  # a process's first request loads much: not counted
        receiver.wait_for(1, timeout=60)  # and the worker is up
        latencies, after_response, requests = [], [], []
        for number, page in enumerate(drafts[1:], start=2):
            started_at, request_seconds = publish(client, page)
            arrived_at, _event_id, body = receiver.wait_for(number)
            latencies.append(arrived_at - started_at)
            after_response.append(arrived_at - started_at - request_seconds)
            requests.append(request_seconds)
    finally:
        worker.terminate()
        worker.wait(20)
        log.close()
    ids = [event_id for _at, event_id, _body in receiver.arrivals]
    latencies.sort()
    figures = {
        "publishes": PUBLISHES,
        "received": len(receiver.arrivals),
        "distinct_event_ids": len(set(ids)),
        "bad_signatures": receiver.bad_signatures,
        "publish_request_median_ms": round(statistics.median(requests) * 1000, 1),
        "event_after_publish_median_ms": round(statistics.median(latencies) * 1000, 1),
        "event_after_publish_p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))] * 1000, 1),
        "event_after_publish_max_ms": round(latencies[-1] * 1000, 1),
        "event_after_response_median_ms": round(statistics.median(after_response) * 1000, 1),
        "floor_post_median_ms": round(floor(receiver.url, body) * 1000, 2),
        "worker_interval_s": settings.NEWSROOM_WORKER_INTERVAL,
        "database": "sqlite",
        "machine": f"{platform.node()} {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}",
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
    }
    for name, value in figures.items():
        say(f"{name}: {value}")
    out = ROOT / "bench" / "results" / f"webhooks-{datetime.date.today():%Y-%m-%d}.json"
    out.write_text(json.dumps(figures, indent=2) + "\n")
    say(f"written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
