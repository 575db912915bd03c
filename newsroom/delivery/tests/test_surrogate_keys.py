"""Surrogate keys: each public response names what it shows, and each change purges its keys."""

import datetime
import http.server
import logging
import threading

import pytest
from wagtail.images import get_image_model

from newsroom.caching import surrogate
from newsroom.delivery import purge
from newsroom.images.factories import ImageFactory
from newsroom.news.factories import StoryPageFactory
from newsroom.topics.factories import PersonFactory, TopicPageFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2023, 11, 17)


@pytest.fixture
def topic(topic_index):
    return TopicPageFactory(parent=topic_index, title="Cyber defence", slug="cyber-defence")


@pytest.fixture
def person(home):
    return PersonFactory(name="Anna Andersen", slug="anna-andersen")


@pytest.fixture
def story(news_index, topic, person):
    return StoryPageFactory(
        parent=news_index, title="Keyed story", slug="keyed-story", display_date=DAY,
        topics=[topic], people=[person], listing_image=ImageFactory(),
    )  # fmt: skip


def keys_of(response):
    return response.headers["xkey"].split()


def test_an_items_page_carries_the_keys_of_what_it_shows_and_no_list_key(
    cached_site, story, topic, person
):
    first = cached_site.get(story.url)
    assert first.status_code == 200
    keys = keys_of(first)
    image = get_image_model().objects.get(pk=story.listing_image_id)
    expected = {
        surrogate.ALL,
        f"page-{story.pk}",
        f"page-{topic.pk}",
        f"related-{topic.pk}",
        f"person-{person.pk}",
        surrogate.key_for(image),
        f"translations-{story.translation_key}",
    }
    assert expected <= set(keys)
    assert surrogate.LISTS not in keys
    # The same keys in the CDNs' spellings, and on the copy the page cache answers with.
    assert first.headers["surrogate-key"] == first.headers["xkey"]
    assert first.headers["cache-tag"].split(",") == keys
    again = cached_site.get(story.url)
    assert again.cache == "HIT" and keys_of(again) == keys


def test_a_listing_carries_the_list_key_and_its_items_keys(cached_site, story):
    keys = keys_of(cached_site.get("/en/news/"))
    assert {surrogate.ALL, surrogate.LISTS, f"page-{story.pk}"} <= set(keys)
    assert surrogate.key_for_id(get_image_model(), story.listing_image_id) in keys


def test_private_answers_carry_no_keys(cached_site, admin_client, story):
    response = admin_client.get("/admin/")
    assert "xkey" not in response.headers
    assert "xkey" not in cached_site.get("/en/press/").headers


# --- which keys each rule purges --------------------------------------------------------------
class RecordingVarnish(http.server.BaseHTTPRequestHandler):
    """A stand-in for Varnish's PURGE endpoint on 127.0.0.1: records or refuses purges."""

    purged = []
    failures_left = 0

    def do_PURGE(self):  # noqa: N802 - the method's name is the HTTP verb
        if RecordingVarnish.failures_left > 0:
            RecordingVarnish.failures_left -= 1
            self.send_response(503)
        else:
            RecordingVarnish.purged.append(self.headers.get("xkey-purge", ""))
            self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_varnish(settings):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RecordingVarnish)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    RecordingVarnish.purged.clear()
    RecordingVarnish.failures_left = 0
    yield RecordingVarnish
    server.shutdown()
    server.server_close()


@pytest.fixture
def keys_sent(monkeypatch):
    """The keys each change hands to the purger (sent at once, in this thread)."""
    sent = []
    monkeypatch.setattr(purge.purger, "submit", lambda keys, **kwargs: sent.append(set(keys)))
    return sent


def test_a_corrected_item_purges_its_key_lists_translations_and_related(
    fake_varnish, keys_sent, story, topic, publish
):
    story.title = "Corrected"
    publish(lambda: story.save_revision().publish())
    assert keys_sent == [
        {
            f"page-{story.pk}",
            surrogate.LISTS,
            f"translations-{story.translation_key}",
            f"related-{topic.pk}",
        }
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("unpublish item", lambda s, t, p: {f"page-{s.pk}", surrogate.LISTS}),
        ("move item", lambda s, t, p: {f"page-{s.pk}", surrogate.LISTS}),
        ("delete item", lambda s, t, p: {f"page-{s.pk}", surrogate.LISTS}),
        ("publish topic", lambda s, t, p: {f"page-{t.pk}", surrogate.LISTS}),
        ("save person", lambda s, t, p: {f"person-{p.pk}", surrogate.LISTS}),
        ("publish section", lambda s, t, p: {surrogate.ALL}),
    ],
)
def test_each_rule_purges_the_keys_of_what_changed(
    change, expected, fake_varnish, keys_sent, story, topic, person, news_index, publish
):
    from wagtail.models import Page

    action = {
        "unpublish item": story.unpublish,
        "move item": lambda: Page.objects.get(pk=story.pk).move(news_index, pos="first-child"),
        "delete item": lambda: Page.objects.get(pk=story.pk).delete(),
        "publish topic": lambda: topic.save_revision().publish(),
        "save person": person.save,
        "publish section": lambda: news_index.save_revision().publish(),
    }[change]
    publish(action)
    assert keys_sent and expected(story, topic, person) <= keys_sent[-1]


def test_an_image_purges_its_pages_and_every_list(fake_varnish, keys_sent, story, publish):
    image = get_image_model().objects.get(pk=story.listing_image_id)
    image.title = "New caption"
    publish(image.save)
    assert keys_sent == [{surrogate.key_for(image), surrogate.LISTS}]


def test_keys_reach_varnish_as_one_purge_request(fake_varnish):
    assert purge.purge_keys_now(["page-3", "items", "page-3"]) == {}
    assert fake_varnish.purged == ["items page-3"]


def test_a_failed_purge_is_logged_and_tried_again(fake_varnish, caplog):
    fake_varnish.failures_left = 1
    purger = purge.Purger()
    with caplog.at_level(logging.WARNING, logger="newsroom.delivery.purge"):
        later = purger.attempt(0, ["page-3"], None, 0, True)
    assert fake_varnish.purged == []
    assert "trying again in 1.0 s" in caplog.text
    retry, settle = sorted(later, key=lambda job: job[3], reverse=True)
    assert retry[1:4] == (["page-3"], {"varnish": retry[2]["varnish"]}, 1)
    purger.attempt(*retry)
    assert fake_varnish.purged == ["page-3"]


def test_a_purge_that_keeps_failing_gives_up_within_s_maxage(fake_varnish, settings, caplog):
    settings.NEWSROOM_CACHE_S_MAXAGE = 2
    fake_varnish.failures_left = 100
    purger = purge.Purger()
    job, tries = (0, ["page-3"], None, 0, False), 0
    with caplog.at_level(logging.WARNING, logger="newsroom.delivery.purge"):
        while job is not None:
            later = purger.attempt(*job)
            job = later[0] if later else None
            tries += 1
    assert tries == 2  # 1 s, then 1 + 2 s > s-maxage
    assert "giving up: its pages age out within s-maxage (2 s)" in caplog.text


def test_feeds_and_api_lists_are_kept_by_shared_caches_for_s_maxage(cached_site, story, settings):
    for url in ("/en/news/feed/rss/", "/api/v1/items/"):
        response = cached_site.get(url)
        assert response.status_code == 200, url
        cache_control = response.headers["cache-control"]
        assert "public" in cache_control and "s-maxage=60" in cache_control, (url, cache_control)
        assert surrogate.LISTS in keys_of(response)


def test_a_speech_carries_its_speakers_key(cached_site, news_index, person):
    from newsroom.news.factories import SpeechPageFactory

    speech = SpeechPageFactory(parent=news_index, slug="a-speech", display_date=DAY, speaker=person)
    assert f"person-{person.pk}" in keys_of(cached_site.get(speech.url))
