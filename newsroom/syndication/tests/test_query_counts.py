"""Feeds, sitemaps and API lists make the same number of queries for 10, 60 and 200 items (feeds
show 50, the API up to 100 per page). The counts are pinned: a change means a new query per
request, which deserves a look."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

# (first request after another item's publish, next request). Feeds read the entries' change
# notes in one query however many items and notes there are.
URLS = {
    "/en/news/feed/rss/": (11, 8),
    "/en/news/feed/atom/": (11, 8),
    "/en/news/feed/json/": (11, 8),
    "/en/news/story/feed/rss/": (11, 8),
    "TOPIC/feed/atom/": (11, 8),
    "/en/people/jens-stoltenberg/feed/json/": (12, 9),
    # Item lists: the day histogram and each page's items kept per generation (core/seek.py).
    "/api/v1/items/?page_size=100": (9, 2),
    "/api/v1/items/?page_size=100&topic=TOPIC_SLUG&person=jens-stoltenberg&place=BE": (11, 4),
    "/api/v1/items/?page_size=100&q=Allies&type=story": (8, 7),
    "/api/v1/topics/": (3, 3),
    "/api/v1/people/": (4, 4),
    "/sitemap.xml": (16, 15),  # +1 query each for the items' and pages' hreflang alternates
    "/sitemap-news.xml": (2, 1),
}


def count_queries(client, url):
    """(queries of the first request after another item's publish, of the next request). The
    first requests may create image renditions and the site's settings; values kept per site
    generation (newsroom/caching/memo.py) are read again after a publish."""
    from newsroom.caching import generation

    client.get(url)
    client.get(url)
    generation.bump()  # what publishing another item does: a new generation, the same epoch
    with CaptureQueriesContext(connection) as after_publish:
        response = client.get(url)
    assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as again:
        client.get(url)
    return len(after_publish), len(again)


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
