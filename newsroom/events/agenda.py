"""The events calendar's content: the media advisories readers may see, as plain facts.

Every page and calendar of this app reads ``agenda()``: upcoming events soonest first, then past
events newest first, each list capped. Which advisories readers may see is news's own
``visible()``; the topic filter is news's ``tagged()``, so the agenda agrees with the listing.
"""

import datetime
import itertools
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from newsroom.caching import memo
from newsroom.core.serving import site_root_paths
from newsroom.core.text import plain_text
from newsroom.news.models import MediaAdvisoryPage
from newsroom.topics.models import Place

UPCOMING_LIMIT = 200
PAST_LIMIT = 60


@dataclass
class EventFacts:
    """One advisory as the agenda and the calendars show it."""

    pk: int
    uid: str
    slug: str
    title: str
    path: str  # the advisory's page on this site
    teaser: str
    start: datetime.datetime
    end: datetime.datetime | None
    venue: str
    access: str
    access_label: str
    accreditation_deadline: datetime.datetime | None
    accreditation_text: str
    live_stream_url: str
    cancelled: bool
    moved: bool
    sequence: int
    published: datetime.datetime
    language: str
    topics: list = field(default_factory=list)  # [(title, path)]
    places: list = field(default_factory=list)  # [name]

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def local_end(self):
        return timezone.localtime(self.end) if self.end else None

    @property
    def ends_same_day(self):
        return self.end is not None and self.local_end.date() == self.local_start.date()


@dataclass
class Agenda:
    upcoming: list
    past: list

    @property
    def upcoming_by_day(self):
        """[(date in the organisation's zone, [events])], soonest first."""
        return _grouped(self.upcoming, lambda event: event.local_start.date())

    @property
    def past_by_month(self):
        """[(first day of the month, [events])], newest first."""
        return _grouped(self.past, lambda event: event.local_start.date().replace(day=1))

    @property
    def all(self):
        return [*self.upcoming, *self.past]


def _grouped(events, key):
    return [(day, list(group)) for day, group in itertools.groupby(events, key=key)]


def advisories(site, locale_id):
    """The advisories readers may see on this site in this language, with what the agenda
    shows of them (a site's languages are trees of their own: matched by their addresses)."""
    roots = Q()
    for root in site_root_paths():
        if root.site_id == site.pk:
            roots |= Q(url_path__startswith=root.root_path)
    return (
        MediaAdvisoryPage.objects.visible()
        .filter(roots, locale_id=locale_id)
        .select_related("locale")
        .defer_streamfields()
        .prefetch_related("topics", "places")
    )


def agenda(site, locale_id, filters, now=None):
    """The agenda for this site and language, narrowed by cleaned filters (``forms.py``).

    An event is upcoming until it ends. The lists are kept per site generation and per hour, so
    an event moves to the past events within the hour after it ends (the page cache keeps a
    page at most an hour too)."""
    now = now or timezone.now()
    hour = now.replace(minute=0, second=0, microsecond=0)
    topic = filters.get("topic")
    return _agenda(
        site,
        locale_id,
        topic.translation_key if topic else None,
        filters.get("place") or None,
        hour,
    )


@memo.per_generation
def _agenda(site, locale_id, topic_key, place_code, hour):
    items = advisories(site, locale_id)
    if topic_key:
        items = items.tagged(topic_key)
    if place_code:
        items = items.filter(places__iso_code=place_code).distinct()
    not_over = Q(event_end__gte=hour) | Q(event_end__isnull=True, event_start__gte=hour)
    upcoming = items.filter(not_over).order_by("event_start", "pk")[:UPCOMING_LIMIT]
    past = items.exclude(not_over).order_by("-event_start", "-pk")[:PAST_LIMIT]
    return Agenda(
        upcoming=[event_facts(item, site) for item in upcoming],
        past=[event_facts(item, site) for item in past],
    )


def event_facts(item, site):
    """An advisory (with its topics and places prefetched) as ``EventFacts``."""
    language = item.locale.language_code
    return EventFacts(
        pk=item.pk,
        # The same in every version of the advisory's history; one per language version.
        uid=f"{item.translation_key}.{language}",
        slug=item.slug,
        title=item.title,
        path=item.relative_url(site) or "",
        teaser=item.teaser,
        start=item.event_start,
        end=item.event_end,
        venue=item.venue,
        access=item.access,
        access_label=str(item.get_access_display()),
        accreditation_deadline=item.accreditation_deadline,
        accreditation_text=plain_text(item.accreditation_instructions),
        live_stream_url=item.live_stream_url,
        cancelled=item.is_cancelled,
        moved=item.is_moved,
        sequence=item.event_sequence,
        published=item.last_published_at or item.first_published_at or timezone.now(),
        language=language,
        topics=[
            (topic.title, topic.relative_url(site) or "")
            for topic in sorted(item.topics.all(), key=lambda topic: topic.title)
            if topic.live and topic.locale_id == item.locale_id
        ],
        places=sorted(place.name for place in item.places.all()),
    )


@memo.per_generation(keep=memo.found)
def find_event(site, locale_id, slug):
    """The visible advisory with this slug on this site in this language, as facts, or None."""
    item = advisories(site, locale_id).filter(slug=slug).first()
    return event_facts(item, site) if item is not None else None


@memo.per_epoch
def places(locale_id):
    """{ISO code: name} of the places in this language, by name."""
    return dict(
        Place.objects.filter(locale_id=locale_id).order_by("name").values_list("iso_code", "name")
    )
