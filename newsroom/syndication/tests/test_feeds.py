"""Every feed, parsed by feedparser as aggregators do: no parse error, every required element,
correct dates, escaping that survives headlines with &, <, quotes and non-Latin characters."""

import datetime
import json

import feedparser
import pytest
from django.utils import timezone

from .conftest import HOSTILE_TITLE

FORMATS = ("rss", "atom", "json")


def feed_urls(topic, person_slug="jens-stoltenberg"):
    urls = []
    for fmt in FORMATS:
        urls += [
            f"/en/news/feed/{fmt}/",
            f"/en/news/story/feed/{fmt}/",
            f"/en/news/video/feed/{fmt}/",
            f"{topic.url}feed/{fmt}/",
            f"/en/people/{person_slug}/feed/{fmt}/",
        ]
    return urls


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    if url.endswith("/json/"):
        assert response["Content-Type"].startswith("application/feed+json")
        return response, json.loads(response.content)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, (url, parsed.get("bozo_exception"))
    return response, parsed


@pytest.fixture
def newsroom(story, video, topic, person):
    return {"story": story, "video": video, "topic": topic, "person": person}


def test_every_feed_parses_and_has_the_required_elements(client, newsroom):
    for url in feed_urls(newsroom["topic"]):
        response, parsed = parse(client, url)
        if url.endswith("/json/"):
            assert parsed["version"] == "https://jsonfeed.org/version/1.1"
            assert parsed["title"] and parsed["home_page_url"].startswith("http://testserver/")
            assert parsed["feed_url"] == f"http://testserver{url}"
            assert parsed["language"] == "en"
            for item in parsed["items"]:
                assert item["id"].startswith("urn:uuid:")
                assert item["content_html"] and item["url"] and item["title"]
                datetime.datetime.fromisoformat(item["date_published"])
            continue
        feed = parsed.feed
        assert feed.title and feed.link.startswith("http://testserver/")
        assert feed.language == "en"
        if url.endswith("/rss/"):
            assert parsed.version == "rss20"
            assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
            assert feed.description
        else:
            assert parsed.version == "atom10"
            assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
            assert feed.id and feed.updated and feed.author
        assert any(
            link.rel == "self" and link.href == f"http://testserver{url}" for link in feed.links
        ), url
        for entry in parsed.entries:
            assert entry.title and entry.link.startswith("http://testserver/en/news/")
            assert entry.id.startswith("urn:uuid:")
            assert entry.published_parsed and entry.summary
            assert entry.content[0].value


def test_feeds_follow_what_they_say(client, newsroom):
    story, video = newsroom["story"], newsroom["video"]
    titles = dict.fromkeys(feed_urls(newsroom["topic"]))
    for url in titles:
        _response, parsed = parse(client, url)
        entries = parsed["items"] if url.endswith("/json/") else parsed.entries
        titles[url] = {entry["title"] for entry in entries}
    for fmt in FORMATS:
        assert titles[f"/en/news/feed/{fmt}/"] == {story.title, video.title}
        assert titles[f"/en/news/story/feed/{fmt}/"] == {story.title}
        assert titles[f"/en/news/video/feed/{fmt}/"] == {video.title}
        assert titles[f"{newsroom['topic'].url}feed/{fmt}/"] == {story.title, video.title}
        assert titles[f"/en/people/jens-stoltenberg/feed/{fmt}/"] == {story.title}


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_xml_entries_escape_and_date_correctly(client, newsroom, fmt):
    story = newsroom["story"]
    _response, parsed = parse(client, f"/en/news/story/feed/{fmt}/")
    (entry,) = parsed.entries
    assert entry.title == HOSTILE_TITLE
    # The teaser is plain text: the reader must show its <b> literally, not as markup.
    assert "&lt;b&gt;not bold&lt;/b&gt;" in entry.summary
    assert "&amp;" in entry.summary
    assert "Ελλάδα, Україна, 北约" in entry.content[0].value
    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)
    assert abs(published - story.first_published_at) < datetime.timedelta(seconds=1)
    assert [tag.term for tag in entry.tags] == ["Ukraine & Allies"]
    enclosure = entry.enclosures[0]
    assert enclosure.type == "image/jpeg" and enclosure.href.startswith("http://testserver/media/")
    assert entry.media_content[0]["medium"] == "image"


def test_rss_dates_are_rfc822_with_a_numeric_zone(client, newsroom):
    content = client.get("/en/news/feed/rss/").content.decode()
    local = timezone.localtime(newsroom["story"].first_published_at)
    assert f"<pubDate>{local:%a, %d %b %Y %H:%M:%S %z}</pubDate>" in content


def test_json_feed_keeps_text_as_text(client, newsroom):
    _response, feed = parse(client, "/en/news/story/feed/json/")
    (item,) = feed["items"]
    assert item["title"] == HOSTILE_TITLE
    assert item["summary"] == newsroom["story"].teaser
    assert item["tags"] == ["Ukraine & Allies"]
    assert item["image"].startswith("http://testserver/media/images/")
    published = datetime.datetime.fromisoformat(item["date_published"])
    assert abs(published - newsroom["story"].first_published_at) < datetime.timedelta(seconds=1)


def test_guid_survives_a_headline_slug_and_date_edit(client, newsroom):
    story = newsroom["story"]
    before = {fmt: parse(client, f"/en/news/story/feed/{fmt}/")[1] for fmt in FORMATS}
    story.title = "A completely new headline"
    story.slug = "a-completely-new-headline"
    story.display_date = story.display_date - datetime.timedelta(days=3)
    story.save_revision().publish()
    after = {fmt: parse(client, f"/en/news/story/feed/{fmt}/")[1] for fmt in FORMATS}
    for fmt in ("rss", "atom"):
        assert before[fmt].entries[0].id == after[fmt].entries[0].id
        assert after[fmt].entries[0].title == "A completely new headline"
    assert before["json"]["items"][0]["id"] == after["json"]["items"][0]["id"]


def test_body_links_and_images_are_absolute(client, news_index):
    from newsroom.news.factories import StoryPageFactory

    StoryPageFactory(
        parent=news_index,
        body=[("paragraph", '<p>See <a href="/en/topics/">our topics</a>.</p>')],
    )
    _response, parsed = parse(client, "/en/news/feed/rss/")
    assert 'href="http://testserver/en/topics/"' in parsed.entries[0].content[0].value


def test_feeds_answer_304_to_a_known_etag(client, newsroom):
    for url in feed_urls(newsroom["topic"]):
        first = client.get(url)
        assert first["ETag"]
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, url
        assert again.content == b""


def test_etag_changes_when_an_item_is_published(client, newsroom, news_index):
    from newsroom.news.factories import StoryPageFactory

    first = client.get("/en/news/feed/atom/")
    StoryPageFactory(parent=news_index)
    assert client.get("/en/news/feed/atom/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_feeds_hold_the_newest_fifty(client, many_items):
    many_items(55)
    _response, parsed = parse(client, "/en/news/feed/rss/")
    assert len(parsed.entries) == 50
    dates = [entry.published_parsed for entry in parsed.entries]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    "url",
    [
        "/en/news/nonsense/feed/rss/",
        "/en/news/feed/xml/",
        "/en/people/nobody-at-all/feed/rss/",
        "/en/topics/no-such-topic/feed/rss/",
    ],
)
def test_unknown_feeds_are_404(client, newsroom, url):
    assert client.get(url).status_code == 404


def test_feed_without_format_redirects_to_rss(client, news_index):
    response = client.get("/en/news/feed/")
    assert response.status_code == 301 and response["Location"].endswith("/en/news/feed/rss/")


def test_pages_with_feeds_advertise_them(client, newsroom):
    from bs4 import BeautifulSoup

    topic = newsroom["topic"]
    expected = {
        "/en/": "/en/news/feed/",
        "/en/news/": "/en/news/feed/",
        "/en/news/?type=video": "/en/news/video/feed/",
        topic.url: f"{topic.url}feed/",
        "/en/people/jens-stoltenberg/": "/en/people/jens-stoltenberg/feed/",
    }
    for page, feed_base in expected.items():
        soup = BeautifulSoup(client.get(page).content, "html.parser")
        links = {
            link["type"]: link["href"]
            for link in soup.find_all("link", rel="alternate")
            if link["href"].startswith(feed_base)
        }
        assert links == {
            "application/rss+xml": f"{feed_base}rss/",
            "application/atom+xml": f"{feed_base}atom/",
            "application/feed+json": f"{feed_base}json/",
        }, page
        for href in links.values():
            assert client.get(href).status_code == 200


def test_uploaded_video_is_the_rss_enclosure(client, news_index):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from newsroom.news.factories import VideoPageFactory

    document = Document(title="Clip")
    document.file.save("clip.mp4", ContentFile(b"\x00" * 2048), save=False)
    document.save()
    VideoPageFactory(parent=news_index, video_url="", video_file=document)
    _response, parsed = parse(client, "/en/news/video/feed/rss/")
    enclosure = parsed.entries[0].enclosures[0]
    assert enclosure.type == "video/mp4" and enclosure.length == "2048"
    _response, feed = parse(client, "/en/news/video/feed/json/")
    attachment = feed["items"][0]["attachments"][0]
    assert attachment["mime_type"] == "video/mp4" and attachment["duration_in_seconds"] == 205
