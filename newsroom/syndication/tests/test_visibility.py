"""Only published, public items leave the building: drafts, scheduled, expired and private items
appear in no feed, sitemap, API answer, ninjs document or oEmbed answer."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from newsroom.news.factories import StoryPageFactory


@pytest.fixture
def hidden_items(news_index, topic, person, home):
    """Four items that must never appear, each tagged like the public story."""
    from .conftest import tag_items

    today = timezone.localdate()
    draft = StoryPageFactory(
        parent=news_index, title="Hidden draft", live=False, display_date=today
    )
    scheduled = StoryPageFactory(parent=news_index, title="Hidden scheduled", display_date=today)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=2)
    scheduled.save_revision().publish()  # with a future go-live, publishing only schedules it
    scheduled.refresh_from_db()
    expired = StoryPageFactory(parent=news_index, title="Hidden expired", display_date=today)
    # Expired an hour ago, before the publish_scheduled command has unpublished it.
    type(expired).objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - datetime.timedelta(hours=1)
    )
    private = StoryPageFactory(parent=news_index, title="Hidden private", display_date=today)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    items = [draft, scheduled, expired, private]
    tag_items(items, topics=[topic], people=[person])
    assert not scheduled.live and draft.live is False
    return items


def outputs(client, topic, story):
    urls = ["/sitemap.xml", "/sitemap-items.xml", "/sitemap-news.xml"]
    for fmt in ("rss", "atom", "json"):
        urls += [
            f"/en/news/feed/{fmt}/",
            f"/en/news/story/feed/{fmt}/",
            f"{topic.url}feed/{fmt}/",
            f"/en/people/jens-stoltenberg/feed/{fmt}/",
        ]
    urls += [
        "/api/v1/items/?page_size=100",
        "/api/v1/items/?q=hidden",
        f"/api/v1/items/?topic={topic.slug}",
        "/api/v1/items/?person=jens-stoltenberg",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        yield url, response.content.decode()


def test_hidden_items_appear_nowhere(client, story, topic, hidden_items):
    for url, content in outputs(client, topic, story):
        assert story.title.split()[0] in content or "sitemap" in url or "q=" in url, url
        for item in hidden_items:
            assert item.title not in content, (item.title, url)
            assert item.slug not in content, (item.slug, url)


def test_hidden_items_have_no_ninjs_api_or_oembed(client, story, hidden_items):
    for item in hidden_items:
        date = item.display_date
        ninjs = f"/en/news/{date:%Y/%m/%d}/{item.slug}/ninjs.json"
        assert client.get(ninjs).status_code == 404, item.title
        assert client.get(f"/api/v1/items/{item.pk}/").status_code == 404
        assert client.get(f"/api/v1/items/{item.pk}/ninjs/").status_code == 404
        page_url = f"http://testserver/en/news/{date:%Y/%m/%d}/{item.slug}/"
        assert client.get("/api/oembed/", {"url": page_url}).status_code == 404
        assert client.get(f"/api/oembed/frame/{item.pk}/").status_code == 404
    # ... while the public story has all of them.
    assert client.get(f"{story.url}ninjs.json").status_code == 200
    assert client.get(f"/api/v1/items/{story.pk}/").status_code == 200
