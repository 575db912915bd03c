"""What every page's <head> and the site's fixed addresses give browsers, crawlers and caches:
icons and the web app manifest, a meta description on every page type, links whose accessible
name says where they go, and a year's cache lifetime for files whose name never changes content
(image renditions, hashed static files)."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.templatetags.static import static
from django.test import override_settings
from django.urls import re_path
from wagtail.models import Site

from newsroom import urls as project_urls
from newsroom.core.models import OrganisationSettings
from newsroom.delivery.tests.wsgi_client import WSGIClient, django_app
from newsroom.images.factories import ImageFactory
from newsroom.news.factories import StoryPageFactory, VideoPageFactory
from newsroom.topics.factories import PersonFactory, TopicPageFactory

pytestmark = pytest.mark.django_db
IMMUTABLE = "public, max-age=31536000, immutable"
DAY = datetime.date(2023, 11, 15)


def soup(response):
    assert response.status_code == 200, response
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def newsroom(home, news_index, topic_index):
    organisation = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    organisation.name = "North Atlantic Treaty Organization"
    organisation.newsroom_title = "NATO Newsroom"
    organisation.short_name = "NATO"
    organisation.save()
    news_index.introduction = "Every story, video and release the press office publishes."
    news_index.save_revision().publish()
    topic = TopicPageFactory(
        parent=topic_index, title="Readiness", slug="readiness", introduction="How Allies train."
    )
    PersonFactory(name="Ana Minister", slug="ana-minister", role="Minister of Defence")
    story = StoryPageFactory(
        parent=news_index,
        title="Allies meet in Brussels",
        slug="allies-meet",
        display_date=DAY,
        teaser="Ministers agreed a plan for the winter.",
        topics=[topic],
    )
    VideoPageFactory(parent=news_index, title="Exercise in pictures", display_date=DAY)
    return {"story": story, "topic": topic}


def test_favicon_ico_answers_at_the_root_with_an_icon(client, home):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # the ICO header
    assert "max-age=86400" in response["Cache-Control"]


def test_the_manifest_names_the_newsroom_and_its_icons_exist(client, newsroom):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/manifest+json")
    manifest = json.loads(response.content)
    assert manifest["name"] == "NATO Newsroom" and manifest["short_name"] == "NATO"
    assert manifest["start_url"] == "/"
    types = {icon["type"] for icon in manifest["icons"]}
    assert types == {"image/svg+xml", "image/png"}
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon


def test_every_page_links_the_icons_and_the_manifest(client, newsroom):
    head = soup(client.get("/en/")).head
    assert head.select_one('link[rel="icon"][type="image/svg+xml"]')["href"].endswith(".svg")
    assert head.select_one('link[rel="icon"][href$=".ico"]')
    assert head.select_one('link[rel="apple-touch-icon"]')
    assert head.select_one('link[rel="manifest"]')["href"] == "/manifest.webmanifest"


def test_every_public_page_type_has_a_meta_description(client, newsroom):
    story, topic = newsroom["story"], newsroom["topic"]
    expected = {
        "/en/": "News, press releases, speeches, videos and media advisories from North "
        "Atlantic Treaty Organization.",
        "/en/news/": "Every story, video and release the press office publishes.",
        "/en/news/?type=story": "Every story, video and release the press office publishes.",
        "/en/news/2023/11/": "Every story, video and release the press office publishes.",
        story.url: "Ministers agreed a plan for the winter.",
        topic.url: "How Allies train.",
        "/en/people/ana-minister/": "Ana Minister Minister of Defence",
        "/en/search/?q=allies": "News, press releases, speeches, videos and media advisories "
        "from North Atlantic Treaty Organization.",
        "/en/search/": "News, press releases, speeches, videos and media advisories from "
        "North Atlantic Treaty Organization.",
    }
    for address, description in expected.items():
        meta = soup(client.get(address)).select('meta[name="description"]')
        assert len(meta) == 1, address
        assert meta[0]["content"] == description, address
    for address in ("/en/topics/", "/en/people/", "/en/media/", "/en/events/"):
        meta = soup(client.get(address)).select_one('meta[name="description"]')
        assert meta and meta["content"].strip(), address


def test_read_more_keeps_its_words_and_its_accessible_name_gains_the_headline(client, newsroom):
    for address in ("/en/", "/en/news/"):
        calls = soup(client.get(address)).select(".card__more a")
        assert calls, address
        for link in calls:
            visible = link.find(string=True, recursive=False).strip()
            hidden = link.select_one(".visually-hidden").get_text()
            assert visible in ("Read more", "Watch Video"), address
            assert hidden.removeprefix(": ") in ("Allies meet in Brussels", "Exercise in pictures")
            assert not link.get("aria-hidden") and link.get("tabindex") is None


# Newsroom serves media itself only in embedded mode (SERVE_MEDIA); elsewhere the web server
# does (deploy/docker/nginx.conf gives renditions the same lifetime). This route list has the
# media route whatever the database, so both test passes check Newsroom's own answer.
urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", project_urls.serve_media),
    *project_urls.urlpatterns,
]


@pytest.mark.urls(__name__)
def test_a_rendition_is_cached_for_a_year(client, home):
    image = ImageFactory()
    rendition = image.get_rendition("fill-480x270")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == IMMUTABLE
    original = client.get(image.file.url)
    assert original.status_code == 200 and "immutable" not in original.get("Cache-Control", "")


def test_a_hashed_static_file_is_cached_for_a_year_and_its_plain_name_is_not(
    home, tmp_path, settings
):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(
        STATIC_ROOT=tmp_path / "static",
        # The project's own files only: enough to check the headers, and quick.
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
    ):
        call_command("collectstatic", "--no-input", "-v", "0")
        hashed = static("css/newsroom.css")
        assert hashed != "/static/css/newsroom.css"  # a hashed name
        readers = WSGIClient(django_app())  # WhiteNoise reads STATIC_ROOT when it starts
        response = readers.get(hashed)
        assert response.status_code == 200
        assert response.headers["cache-control"] == IMMUTABLE
        plain = readers.get("/static/css/newsroom.css")
        assert plain.status_code == 200
        assert "immutable" not in plain.headers["cache-control"]
