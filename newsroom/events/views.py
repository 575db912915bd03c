"""/en/events/ (/fr/evenements/): the agenda of media advisories and its calendars.

    /en/events/?topic=<slug>&place=<ISO code>   the agenda, upcoming by day, past by month
    /en/events/calendar.ics                     every event, to subscribe to
    /en/events/topics/<slug>/calendar.ics       the events on one topic, to subscribe to
    /en/events/<slug>.ics                       one event, to add to a calendar

Every answer is public and kept by the page cache until the site changes (and at most an hour).
"""

import zoneinfo

from django.conf import settings
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from newsroom.caching import memo
from newsroom.core.http import machine_readable
from newsroom.core.models import OrganisationSettings
from newsroom.formats import calendars
from newsroom.formats.feeds import FEED_MAX_AGE
from newsroom.news.filters import live_topics
from newsroom.news.models.updates import organisation_zone_label
from newsroom.news.templatetags.press_tags import with_zone

from . import agenda as events
from .forms import EventFilterForm


def _locale():
    return _locale_of(get_language())


@memo.per_epoch
def _locale_of(language):
    """The page's locale, read once per epoch (locales are watched: a change starts one)."""
    try:
        return Locale.objects.get_for_language(language)
    except Locale.DoesNotExist:
        return Locale.get_default()


def agenda_page(request):
    locale = _locale()
    site = Site.find_for_request(request)
    form = EventFilterForm(request.GET or None, locale_id=locale.pk)
    filters = form.valid_filters()
    response = TemplateResponse(
        request,
        "events/agenda.html",
        {
            "form": form,
            "filters": filters,
            "agenda": events.agenda(site, locale.pk, filters),
            "topic_calendars": live_topics(locale.pk).values(),
            "zone_label": organisation_zone_label(),
        },
    )
    if form.is_bound and form.errors:
        response.status_code = 400  # the page still answers, without the bad filter
    return response


def describe(event):
    """The plain text a calendar program shows with the event."""
    lines = [event.teaser, ""] if event.teaser else []
    if event.cancelled:
        lines += [_("This event is cancelled."), ""]
    elif event.moved:
        lines += [_("The time or place of this event has changed since it was announced."), ""]
    lines.append(_("Media access: %(access)s") % {"access": event.access_label})
    if event.accreditation_deadline:
        lines.append(
            _("Accreditation deadline: %(deadline)s")
            % {"deadline": with_zone(event.accreditation_deadline)}
        )
    if event.accreditation_text:
        lines.append(event.accreditation_text)
    if event.live_stream_url:
        lines.append(_("Live stream: %(url)s") % {"url": event.live_stream_url})
    return "\n".join(lines)


def calendar_event(request, event):
    summary = event.title
    if event.cancelled:
        summary = _("Cancelled: %(title)s") % {"title": event.title}
    return calendars.CalendarEvent(
        uid=f"{event.uid}@{request.get_host().split(':')[0]}",
        summary=summary,
        start=event.start,
        end=event.end,
        location=event.venue,
        description=describe(event),
        url=request.build_absolute_uri(event.path),
        stamp=event.published,
        sequence=event.sequence,
        cancelled=event.cancelled,
        categories=[title for title, _path in event.topics],
        live_stream_url=event.live_stream_url,
        live_stream_label=_("Live stream"),
    )


def calendar_response(request, facts, *, name, description, filename, download=False):
    body = calendars.calendar_text(
        [calendar_event(request, event) for event in facts],
        zone=zoneinfo.ZoneInfo(settings.TIME_ZONE),
        name=name,
        description=description,
        url=request.build_absolute_uri(),
        language=get_language(),
    )
    response = HttpResponse(body, content_type=calendars.CONTENT_TYPE)
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def _newsroom_title(request):
    return OrganisationSettings.for_request(request).newsroom_title


@machine_readable(max_age=FEED_MAX_AGE)
def all_events_calendar(request):
    locale = _locale()
    facts = events.agenda(Site.find_for_request(request), locale.pk, {}).all
    title = _newsroom_title(request)
    return calendar_response(
        request,
        facts,
        name=_("%(newsroom)s: events") % {"newsroom": title},
        description=_("Press conferences, briefings and other events for the media."),
        filename="events.ics",
    )


@machine_readable(max_age=FEED_MAX_AGE)
def topic_calendar(request, slug):
    locale = _locale()
    topic = live_topics(locale.pk).get(slug)
    if topic is None:
        raise Http404(
            _("There is no topic called “%(value)s”, so there is no calendar for it.")
            % {"value": slug}
        )
    facts = events.agenda(Site.find_for_request(request), locale.pk, {"topic": topic}).all
    return calendar_response(
        request,
        facts,
        name=_("%(newsroom)s: events on %(topic)s")
        % {"newsroom": _newsroom_title(request), "topic": topic.title},
        description=_("Events for the media about %(topic)s.") % {"topic": topic.title},
        filename=f"events-{topic.slug}.ics",
    )


@machine_readable(max_age=FEED_MAX_AGE)
def event_calendar(request, slug):
    locale = _locale()
    event = events.find_event(Site.find_for_request(request), locale.pk, slug)
    if event is None:
        raise Http404(
            _(
                "No published event has this address: it may be mistyped, not announced yet, "
                "or withdrawn. The events calendar lists every event."
            )
        )
    return calendar_response(
        request,
        [event],
        name=event.title,
        description="",
        filename=f"{event.slug}.ics",
        download=True,
    )
