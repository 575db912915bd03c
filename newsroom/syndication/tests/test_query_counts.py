"""Feeds, sitemaps and API lists make the same number of queries for 10, 60 and 200 items (feeds
show 50, the API up to 100 per page). The counts are pinned: a change means a new query per
request, which deserves a look."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

URLS = {
    "/en/news/feed/rss/": 11,
    "/en/news/feed/atom/": 11,
    "/en/news/feed/json/": 11,
    "/en/news/story/feed/rss/": 11,
    "TOPIC/feed/atom/": 13,
    "/en/people/jens-stoltenberg/feed/json/": 12,
    # Item lists count by the day histogram kept per site generation (delivery/seek.py).
    "/api/v1/items/?page_size=100": 7,
    "/api/v1/items/?page_size=100&topic=TOPIC_SLUG&person=jens-stoltenberg&place=BE": 9,
    "/api/v1/items/?page_size=100&q=Allies&type=story": 8,
    "/api/v1/topics/": 3,
    "/api/v1/people/": 4,
    "/sitemap.xml": 15,  # +1 query each for the items' and pages' hreflang alternates
    "/sitemap-news.xml": 1,
}


def count_queries(client, url):
    # The first request may create image renditions and the site's settings; the second fills
    # the values kept per site generation (newsroom/delivery/memo.py).
    client.get(url)
    client.get(url)
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
    # Every URL at once, so that one run shows all the counts that moved.
    seen = {url: sorted({counts[total][url] for total in counts}) for url in URLS}
    assert seen == {url: [pinned] for url, pinned in URLS.items()}
