"""iCalendar (RFC 5545) from plain values: one event to add to a calendar, or a feed of events
that calendar programs subscribe to.

The ``icalendar`` library writes the text (escaping, folding at 75 octets, CRLF line ends);
this module decides what goes in. Times are written in the organisation's zone with ``TZID``
and a ``VTIMEZONE`` that covers the events' dates, so that a calendar program shows a Brussels
press conference at the right hour wherever the journalist is and whatever the clocks do.
"""

import datetime
from dataclasses import dataclass, field

import icalendar

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODUCT_ID = "-//Newsroom//Events calendar//EN"
# How often a subscribed calendar should ask again (RFC 7986 REFRESH-INTERVAL, and the older
# X-PUBLISHED-TTL that some programs still read).
REFRESH_INTERVAL = datetime.timedelta(hours=1)
# A VTIMEZONE describes the zone's rules from a little before the first event to a little
# after the last, instead of from 1970 to 2038.
ZONE_MARGIN = datetime.timedelta(days=400)


@dataclass
class CalendarEvent:
    uid: str  # stable and globally unique: the same event always has the same one
    summary: str
    start: datetime.datetime  # aware
    end: datetime.datetime | None
    location: str
    description: str  # plain text
    url: str  # absolute
    stamp: datetime.datetime  # when this version of the event was published
    sequence: int = 0
    cancelled: bool = False
    categories: list = field(default_factory=list)
    live_stream_url: str = ""
    live_stream_label: str = ""


def _event_component(event, zone):
    component = icalendar.Event()
    component.add("uid", event.uid)
    component.add("dtstamp", event.stamp.astimezone(datetime.UTC))
    component.add("dtstart", event.start.astimezone(zone))
    if event.end is not None:
        component.add("dtend", event.end.astimezone(zone))
    component.add("summary", event.summary)
    if event.location:
        component.add("location", event.location)
    if event.description:
        component.add("description", event.description)
    component.add("url", event.url)
    component.add("sequence", event.sequence)
    component.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    component.add("transp", "TRANSPARENT" if event.cancelled else "OPAQUE")
    if event.categories:
        component.add("categories", list(event.categories))
    if event.live_stream_url:
        # RFC 7986: a way to take part in the event at a distance, here to watch it.
        parameters = {"VALUE": "URI", "FEATURE": "VIDEO"}
        if event.live_stream_label:
            parameters["LABEL"] = event.live_stream_label
        component.add("conference", event.live_stream_url, parameters=parameters)
    return component


def calendar_text(events, *, zone, name="", description="", url="", language=""):
    """The events as an iCalendar document (bytes, CRLF line ends)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
    if description:
        calendar.add("description", description)
        calendar.add("x-wr-caldesc", description)
    if url:
        calendar.add("url", url)
    if language:
        calendar["x-wr-language"] = language
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH_INTERVAL)
    calendar["x-wr-timezone"] = str(zone)
    events = list(events)
    # A calendar needs at least one component (RFC 5545, 3.6): with no events, the zone alone.
    moments = [event.start for event in events] + [event.end for event in events if event.end]
    moments = moments or [datetime.datetime.now(datetime.UTC)]
    calendar.add_component(
        icalendar.Timezone.from_tzinfo(
            zone,
            tzid=str(zone),
            first_date=(min(moments) - ZONE_MARGIN).date(),
            last_date=(max(moments) + ZONE_MARGIN).date(),
        )
    )
    for event in events:
        calendar.add_component(_event_component(event, zone))
    return calendar.to_ical()
