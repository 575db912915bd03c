"""Press releases, speeches and media advisories as readers and machines see them, over HTTP."""

import datetime
import json
import re
import zoneinfo

import pytest
from wagtail.models import Locale

from newsroom.news.factories import (
    MediaAdvisoryPageFactory,
    PressReleasePageFactory,
    SpeechPageFactory,
    StoryPageFactory,
)
from newsroom.news.models import NewsIndexPage
from newsroom.syndication.tests import test_ninjs as ninjs_tests
from newsroom.topics.factories import PersonFactory

pytestmark = pytest.mark.django_db

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
UTC = datetime.UTC


def at(year, month, day, hour, minute=0, zone=BRUSSELS):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=zone)


@pytest.fixture
def press_items(news_index):
    return {
        "story": StoryPageFactory(parent=news_index, title="A plain story"),
        "press-release": PressReleasePageFactory(
            parent=news_index,
            title="Allies condemn the attack",
            first_published_at=at(2023, 11, 17, 14, 0),
        ),
        "speech": SpeechPageFactory(
            parent=news_index, title="Remarks at the defence forum", as_delivered=True
        ),
        "advisory": MediaAdvisoryPageFactory(
            parent=news_index,
            title="Press conference ahead of the ministers meeting",
            event_start=at(2023, 11, 20, 10, 0),
            event_end=at(2023, 11, 20, 11, 30),
        ),
    }


def ninjs_validator():
    """The IPTC ninjs 3.1 schema validator the syndication tests use."""
    schema = json.loads(ninjs_tests.SCHEMA_PATH.read_text())
    geojson = ninjs_tests.Resource.from_contents(
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}
    )
    registry = ninjs_tests.Registry().with_resource(
        "https://geojson.org/schema/GeoJSON.json", geojson
    )
    cls = ninjs_tests.jsonschema.validators.validator_for(schema)
    return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)


def card_titles(html):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.mark.parametrize(
    ("item_type", "label", "action"),
    [
        ("press-release", "Press release", "Read the press release"),
        ("speech", "Speech", "Read the speech"),
        ("advisory", "Media advisory", "See the event details"),
    ],
)
def test_each_type_is_listed_filtered_and_syndicated(client, press_items, item_type, label, action):
    item = press_items[item_type]
    everything = client.get("/en/news/").text
    assert item.title in card_titles(everything)

    only = client.get(f"/en/news/?type={item_type}")
    assert only.status_code == 200
    assert card_titles(only.text) == [item.title]
    card = only.text.split('class="card__body"')[1]
    assert f'<span class="card__type">{label}</span>' in card and action in card
    assert f'<option value="{item_type}" selected>{label}</option>' in only.text

    for fmt in ("rss", "atom", "json"):
        feed = client.get(f"/en/news/{item_type}/feed/{fmt}/")
        assert feed.status_code == 200
        assert item.title in feed.content.decode()
        assert press_items["story"].title not in feed.content.decode()

    api = client.get("/api/v1/items/", {"type": item_type}).json()
    assert [(entry["title"], entry["type"]) for entry in api["results"]] == [
        (item.title, item_type)
    ]
    ninjs = client.get(f"{item.url}ninjs.json").json()
    ninjs_tests.assert_valid(ninjs_validator(), ninjs)
    assert ninjs["genres"][0]["literal"] == item_type
    assert ninjs["genres"][0]["uri"].startswith("http://cv.iptc.org/newscodes/genre/")
    assert f"http://testserver{item.url}" in client.get("/sitemap.xml").content.decode()
    assert item.title in client.get("/en/search/", {"q": item.title}).text


def jsonld(html):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def test_press_release_page_shows_its_number_and_nato_style_dates(client, press_items):
    release = press_items["press-release"]
    assert (release.release_year, release.release_number) == (2023, 1)
    html = client.get(release.url).text
    assert '<p class="item__reference">Press Release (2023) 1</p>' in html
    dates = html.split('class="item__dates"')[1].split("</p>")[0]
    assert "Issued on" in dates and ">17 Nov. 2023</time>" in dates
    assert "Last updated:" in dates and ">17 Nov. 2023 14:00</time>" in dates
    assert jsonld(html)[0]["@type"] == "NewsArticle"


def test_press_release_number_follows_the_brussels_calendar_year(news_index):
    # 23:30 UTC on 31 December is already 00:30 on 1 January in Brussels.
    late = PressReleasePageFactory(
        parent=news_index, first_published_at=at(2023, 12, 31, 23, 30, zone=UTC)
    )
    early = PressReleasePageFactory(
        parent=news_index, first_published_at=at(2023, 12, 31, 22, 30, zone=UTC)
    )
    assert (late.release_year, late.release_number) == (2024, 1)
    assert (early.release_year, early.release_number) == (2023, 1)


def test_speech_shows_speaker_occasion_and_as_delivered(client, news_index):
    person = PersonFactory(name="Mircea Geoană", slug="mircea-geoana", role="Deputy Secretary")
    speech = SpeechPageFactory(
        parent=news_index,
        speaker=person,
        speaker_name="",
        event="Riga Conference",
        place="Riga",
        as_delivered=True,
        media_url="https://video.example.org/watch/777",
    )
    html = client.get(speech.url).text
    assert '<p class="item__label">As delivered</p>' in html
    facts = html.split('<dl class="facts">')[1].split("</dl>")[0]
    assert '<a href="/en/people/mircea-geoana/">Mircea Geoană</a>, Deputy Secretary' in facts
    assert "Riga Conference" in facts and "<dd>Riga</dd>" in facts
    assert "Recording of the speech" in html
    not_delivered = SpeechPageFactory(parent=news_index, speaker_name="A visiting minister")
    html = client.get(not_delivered.url).text
    assert "As delivered" not in html and "A visiting minister" in html


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        # Winter: Central European Time.
        (at(2023, 11, 20, 10), at(2023, 11, 20, 11, 30), "20 November 2023, 10:00 CET – 11:30 CET"),
        # Summer: Central European Summer Time.
        (at(2023, 7, 11, 9), None, "11 July 2023, 09:00 CEST"),
        # The night clocks went forward (26 March 2023, 02:00 CET -> 03:00 CEST): an event
        # over the change shows each end in the zone of its own moment.
        (
            at(2023, 3, 26, 1, 30),
            at(2023, 3, 26, 1, 30) + datetime.timedelta(hours=1),
            "26 March 2023, 01:30 CET – 03:30 CEST",
        ),
        # The night clocks went back (29 October 2023): 00:30 UTC is 02:30 CEST, 01:30 UTC
        # is 02:30 CET, the same wall time twice; the abbreviation tells them apart.
        (
            at(2023, 10, 29, 0, 30, zone=UTC),
            at(2023, 10, 29, 1, 30, zone=UTC),
            "29 October 2023, 02:30 CEST – 02:30 CET",
        ),
    ],
)
def test_advisory_shows_times_with_their_zone_across_daylight_saving(
    client, news_index, start, end, shown
):
    advisory = MediaAdvisoryPageFactory(
        parent=news_index, event_start=start, event_end=end, accreditation_deadline=None
    )
    html = client.get(advisory.url).text
    when = html.split("<dt>When</dt><dd>")[1].split("</dd>")[0]
    assert re.sub(r"<[^>]+>", "", when) == shown
    event = next(data for data in jsonld(html) if data["@type"] == "Event")
    assert datetime.datetime.fromisoformat(event["startDate"]) == start


def test_advisory_page_shows_venue_access_and_accreditation(client, news_index):
    advisory = MediaAdvisoryPageFactory(
        parent=news_index,
        pool_only=True,
        venue="Press room, NATO Headquarters",
        event_start=at(2023, 11, 28, 9),
        accreditation_deadline=at(2023, 11, 27, 17),
        accreditation_instructions="<p>Send your press card to the press office.</p>",
    )
    html = client.get(advisory.url).text
    assert '<p class="item__label">Pool only</p>' in html
    assert "<dd>Press room, NATO Headquarters</dd>" in html
    assert "27 November 2023, 17:00 CET" in html
    assert "Send your press card to the press office." in html
    event = next(data for data in jsonld(html) if data["@type"] == "Event")
    assert event["name"] == advisory.title
    assert event["location"]["name"] == "Press room, NATO Headquarters"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"


def test_french_pages_show_french_dates_and_labels(client, home):
    french_news = NewsIndexPage.objects.get(locale=Locale.objects.get(language_code="fr"))
    release = PressReleasePageFactory(
        parent=french_news,
        title="Les Alliés condamnent l'attaque",
        slug="les-allies-condamnent",
        first_published_at=at(2023, 11, 17, 14, 0),
    )
    advisory = MediaAdvisoryPageFactory(
        parent=french_news,
        title="Conférence de presse",
        slug="conference-de-presse",
        event_start=at(2023, 11, 20, 10),
        event_end=None,
        accreditation_deadline=None,
    )
    html = client.get(release.url).text
    assert "Communiqué de presse (2023) 1" in html
    assert "Publié le" in html and ">17 nov. 2023</time>" in html
    assert "Dernière mise à jour :" in html
    html = client.get(advisory.url).text
    assert "20 novembre 2023, 10:00 CET" in html and "Ouvert aux médias" in html


def test_a_translation_is_the_same_release_with_the_same_number(client, news_index):
    from newsroom.core.i18n import translate

    release = PressReleasePageFactory(
        parent=news_index,
        title="Allies welcome the agreement",
        first_published_at=at(2023, 11, 17, 14, 0),
    )
    french = translate(
        release,
        Locale.objects.get(language_code="fr"),
        {
            release.title: "Les Alliés saluent l’accord",
            release.slug: "les-allies-saluent-l-accord",
            release.teaser: "Résumé en français.",
        },
    )
    french.refresh_from_db()
    assert french.live and (french.release_year, french.release_number) == (2023, 1)
    assert "Communiqué de presse (2023) 1" in client.get(french.url).text
    following = PressReleasePageFactory(
        parent=news_index, first_published_at=at(2023, 11, 18, 9, 0)
    )
    assert following.release_number == 2
