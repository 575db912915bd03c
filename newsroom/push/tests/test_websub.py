"""WebSub: with NEWSROOM_WEBSUB_HUB set, every public feed names the hub and itself (in the
document and in a Link header), and a publish pings the hub, through the queue, for every feed
the item changed; without it, feeds say nothing of a hub and nothing is pinged."""

import datetime
import json
from urllib.parse import parse_qs

import pytest

from newsroom.news.factories import PressReleasePageFactory
from newsroom.topics.factories import TopicPageFactory

pytestmark = pytest.mark.django_db
FEED = "https://news.example.org/en/news/feed/{fmt}/"


def test_feeds_name_the_hub_and_a_publish_pings_it(
    settings, receiver, client, news_index, topic_index, django_capture_on_commit_callbacks
):
    settings.NEWSROOM_WEBSUB_HUB = receiver.url
    topic = TopicPageFactory(parent=topic_index, title="Readiness", slug="readiness")
    day = datetime.date(2023, 11, 17)
    page = PressReleasePageFactory(
        parent=news_index, live=False, title="A plan", slug="a-plan", display_date=day
    )
    page.topics.set([topic])
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    pinged = [parse_qs(row["body"].decode()) for row in receiver.received]
    assert all(ping["hub.mode"] == ["publish"] for ping in pinged)
    urls = [ping["hub.url"][0] for ping in pinged]
    for fmt in ("rss", "atom", "json"):
        assert FEED.format(fmt=fmt) in urls
        assert f"https://news.example.org/en/news/press-release/feed/{fmt}/" in urls
        assert f"https://news.example.org/en/topics/readiness/feed/{fmt}/" in urls

    rss = client.get("/en/news/feed/rss/")
    body = rss.content.decode()
    assert f'<atom:link href="{receiver.url}" rel="hub"/>' in body
    assert '<atom:link href="http://testserver/en/news/feed/rss/" rel="self"/>' in body
    own = "http://testserver/en/news/feed/rss/"
    assert rss["Link"] == f'<{receiver.url}>; rel="hub", <{own}>; rel="self"'
    atom = client.get("/en/news/feed/atom/").content.decode()
    assert f'<link href="{receiver.url}" rel="hub"' in atom and 'rel="self"' in atom
    document = json.loads(client.get("/en/news/feed/json/").content)
    assert document["hubs"] == [{"type": "WebSub", "url": receiver.url}]


def test_without_a_hub_feeds_name_none_and_nothing_is_pinged(
    settings, receiver, client, news_index, django_capture_on_commit_callbacks
):
    settings.NEWSROOM_WEBSUB_HUB = ""
    page = PressReleasePageFactory(parent=news_index, live=False, title="A plan", slug="a-plan")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert receiver.received == []
    rss = client.get("/en/news/feed/rss/")
    assert 'rel="hub"' not in rss.content.decode() and "Link" not in rss
    assert "hubs" not in json.loads(client.get("/en/news/feed/json/").content)
