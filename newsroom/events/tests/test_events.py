"""The events calendar over HTTP: the agenda, its filters, and the iCalendar files and feeds,
read back with the icalendar library as a calendar program would."""

import datetime
import json
import re
import zoneinfo

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from newsroom.news.factories import MediaAdvisoryPageFactory, StoryPageFactory
from newsroom.news.models import MediaAdvisoryPage
from newsroom.topics.factories import PlaceFactory, TopicPageFactory

pytestmark = pytest.mark.django_db

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def soon(days, hour=10, minute=0):
    """A Brussels wall time ``days`` from today."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=BRUSSELS)


@pytest.fixture
def topic(topic_index):
    return TopicPageFactory(parent=topic_index, title="Defence spending", slug="defence-spending")


@pytest.fixture
def belgium(db):
    return PlaceFactory(name="Belgium", iso_code="BE")


@pytest.fixture
def events(news_index, topic, belgium):
    tomorrow = MediaAdvisoryPageFactory(
        parent=news_index,
        title="Press conference on defence spending",
        slug="press-conference-defence-spending",
        event_start=soon(1, 10),
        event_end=soon(1, 11, 30),
        venue="NATO Headquarters, Brussels",
        access=MediaAdvisoryPage.Access.POOL,
        accreditation_deadline=soon(0, 23, 0),
        live_stream_url="https://tv.example.org/live/42",
    )
    tomorrow.topics.set([topic])
    tomorrow.places.set([belgium])
    tomorrow.save()
    # 23:30 UTC in winter is 00:30 the next day in Brussels: grouped under that next day.
    late = soon(5, 0, 30)
    night = MediaAdvisoryPageFactory(
        parent=news_index,
        title="Night briefing on the summit",
        slug="night-briefing",
        event_start=late,
        event_end=None,
        venue="Vilnius",
    )
    past = MediaAdvisoryPageFactory(
        parent=news_index,
        title="Doorstep of last month",
        slug="doorstep-last-month",
        event_start=soon(-40, 9),
        event_end=soon(-40, 9, 30),
        venue="Brussels",
    )
    return {"tomorrow": tomorrow, "night": night, "past": past}


def parse_calendar(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    assert body.startswith(b"BEGIN:VCALENDAR\r\n")
    # RFC 5545: every line ends with CRLF and is at most 75 octets long.
    lines = body.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert b"\n" not in body.replace(b"\r\n", b"")
    return icalendar.Calendar.from_ical(body)


def vevents(calendar):
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def texts(html, selector):
    return [
        node.get_text(" ", strip=True)
        for node in BeautifulSoup(html, "html.parser").select(selector)
    ]


def test_the_agenda_lists_upcoming_events_by_day_in_the_organisations_zone(client, events):
    response = client.get("/en/events/")
    assert response.status_code == 200
    html = response.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    upcoming = soup.find(id="upcoming-heading").parent
    days = [h3.get_text(strip=True) for h3 in upcoming.select(".events__day h3")]
    tomorrow, night = timezone.localdate() + datetime.timedelta(1), soon(5, 0, 30).date()
    assert days == [
        f"{tomorrow:%A} {tomorrow.day} {tomorrow:%B %Y}",
        f"{night:%A} {night.day} {night:%B %Y}",
    ]
    titles = [a.get_text(strip=True) for a in upcoming.select(".event__title a")]
    assert titles == ["Press conference on defence spending", "Night briefing on the summit"]
    past = soup.find(id="past-heading").parent
    month = soon(-40).date()
    assert [h3.get_text(strip=True) for h3 in past.select("h3")] == [f"{month:%B %Y}"]
    assert [a.get_text(strip=True) for a in past.select(".event__title a")] == [
        "Doorstep of last month"
    ]


def test_the_agenda_shows_access_deadline_live_stream_and_an_ics_link(client, events):
    html = client.get("/en/events/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    card = soup.find(id=f"event-{events['tomorrow'].pk}").parent
    facts = card.get_text(" ", strip=True)
    assert "Pool only" in facts
    assert "Accreditation deadline" in facts
    live = card.find("a", string="Watch live")
    assert live["href"] == "https://tv.example.org/live/42"
    ics = card.select_one(".event__calendar a")
    assert ics["href"] == "/en/events/press-conference-defence-spending.ics"
    assert events["tomorrow"].url in [a["href"] for a in card.select(".event__title a")]
    subscribe = soup.find("link", type="text/calendar")
    assert subscribe["href"] == "/en/events/calendar.ics"


def test_the_advisory_page_offers_the_calendar_and_the_live_stream(client, events):
    response = client.get(events["tomorrow"].url)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("a", string="Add to calendar")["href"] == (
        "/en/events/press-conference-defence-spending.ics"
    )
    assert soup.find("a", string="Watch live")["href"] == "https://tv.example.org/live/42"


def test_filters_by_topic_and_place(client, events, topic):
    by_topic = client.get("/en/events/?topic=defence-spending")
    assert by_topic.status_code == 200
    assert texts(by_topic.content, ".event__title") == ["Press conference on defence spending"]
    by_place = client.get("/en/events/?place=BE")
    assert texts(by_place.content, ".event__title") == ["Press conference on defence spending"]
    everything = client.get("/en/events/")
    assert len(texts(everything.content, ".event__title")) == 3


def test_unknown_filter_values_are_explained_and_left_out(client, events):
    response = client.get("/en/events/?topic=no-such-topic&place=ZZ")
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is no topic called “no-such-topic”." in html
    assert "There is no place with the code “ZZ”" in html
    assert len(texts(html, ".event__title")) == 3  # the bad filters are left out
    one_bad = client.get("/en/events/?topic=defence-spending&place=%3Cscript%3E")
    assert one_bad.status_code == 400
    assert texts(one_bad.content, ".event__title") == ["Press conference on defence spending"]
    assert b"<script>" not in one_bad.content


def test_the_agenda_in_french(client, events):
    response = client.get("/fr/evenements/")
    assert response.status_code == 200
    assert "Événements" in texts(response.content, "h1")


def test_one_event_as_ics_with_its_time_zone(client, events):
    response = client.get("/en/events/press-conference-defence-spending.ics")
    assert response["Content-Disposition"] == (
        'attachment; filename="press-conference-defence-spending.ics"'
    )
    calendar = parse_calendar(response)
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar["PRODID"]
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Brussels"
    (event,) = calendar.walk("VEVENT")
    item = events["tomorrow"]
    assert str(event["UID"]) == f"{item.translation_key}.en@testserver"
    assert event["DTSTAMP"].dt.utcoffset() == datetime.timedelta(0)
    assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert event["DTSTART"].dt == soon(1, 10)
    assert event["DTEND"].dt == soon(1, 11, 30)
    assert str(event["SUMMARY"]) == "Press conference on defence spending"
    assert str(event["LOCATION"]) == "NATO Headquarters, Brussels"
    assert str(event["URL"]) == f"http://testserver{item.url}"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert int(event["SEQUENCE"]) == 0
    description = str(event["DESCRIPTION"])
    assert "Media access: Pool only" in description
    assert "Accreditation deadline" in description
    assert "https://tv.example.org/live/42" in description
    assert str(event["CONFERENCE"]) == "https://tv.example.org/live/42"
    assert event.categories == ["Defence spending"]


def test_the_calendar_feeds_for_all_events_and_per_topic(client, events, topic):
    everything = vevents(parse_calendar(client.get("/en/events/calendar.ics")))
    assert len(everything) == 3
    assert {str(event["SUMMARY"]) for event in everything.values()} == {
        "Press conference on defence spending",
        "Night briefing on the summit",
        "Doorstep of last month",
    }
    calendar = parse_calendar(client.get("/en/events/topics/defence-spending/calendar.ics"))
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == [
        "Press conference on defence spending"
    ]
    assert "Defence spending" in str(calendar["X-WR-CALNAME"])
    assert str(calendar["REFRESH-INTERVAL"].to_ical().decode()) == "PT1H"
    french = client.get("/fr/evenements/calendrier.ics")
    assert french.status_code == 200


def test_a_cancelled_event_says_so_and_the_feed_tells_calendars(client, events):
    item = events["tomorrow"]
    item.event_status = MediaAdvisoryPage.Status.CANCELLED
    item.save_revision().publish()
    page = client.get(item.url).content.decode()
    assert "This event is cancelled." in page
    calendar = parse_calendar(client.get("/en/events/calendar.ics"))
    event = vevents(calendar)[f"{item.translation_key}.en@testserver"]
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == 1
    assert str(event["SUMMARY"]) == "Cancelled: Press conference on defence spending"
    agenda = client.get("/en/events/").content.decode()
    assert "Cancelled" in texts(agenda, ".notice--cancelled")


def test_a_moved_event_raises_its_sequence_each_time_it_moves(client, events):
    item = events["tomorrow"]
    uid = f"{item.translation_key}.en@testserver"
    item.event_start, item.event_end = soon(2, 15), soon(2, 16)
    item.save_revision().publish()
    event = vevents(parse_calendar(client.get("/en/events/calendar.ics")))[uid]
    assert int(event["SEQUENCE"]) == 1
    assert event["DTSTART"].dt == soon(2, 15)
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "has changed since it was announced" in client.get(item.url).content.decode()

    item = MediaAdvisoryPage.objects.get(pk=item.pk)
    item.venue = "Egmont Palace, Brussels"
    item.save_revision().publish()
    # A new draft or a publish that leaves the time and place alone changes nothing.
    item = MediaAdvisoryPage.objects.get(pk=item.pk)
    item.teaser = "A better teaser."
    item.save_revision().publish()
    item.save_revision()
    event = vevents(parse_calendar(client.get("/en/events/calendar.ics")))[uid]
    assert int(event["SEQUENCE"]) == 2
    assert str(event["LOCATION"]) == "Egmont Palace, Brussels"


@pytest.mark.parametrize(
    "path",
    [
        "/en/events/no-such-event.ics",
        "/en/events/draft-briefing.ics",
        "/en/events/a-story-not-an-event.ics",
        "/en/events/%C3%A9v%C3%A9nement.ics",
    ],
)
def test_an_ics_for_an_unknown_or_unpublished_event_is_a_clear_404(client, news_index, path):
    MediaAdvisoryPageFactory(parent=news_index, slug="draft-briefing", live=False)
    StoryPageFactory(parent=news_index, slug="a-story-not-an-event")
    response = client.get(path)
    assert response.status_code == 404
    assert "No published event has this address" in response.content.decode()


def test_a_calendar_for_an_unknown_topic_is_a_clear_404(client, events):
    response = client.get("/en/events/topics/no-such-topic/calendar.ics")
    assert response.status_code == 404
    assert "There is no topic called “no-such-topic”" in response.content.decode()


def test_an_unpublished_event_leaves_every_calendar(client, events):
    events["night"].unpublish()
    assert "Night briefing" not in client.get("/en/events/").content.decode()
    summaries = [
        str(event["SUMMARY"])
        for event in parse_calendar(client.get("/en/events/calendar.ics")).walk("VEVENT")
    ]
    assert "Night briefing on the summit" not in summaries
    assert client.get("/en/events/night-briefing.ics").status_code == 404


def test_an_empty_calendar_is_still_a_valid_one(client, news_index):
    calendar = parse_calendar(client.get("/en/events/calendar.ics"))
    assert calendar.walk("VEVENT") == []
    assert re.search(r"No events are announced yet", client.get("/en/events/").content.decode())


def event_json_ld(client, item):
    soup = BeautifulSoup(client.get(item.url).content, "html.parser")
    for script in soup.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        for node in data if isinstance(data, list) else [data]:
            if node.get("@type") == "Event":
                return node
    raise AssertionError("no Event in the page's JSON-LD")


def test_the_advisorys_json_ld_says_cancelled_or_rescheduled(client, events):
    item = events["tomorrow"]
    data = event_json_ld(client, item)
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert {"@type": "VirtualLocation", "url": "https://tv.example.org/live/42"} in data["location"]
    item.event_start, item.event_end = soon(3, 9), soon(3, 10)
    item.save_revision().publish()
    assert event_json_ld(client, item)["eventStatus"] == "https://schema.org/EventRescheduled"
    item = MediaAdvisoryPage.objects.get(pk=item.pk)
    item.event_status = MediaAdvisoryPage.Status.CANCELLED
    item.save_revision().publish()
    assert event_json_ld(client, item)["eventStatus"] == "https://schema.org/EventCancelled"
