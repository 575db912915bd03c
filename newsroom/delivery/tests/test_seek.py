"""Seek pagination gives exactly the pages OFFSET would, with a constant number of queries."""

import datetime
import random
import re

import pytest
from django.core.paginator import Paginator

from newsroom.caching import generation
from newsroom.core import seek
from newsroom.news.factories import StoryPageFactory, VideoPageFactory
from newsroom.news.models import NewsItemPage
from newsroom.synthetic.bulk_pages import add_live_children
from newsroom.topics.factories import PersonFactory, TopicPageFactory

pytestmark = pytest.mark.django_db


def add_items(news_index, count, *, seed=3, topics=()):
    """``count`` items on a few days, several per day (ties on the display date)."""
    rng = random.Random(seed)
    start = datetime.date(2023, 1, 1)
    pages = []
    for number in range(count):
        page = StoryPageFactory.build(
            title=f"Item {number}",
            slug=f"item-{seed}-{number}",
            display_date=start + datetime.timedelta(days=rng.randrange(12)),
        )
        page.topics = [topic for topic in topics if rng.random() < 0.5]
        pages.append(page)
    add_live_children(news_index, pages)
    generation.content_saved()
    return pages


def offset_pages(queryset, per_page):
    paginator = Paginator(queryset, per_page)
    return [[item.pk for item in paginator.page(n).object_list] for n in paginator.page_range]


def seek_pages(queryset, per_page):
    paginator = seek.DateSeekPaginator(queryset, per_page)
    return [[item.pk for item in paginator.page(n).object_list] for n in paginator.page_range]


@pytest.mark.parametrize("per_page", [1, 3, 10])
def test_every_page_matches_offset_pagination(news_index, per_page):
    add_items(news_index, 45)
    queryset = news_index.items()
    assert seek_pages(queryset, per_page) == offset_pages(queryset, per_page)
    assert seek.DateSeekPaginator(queryset, per_page).count == 45


def test_filtered_listings_match_too(news_index, topic_index):
    topic = TopicPageFactory(parent=topic_index)
    add_items(news_index, 40, topics=[topic])
    for queryset in [
        NewsItemPage.objects.for_listing().filter(topics=topic),
        news_index.items().filter(display_date__gte=datetime.date(2023, 1, 5)),
        news_index.items().filter(display_date=datetime.date(2023, 1, 3)),
    ]:
        assert seek_pages(queryset, 7) == offset_pages(queryset, 7)


def test_listing_pages_through_http_match_offset(client, news_index):
    add_items(news_index, 35)
    expected = offset_pages(news_index.items(), 10)
    for number, ids in enumerate(expected, start=1):
        html = client.get(f"/en/news/?page={number}").content.decode()
        titles = [NewsItemPage.objects.get(pk=pk).title for pk in ids]
        positions = [html.index(f">{title}</a>") for title in titles]
        assert positions == sorted(positions), number
    assert client.get("/en/news/?page=5").status_code == 404
    assert "Page 2 of 4" in client.get("/en/news/?page=2").content.decode()


def test_a_new_item_is_counted_at_once(client, news_index):
    add_items(news_index, 10)
    assert "Page 1 of" not in client.get("/en/news/").content.decode()
    StoryPageFactory(parent=news_index, display_date=datetime.date(2024, 1, 1))
    assert "Page 1 of 2" in client.get("/en/news/").content.decode()


def test_the_front_page_shows_the_newest_items(client, news_index):
    pages = add_items(news_index, 30)
    newest = offset_pages(news_index.items(), 10)[0]
    html = client.get("/en/").content.decode()
    for page in pages:
        assert (f">{page.title}</a>" in html) == (page.pk in newest)


def test_archive_years_come_from_the_histogram(news_index):
    add_items(news_index, 5)
    StoryPageFactory(parent=news_index, display_date=datetime.date(2019, 5, 1))
    assert news_index.archive_years() == [2023, 2019]


@pytest.mark.parametrize(
    "url",
    ["/en/", "/en/news/", "/en/news/?page=2", "/en/news/2023/", "/en/topics/{topic}/"],
)
def test_query_counts_do_not_grow_with_the_archive(
    client, news_index, topic_index, django_assert_max_num_queries, url
):
    topic = TopicPageFactory(parent=topic_index, slug="defence")
    url = url.format(topic=topic.slug)
    add_items(news_index, 25, seed=1, topics=[topic])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm up
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    small_count = len(small.captured_queries)
    assert small_count > 3
    add_items(news_index, 200, seed=2, topics=[topic])
    client.get(url)
    with django_assert_max_num_queries(small_count):
        assert client.get(url).status_code == 200


def test_a_listing_that_can_hold_nothing_pages_as_empty(news_index):
    queryset = NewsItemPage.objects.for_listing().filter(pk__in=[])
    paginator = seek.DateSeekPaginator(queryset, 10, allow_empty_first_page=True)
    assert paginator.count == 0 and list(paginator.page(1).object_list) == []
    assert list(seek.head(queryset, 5)) == []
    assert list(seek.head(NewsItemPage.objects.for_listing(), 0)) == []


def titles_on(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return set(re.findall(r">((?:Item|Briefing) [-\w]+)</a>", response.text))


def test_listings_that_differ_never_share_their_kept_pages(client, news_index, topic_index):
    # Listings are kept by what their page knows about them (core/seek.py: "news listing",
    # index page, filters; topic; person; archive period), not by their SQL: each variant
    # must still get its own items, first and second time, within one generation.
    first = TopicPageFactory(parent=topic_index, slug="first")
    second = TopicPageFactory(parent=topic_index, slug="second")
    pages = add_items(news_index, 8, topics=[first, second])
    alice, bob = PersonFactory(name="Alice"), PersonFactory(name="Bob")
    VideoPageFactory(
        parent=news_index, title="Briefing 2022", display_date=datetime.date(2022, 6, 1),
        people=[alice], topics=[second],
    )  # fmt: skip
    StoryPageFactory(
        parent=news_index, title="Briefing 2021", display_date=datetime.date(2021, 6, 1),
        people=[bob],
    )  # fmt: skip
    items = {page.title for page in pages}
    with_first = {page.title for page in pages if first in page.topics.all()}
    with_second = {page.title for page in pages if second in page.topics.all()} | {"Briefing 2022"}
    assert with_first and with_second and with_first != with_second - {"Briefing 2022"}
    expected = {
        "/en/news/": items | {"Briefing 2022", "Briefing 2021"},
        "/en/news/?topic=first": with_first,
        "/en/news/?topic=second": with_second,
        "/en/news/?type=video": {"Briefing 2022"},
        "/en/news/?type=story": items | {"Briefing 2021"},
        "/en/news/?from=2022-01-01&to=2022-12-31": {"Briefing 2022"},
        "/en/news/2022/": {"Briefing 2022"},
        "/en/news/2021/": {"Briefing 2021"},
        "/en/news/2023/": items,
        "/en/topics/first/": with_first,
        "/en/topics/second/": with_second,
        "/en/people/alice/": {"Briefing 2022"},
        "/en/people/bob/": {"Briefing 2021"},
    }
    for _ in range(2):  # rendered, then served from the kept pages
        for url, titles in expected.items():
            assert titles_on(client, url) == titles, url
