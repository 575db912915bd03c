"""The demo newsroom, tested through what a user touches: its public pages and the admin.

The English demo is loaded once for the module (test_demo_setup.py tests the commands that
load it); each test runs in its own savepoint on top of it."""

import hashlib
import io
import re
from pathlib import Path
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from PIL import Image
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders import get_finders
from wagtail.models import Page

from demo import content, loader
from demo.loader import load_demo
from newsroom.caching import fragments
from newsroom.core.models import OrganisationSettings, StandardPage
from newsroom.home.site_tree import ensure_site_tree
from newsroom.images.models import NewsroomImage
from newsroom.news.models import NewsIndexPage, NewsItemPage, VideoPage
from newsroom.topics.models import Person, TopicPage

SEED_DIGESTS = Path(__file__).with_name("seed_sentences.sha256")
# ``load_demo`` is called by its class: the suite on PostgreSQL runs in production mode, where
# demo/ is not an installed app (its commands are not found by name).

FRONT_PAGE_ITEMS = content.ITEMS[:10]
# One phrase per seed item, in the seed's order: proves each headline is about the seed's event.
SEED_EVENTS = [
    "College of Commissioners",
    "Rinkēvičs",
    "EU Defence Ministers",
    "E-7A Wedgetail",
    "NATO-Ukraine Council",
    "Bulgaria",
    "Ukrainian medics",
    "CIOR",
    "Resilience Course for Civil Experts",
    "The European Union",
]


@pytest.fixture(scope="module")
def english_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The English newsroom, loaded once for the module inside a transaction rolled back at the
    end; each test runs in its own savepoint on top of it. English only: the French
    translations are tested once for all in test_demo_french.py."""
    media = tmp_path_factory.mktemp("english-demo-media")
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=media,
            WAGTAILEMBEDS_FINDERS=[{"class": "newsroom.core.fake_embeds.OfflineEmbedFinder"}],
        ),
        mock.patch.dict(loader.TRANSLATIONS, clear=True),
        transaction.atomic(),
    ):
        get_finders.cache_clear()
        cache.clear()
        home, _ = ensure_site_tree()
        load_demo(home, stdout=io.StringIO())
        yield media, home.pk
        transaction.set_rollback(True)


@pytest.fixture
def demo(english_demo, _test_environment, settings, db):
    """The loaded demo's home page, with this test's settings pointing at its pictures."""
    media, home_pk = english_demo
    settings.MEDIA_ROOT = media
    return Page.objects.get(pk=home_pk).specific


def english(model):
    return model.objects.filter(locale__language_code="en")


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def texts(elements):
    return [" ".join(element.get_text().split()) for element in elements]


# --- the front page --------------------------------------------------------------------------


@pytest.mark.django_db
def test_front_page_is_the_seed_front_page_rebuilt(client, demo):
    page = soup(client.get("/en/"))

    latest = page.select("section.latest .card")
    titles = texts(card.select_one(".card__title") for card in latest)
    assert titles == [item["title"] for item in FRONT_PAGE_ITEMS]
    for title, event in zip(titles, SEED_EVENTS, strict=True):
        assert event in title or event in next(
            item["teaser"] for item in FRONT_PAGE_ITEMS if item["title"] == title
        )
    # The visible call to action; its hidden rest names the item for screen readers.
    calls = texts(more.a.contents[0] for more in page.select("section.latest .card__more"))
    assert calls == ["Read more"] * 9 + ["Watch Video"]
    assert texts(page.select("section.latest .card__type")) == ["Story"] * 9 + ["Video"]
    assert texts(page.select(".latest__date")) == ["17 November 2023"]

    assert texts(page.select(".featured__label")) == [
        content.ITEMS[0]["title"],
        "Video: The European Union: a unique and essential partner for NATO",
    ]

    links = page.select("section.more-links a")
    assert texts(links) == [
        content.ITEMS[10]["title"],
        content.ITEMS[11]["title"],
        "NATO's response to Russia's invasion of Ukraine",
        "Top Five Russian Myths Debunked",
    ]
    for link in links:
        assert client.get(link["href"], follow=True).status_code == 200, link["href"]

    html = str(page)
    assert "Rinkēvičs" in html and "Geoană" in html
    assert page.title.get_text().strip().endswith("NATO Newsroom")


@pytest.mark.django_db
def test_organisation_settings_name_the_publisher(demo):
    organisation = OrganisationSettings.objects.get()
    assert organisation.name == "North Atlantic Treaty Organization"
    assert organisation.short_name == "NATO"
    assert organisation.newsroom_title == "NATO Newsroom"
    assert organisation.copyright_holder == "NATO"
    assert organisation.usage_terms
    assert organisation.logo and organisation.logo.description


@pytest.mark.django_db
def test_the_footer_gives_the_press_office_and_links_to_pages_that_exist(client, demo):
    footer = soup(client.get("/en/")).select_one("footer")
    assert "Press and Media Section" in footer.get_text()
    assert footer.select_one('a[href="tel:+3227075041"]')
    assert footer.select_one('a[href="mailto:press@example.org"]')
    assert len(footer.select('a[rel~="me"]')) == 5
    for link in footer.select('a[href^="/"]'):
        answer = client.get(link["href"], follow=True)
        assert answer.status_code == 200, link["href"]
    for page in content.ABOUT_PAGES:
        assert footer.select_one(f'a[href="/en/{page["slug"]}/"]'), page["slug"]


# --- items, topics, people -------------------------------------------------------------------


@pytest.mark.django_db
def test_every_item_topic_and_person_page_is_published_and_renders(client, demo):
    for item in content.ITEMS:
        page = NewsItemPage.objects.get(slug=item["slug"])
        assert page.live and page.live_revision_id and not page.has_unpublished_changes
        assert timezone.localtime(page.first_published_at).date() == item["display_date"]
        url = page.url
        assert f"/{item['display_date']:%Y/%m/%d}/" in url
        body = soup(client.get(url))
        assert item["title"] in body.h1.get_text()
        for img in body.select("article img"):
            assert img.get("alt", "").strip(), (url, img)

    for topic in content.TOPICS:
        page = soup(client.get(f"/en/topics/{topic['slug']}/"))
        assert topic["title"] in page.h1.get_text()
        assert page.select(".card"), topic["slug"]

    page = soup(client.get("/en/people/edgars-rinkevics/"))
    assert "Edgars Rinkēvičs" in page.h1.get_text()
    assert "Mircea Geoană" in soup(client.get("/en/people/")).get_text()


@pytest.mark.django_db
def test_editors_can_open_every_demo_page_and_readers_find_names_without_accents(
    admin_client, demo
):
    for page in Page.objects.descendant_of(demo, inclusive=True):
        response = admin_client.get(f"/admin/pages/{page.id}/edit/")
        assert response.status_code == 200, (page.title, response.status_code)
    results = soup(admin_client.get("/en/search/?q=Rinkevics"))
    assert texts(results.select(".card__title")) == [content.ITEMS[1]["title"]]


@pytest.mark.django_db
def test_items_are_tagged_and_written_to_the_agreed_shape(demo):
    block_types = set()
    for item in content.ITEMS:
        page = NewsItemPage.objects.get(slug=item["slug"]).specific
        assert 1 <= page.topics.count() <= 3, item["slug"]
        assert page.people.count() <= 3 and 1 <= page.places.count() <= 3, item["slug"]
        assert len(page.teaser) <= 300 and "<" not in page.teaser
        assert 3 <= len(page.body) <= 6, item["slug"]
        assert 150 <= len(page.body_text().split()) <= 400, item["slug"]
        block_types.update(block.block_type for block in page.body)
        for block in page.body:
            if block.block_type == "image":
                assert block.value["caption"]
        assert page.listing_image is not None
    assert {"paragraph", "quote", "fact_box", "image"} <= block_types
    codes = set(NewsItemPage.objects.values_list("places__iso_code", flat=True))
    assert {"BE", "LV", "BG", "RO", "UA", "NL"} <= codes
    roles = dict(Person.objects.values_list("name", "role"))
    assert roles["Jens Stoltenberg"] == "Secretary General"
    assert roles["Mircea Geoană"] == "Deputy Secretary General"
    assert {"Ursula von der Leyen", "Edgars Rinkēvičs"} <= set(roles)


# --- video -----------------------------------------------------------------------------------


class FakeFinder:
    def accept(self, url):
        return True

    def find_embed(self, url, max_width=None, max_height=None):
        return {
            "title": "The European Union",
            "author_name": "NATO",
            "provider_name": "YouTube",
            "type": "video",
            "thumbnail_url": "",
            "width": 640,
            "height": 360,
            "html": '<iframe title="demo-player" src="https://player.invalid/1"></iframe>',
        }


class OfflineFinder(FakeFinder):
    def find_embed(self, url, max_width=None, max_height=None):
        raise EmbedNotFoundException


@pytest.mark.django_db
def test_video_page_embeds_the_video_and_still_works_offline(client, demo):
    video = VideoPage.objects.get()
    assert video.video_url and video.duration and video.transcript and not video.video_file
    with mock.patch("wagtail.embeds.embeds.get_finders", return_value=[OfflineFinder()]):
        offline = soup(client.get(video.url))
    assert not offline.select("iframe")
    assert offline.select_one(".transcript") and "Narrator" in offline.get_text()
    assert "2:48" in offline.get_text()
    assert offline.select("figure.body-image img")  # a picture even without the player

    # The page without its player is kept for a minute only (fragments.RETRY_SECONDS); later:
    fragments.clear()
    with mock.patch("wagtail.embeds.embeds.get_finders", return_value=[FakeFinder()]):
        online = soup(client.get(video.url))
    assert online.select_one('iframe[title="demo-player"]')


# --- images ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_image_is_drawn_locally_with_alt_text(client, demo):
    pictures = NewsroomImage.objects.all()
    assert pictures.count() >= 12 + len(content.PEOPLE) + 1
    for picture in pictures:
        assert picture.description.strip(), picture.title
        assert picture.credit == "NATO (illustration)"
    for page in NewsItemPage.objects.select_related("listing_image"):
        image = page.listing_image
        assert (image.width, image.height) == (1600, 900)
        with image.open_file() as handle:
            assert Image.open(handle).format == "JPEG"
    assert all(person.photo_id for person in Person.objects.all())
    hashes = NewsroomImage.objects.values_list("file_hash", flat=True)
    assert len(set(hashes)) == len(hashes)  # every picture is different

    front = soup(client.get("/en/"))
    cards = front.select("section.latest img")
    assert len(cards) == 10
    assert all(img["alt"].strip() for img in cards)


# --- our own words ---------------------------------------------------------------------------


def _sentences(text):
    text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        sentence = " ".join(sentence.split()).strip(" .\"'").lower()
        if len(sentence.split()) >= 4:
            yield sentence


def _digest(sentence):
    return hashlib.sha256(sentence.encode()).hexdigest()


def _seed_digests():
    """The seed's sentences as digests (seed_sentences.sha256): the test needs no ../shared."""
    lines = SEED_DIGESTS.read_text().splitlines()
    return {line for line in lines if line and not line.startswith("#")}


@pytest.mark.django_db
def test_no_teaser_or_body_sentence_is_copied_from_the_seed(demo):
    seed_sentences = _seed_digests()
    assert len(seed_sentences) > 20

    ours = []
    for page in NewsItemPage.objects.specific():
        ours += [page.teaser, page.body_text()]
        if isinstance(page, VideoPage):
            ours.append(re.sub(r"<[^>]+>", " ", page.transcript))
    explainer = StandardPage.objects.get(slug=content.EXPLAINER["slug"])
    ours += [explainer.introduction, re.sub(r"<[^>]+>", " ", str(explainer.body.render_as_block()))]
    ours += [topic.introduction for topic in TopicPage.objects.all()]

    copied = {
        sentence
        for text in ours
        for sentence in _sentences(text)
        if _digest(sentence) in seed_sentences
    }
    assert not copied


@pytest.mark.django_db
def test_demo_has_a_press_release_a_speech_and_a_media_advisory(client, demo):
    from wagtail.models import WorkflowPage

    release, advisory, speech = (
        NewsItemPage.objects.get(slug=item["slug"]).specific for item in content.ITEMS[12:]
    )
    assert release.reference == "Press Release (2023) 1"
    page = soup(client.get(release.url))
    assert page.select_one(".item__reference").get_text() == "Press Release (2023) 1"
    assert "Issued on 6 Nov. 2023" in " ".join(page.select_one(".item__dates").get_text().split())

    page = soup(client.get(speech.url))
    assert page.select_one(".item__label").get_text() == "As delivered"
    assert "Jens Stoltenberg" in page.select_one(".facts").get_text()

    page = soup(client.get(advisory.url))
    when = " ".join(page.select_one(".facts dd").get_text().split())
    assert when == "9 November 2023, 14:30 CET – 15:15 CET"
    assert page.select_one(".item__label").get_text() == "Pool only"

    for item_type, item in (("press-release", release), ("speech", speech), ("advisory", advisory)):
        listed = soup(client.get(f"/en/news/?type={item_type}"))
        assert texts(listed.select(".card__title")) == [item.title]
    assert WorkflowPage.objects.get(page=demo.get_children().type(NewsIndexPage).get())


def test_press_items_name_the_press_office_and_the_advisory_is_on_the_events_calendar(client, demo):
    from newsroom.news.models import MediaAdvisoryPage

    advisory = MediaAdvisoryPage.objects.get(locale__language_code="en")
    html = client.get(advisory.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    contacts = soup.select_one(".press-contacts").get_text(" ", strip=True)
    assert "Press Office duty officer" in contacts and "Anna Lindqvist" in contacts
    assert soup.find("a", href="tel:+3227075041") is not None
    assert soup.find("a", string="Watch live")["href"] == advisory.live_stream_url
    agenda = BeautifulSoup(client.get("/en/events/").content, "html.parser")
    past = agenda.find(id="past-heading").parent
    assert advisory.title in past.get_text(" ", strip=True)
