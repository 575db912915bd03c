"""The scheduler on several app servers sharing PostgreSQL: an item scheduled for a moment goes
live on every server and through nginx, published by exactly one of the scheduler threads
(two servers with two workers each compete for the PostgreSQL advisory lock)."""

import json
import subprocess
import time

import psycopg
import pytest

from deploy.cluster import services

from .conftest import needs_nginx

pytestmark = [pytest.mark.cluster]

SCHEDULE = """
import datetime, json
from django.utils import timezone
from newsroom.news.models import NewsIndexPage, StoryPage

index = NewsIndexPage.objects.get(locale__language_code="en")
page = StoryPage(title="Cluster release at the stroke of the hour", slug="cluster-release",
                 teaser="Scheduled on one database, served by two servers.",
                 display_date=datetime.date(2023, 11, 17), live=False,
                 go_live_at=timezone.now() + datetime.timedelta(seconds=6))
index.add_child(instance=page)
page.save_revision().publish()  # only schedules it: the go-live time is ahead
print(json.dumps({"pk": page.pk, "go_live": page.go_live_at.timestamp()}))
"""
ITEM = "/en/news/2023/11/17/cluster-release/"


@needs_nginx
def test_the_scheduler_publishes_once_across_servers_on_postgresql(cluster, set_up_template):
    cluster.prepare(set_up_template)
    servers = cluster.start_servers(2)
    nginx = cluster.start_nginx()
    result = subprocess.run(
        [services.VENV_BIN / "newsroom", "shell", "-c", SCHEDULE],
        env=cluster.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    scheduled = json.loads(result.stdout.strip().splitlines()[-1])

    bases = [server.url for server in servers] + [nginx.url]
    if time.time() < scheduled["go_live"] - 0.5:
        for base in bases:
            assert services.get(base + ITEM)[0] == 404  # not a byte before its time

    for base in bases:
        services.wait_until(
            lambda base=base: services.get(base + ITEM)[0] == 200, 60, f"{ITEM} on {base}", 0.1
        )
    print("public everywhere", round(time.time() - scheduled["go_live"], 2), "s after go-live")

    time.sleep(3)  # every scheduler thread has woken up at least twice since
    with psycopg.connect(cluster.database_url) as db:
        publishes = db.execute(
            "SELECT count(*) FROM wagtailcore_pagelogentry"
            " WHERE page_id = %s AND action = 'wagtail.publish.scheduled'",
            [scheduled["pk"]],
        ).fetchone()[0]
        live_revisions = db.execute(
            "SELECT count(*) FROM wagtailcore_revision"
            " WHERE object_id = %s AND approved_go_live_at IS NOT NULL",
            [str(scheduled["pk"])],
        ).fetchone()[0]
    assert publishes == 1
    assert live_revisions == 0  # the schedule was consumed, not left to fire again
