"""Two app servers on one PostgreSQL and one Redis, with nginx in front."""

import time
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest

from deploy.cluster import services

from .conftest import needs_nginx

pytestmark = [pytest.mark.cluster]


def test_two_servers_starting_at_once_set_up_a_fresh_database_once(cluster):
    cluster.prepare()
    # Production mode sets up an empty newsroom unless the demo is asked for (issue 15, part 5).
    first, second = cluster.start_servers(2, command="run", wait=False, NEWSROOM_DEMO=1)
    first.wait_ready()
    second.wait_ready()

    logs = [first.log(), second.log()]
    assert sum("An admin account was created" in log for log in logs) == 1, logs
    assert sum("Existing newsroom found" in log for log in logs) == 1, logs
    with psycopg.connect(cluster.database_url) as db:
        migrations = db.execute(
            "SELECT count(*), count(DISTINCT (app, name)) FROM django_migrations"
        )
        total, distinct = migrations.fetchone()
        assert total == distinct > 100
        duplicated = db.execute(
            "SELECT url_path FROM wagtailcore_page GROUP BY url_path HAVING count(*) > 1"
        ).fetchall()
        assert duplicated == []
        assert db.execute("SELECT count(*) FROM auth_user WHERE is_superuser").fetchone() == (1,)
        items = db.execute("SELECT count(*) FROM news_newsitempage").fetchone()[0]
        assert items > 5
    for server in (first, second):
        status, _, body = services.get(server.url + "/en/")
        assert status == 200 and "Newsroom" in body


@needs_nginx
def test_a_publish_on_one_server_is_fresh_on_the_other_and_through_nginx(cluster, set_up_template):
    cluster.prepare(set_up_template)
    writer, reader = cluster.start_servers(2)
    nginx = cluster.start_nginx()
    urls = ["/en/", "/en/news/", "/en/news/feed/rss/"]
    for base in (reader.url, nginx.url):
        for url in urls:
            for _ in range(3):  # rendered once, then answered from the page cache
                status, headers, _ = services.get(base + url)
            assert status == 200 and headers["X-Cache"] == "HIT"

    editor = cluster.editor(writer)
    title = "Ministers agree on a shared air-defence plan"
    editor.publish_story(cluster.news_index_id(), title, "air-defence-plan", "2031-05-04")
    published_at = time.monotonic()

    item = "/en/news/2031/05/04/air-defence-plan/"
    targets = [base + url for base in (reader.url, nginx.url) for url in [*urls, item]]

    def seconds_until_fresh(target):
        services.wait_until(
            lambda: title in services.get(target)[2], 30, f"{title!r} on {target}", 0.02
        )
        return round(time.monotonic() - published_at, 3)

    # Every address polled at once, as readers would: how long each took to show the item.
    with ThreadPoolExecutor(len(targets)) as pool:
        seen = dict(zip(targets, pool.map(seconds_until_fresh, targets), strict=True))
    print("seconds from the editor's publish to the new item:", seen)
