"""The real server publishes on time by itself, exactly once across several servers and workers.

One data folder (SQLite, so the scheduler's file lock), two `newsroom serve` processes on free
ports: one with two granian workers, one with one, so three scheduler threads compete. Items are
scheduled through `newsroom shell`, and the public site is polled until they appear or vanish.
"""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from deploy.cluster.services import embedded_env, free_port

# ruff: noqa: S310, S603 - fixed local addresses and our own command

# Child processes with databases of their own: run once, by make test.
pytestmark = pytest.mark.own_database

NEWSROOM = str(Path(sys.executable).parent / "newsroom")
# Generous: the item must be public within 5 s of its go-live time (the promise).
ON_TIME = 5.0

SCHEDULE = """
import datetime, json
from django.utils import timezone
from newsroom.news.models import NewsIndexPage, StoryPage

index = NewsIndexPage.objects.get(locale__language_code="en")
now = timezone.now()
def story(slug, **fields):
    page = StoryPage(title=f"Story {slug}", slug=slug, teaser="A scheduled story.",
                     display_date=datetime.date(2023, 11, 17), live=False, **fields)
    index.add_child(instance=page)
    return page

scheduled = story("goes-live-soon", go_live_at=now + datetime.timedelta(seconds=3))
scheduled.save_revision().publish()  # only schedules it: the go-live time is ahead
expiring = story("expires-soon", expire_at=now + datetime.timedelta(seconds=4))
expiring.save_revision().publish()
print(json.dumps({
    "go_live": scheduled.go_live_at.timestamp(), "expire": expiring.expire_at.timestamp(),
    "scheduled": scheduled.pk, "expiring": expiring.pk,
}))
"""

COUNT_LOG = """
import json
from wagtail.models import PageLogEntry, Page
logs = PageLogEntry.objects
print(json.dumps({
    str(pk): {
        "published": logs.filter(page_id=pk, action="wagtail.publish.scheduled").count(),
        "unpublished": logs.filter(page_id=pk, action="wagtail.unpublish.scheduled").count(),
        "live": Page.objects.get(pk=pk).live,
    } for pk in PAGES
}))
"""


def environment(data_dir, **extra):
    return embedded_env(
        NEWSROOM_DATA_DIR=str(data_dir),
        NEWSROOM_STATIC_ROOT=str(data_dir / "static"),
        NEWSROOM_DEMO="0",
        NEWSROOM_OFFLINE_EMBEDS="1",
        **extra,
    )


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:  # not listening yet
        return None


def shell(data_dir, code):
    result = subprocess.run(
        [NEWSROOM, "shell", "-c", code],
        env=environment(data_dir),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def servers(tmp_path_factory, migrated_sqlite):
    data_dir = migrated_sqlite(tmp_path_factory.mktemp("scheduling"))
    subprocess.run(
        [NEWSROOM, "setup"], env=environment(data_dir), check=True, capture_output=True, timeout=300
    )
    processes, ports = [], []
    for workers in ("2", "1"):
        port = free_port()
        processes.append(
            subprocess.Popen(
                [NEWSROOM, "serve"],
                env=environment(data_dir, PORT=str(port), WEB_WORKERS=workers),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        )
        ports.append(port)
    try:
        deadline = time.monotonic() + 120
        for port in ports:
            while status(f"http://127.0.0.1:{port}/en/") != 200:
                assert time.monotonic() < deadline, "the servers did not start"
                time.sleep(0.5)
        yield data_dir, ports
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            process.wait(timeout=30)


def wait_for(predicate, bound):
    deadline = time.time() + bound
    while time.time() < deadline:
        if predicate():
            return time.time()
        time.sleep(0.1)
    return None


def test_scheduled_item_goes_live_on_time_once_and_expiry_unpublishes(servers):
    data_dir, ports = servers
    facts = shell(data_dir, SCHEDULE)
    urls = [f"http://127.0.0.1:{port}/en/news/2023/11/17/goes-live-soon/" for port in ports]
    expiring = [f"http://127.0.0.1:{port}/en/news/2023/11/17/expires-soon/" for port in ports]
    # Before its time: 404 on both servers (and that 404 may be cached by the page cache).
    for url in urls:
        code = status(url)
        if time.time() < facts["go_live"]:  # answered before its time: it must not be public
            assert code == 404, url
    for url in expiring:
        code = status(url)
        if time.time() < facts["expire"]:  # answered before it expired: it must still be public
            assert code == 200, url

    seen = wait_for(
        lambda: all(status(url) == 200 for url in urls), facts["go_live"] + 60 - time.time()
    )
    assert seen is not None, "the scheduled item was never published"
    late = seen - facts["go_live"]
    print(f"published {late:.2f} s after its go-live time")
    assert late <= ON_TIME, f"published {late:.1f} s after its go-live time"

    gone = wait_for(
        lambda: all(status(url) == 404 for url in expiring), facts["expire"] + 60 - time.time()
    )
    assert gone is not None, "the expired item was never unpublished"
    late = gone - facts["expire"]
    print(f"unpublished {late:.2f} s after its expiry time")
    assert late <= ON_TIME

    time.sleep(3)  # let every scheduler thread run a few more rounds
    log = shell(data_dir, f"PAGES = [{facts['scheduled']}, {facts['expiring']}]\n{COUNT_LOG}")
    assert log[str(facts["scheduled"])] == {"published": 1, "unpublished": 0, "live": True}
    assert log[str(facts["expiring"])] == {"published": 0, "unpublished": 1, "live": False}
