"""Feeds, sitemaps and API lists make the same number of queries for 10, 60 and 200 items (feeds
show 50, the API up to 100 per page). The counts are pinned: a change means a new query per
request, which deserves a look."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

URLS = {
    "/en/news/feed/rss/": 16,
    "/en/news/feed/atom/": 16,
    "/en/news/feed/json/": 16,
    "/en/news/story/feed/rss/": 16,
    "TOPIC/feed/atom/": 18,
    "/en/people/jens-stoltenberg/feed/json/": 17,
    "/api/v1/items/?page_size=100": 12,
    "/api/v1/items/?page_size=100&topic=TOPIC_SLUG&person=jens-stoltenberg&place=BE": 14,
    "/api/v1/items/?page_size=100&q=Allies&type=story": 12,
    "/api/v1/topics/": 5,
    "/api/v1/people/": 5,
    "/sitemap.xml": 17,  # +1 query each for the items' and pages' hreflang alternates
    "/sitemap-news.xml": 4,
}


def count_queries(client, url):
    client.get(url)  # the first request may create image renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_queries_do_not_grow_with_items(client, many_items, topic):
    def concrete(url):
        return url.replace("TOPIC_SLUG", topic.slug).replace("TOPIC/", topic.url)

    counts = {}
    for total, more in ((10, 10), (60, 50), (200, 140)):
        many_items(more)
        counts[total] = {url: count_queries(client, concrete(url)) for url in URLS}
    for url, pinned in URLS.items():
        seen = {total: counts[total][url] for total in counts}
        assert set(seen.values()) == {pinned}, f"{url}: queries by number of items {seen}"
