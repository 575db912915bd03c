"""Faults, each with the real service broken under a running app server."""

import threading

import psycopg
import pytest

from deploy.cluster import services
from deploy.cluster.editor import AdminError

from .conftest import FAULT_SETTINGS, needs_nginx

pytestmark = [pytest.mark.cluster]


def warm(base, urls):
    for url in urls:
        for _ in range(3):
            status, headers, _ = services.get(base + url)
        assert status == 200 and headers["X-Cache"] == "HIT", (url, status)


def test_postgres_stopping_keeps_cached_pages_and_recovers_by_itself(
    cluster, set_up_template, private_postgres
):
    cluster.prepare(set_up_template)
    (server,) = cluster.start_servers(1)
    cached = ["/en/", "/en/news/", "/en/news/feed/rss/"]
    warm(server.url, cached)

    private_postgres.stop()
    try:
        for url in cached:
            status, headers, body = services.get(server.url + url)
            assert status == 200 and headers["X-Cache"] == "HIT", url
        status, headers, body = services.get(server.url + "/en/news/?page=2")
        assert status == 503
        assert headers["Retry-After"] == "30" and headers["Cache-Control"] == "no-store"
        assert "Back in a moment" in body and "Traceback" not in body
        status, _, body = services.get(server.url + "/fr/recherche/?q=otan")
        assert status == 503 and "De retour dans un instant" in body
        assert server.running()
    finally:
        private_postgres.start()

    # No restart of the app server: the next requests reconnect.
    services.wait_until(
        lambda: services.get(server.url + "/en/news/?page=2")[0] == 200, 60, "the site to recover"
    )
    assert services.get(server.url + "/en/search/?q=allies")[0] == 200
    assert "Database unreachable: answered /en/news/ with 503" in server.log()


def test_redis_stopping_falls_back_to_memory_and_recovers(cluster, set_up_template, private_redis):
    cluster.prepare(set_up_template)
    writer, reader = cluster.start_servers(2)
    warm(reader.url, ["/en/", "/en/news/"])
    editor = cluster.editor(writer)

    private_redis.stop()
    for _ in range(20):
        for server in (writer, reader):
            status, headers, body = services.get(server.url + "/en/")
            assert status == 200 and "X-Cache" not in headers
    # Publishing works, and the other server shows it at once: nothing is cached meanwhile.
    title = "Allies meet while the cache is down"
    editor.publish_story(cluster.news_index_id(), title, "cache-down", "2031-06-01")
    assert title in services.get(reader.url + "/en/")[2]
    # Each process (two granian workers and the mail worker per server) warns once for the
    # outage, not once per request.
    for server in (writer, reader):
        warnings = server.log().count("Redis is unreachable")
        assert 1 <= warnings <= 3, server.log()[-3000:]

    private_redis.start()  # same port, empty

    def cached_again():
        status, headers, _ = services.get(reader.url + "/en/")
        return status == 200 and headers.get("X-Cache") == "HIT"

    services.wait_until(cached_again, 60, "the page cache to use Redis again")
    assert "Redis is reachable again" in reader.log()
    for server in (writer, reader):
        assert title in services.get(server.url + "/en/")[2]
        assert title in services.get(server.url + "/en/news/")[2]


@needs_nginx
def test_a_server_killed_in_the_middle_of_a_publish_leaves_no_half_published_item(
    cluster, set_up_template
):
    cluster.prepare(set_up_template)
    (writer,) = cluster.start_servers(1, **FAULT_SETTINGS)
    (reader,) = cluster.start_servers(1)
    nginx = cluster.start_nginx()
    warm(reader.url, ["/en/", "/en/news/"])
    editor = cluster.editor(writer)
    title = "A statement that was being published"
    failures = []

    def publish():
        try:
            editor.publish_story(cluster.news_index_id(), title, "interrupted", "2031-07-01")
        except (AdminError, OSError) as error:  # the server died under the request
            failures.append(error)

    publishing = threading.Thread(target=publish)
    publishing.start()
    services.wait_until(
        lambda: "Test publish delay: pausing" in writer.log(), 120, "the publish to be under way"
    )
    writer.kill()
    publishing.join(60)
    assert failures, "the publish request should have been cut off"

    with psycopg.connect(cluster.database_url) as db:
        page_id, live, first_published, latest_revision = db.execute(
            "SELECT id, live, first_published_at, latest_revision_id FROM wagtailcore_page "
            "WHERE slug = 'interrupted'"
        ).fetchone()
        assert live is False and first_published is None
        revisions = db.execute(
            "SELECT id, content->>'title' FROM wagtailcore_revision WHERE object_id = %s",
            [str(page_id)],
        ).fetchall()
        assert revisions == [(latest_revision, title)]
        published_logs = db.execute(
            "SELECT count(*) FROM wagtailcore_pagelogentry WHERE page_id = %s "
            "AND action = 'wagtail.publish'",
            [page_id],
        ).fetchone()
        assert published_logs == (0,)

    for base in (reader.url, nginx.url):
        assert services.get(base + "/en/news/2031/07/01/interrupted/")[0] == 404
        for url in ("/en/", "/en/news/", "/en/news/feed/rss/"):
            status, _, body = services.get(base + url)
            assert status == 200 and title not in body, (base, url)
