"""Serving a feed in one of the three formats; called by the page routes (see ../routes.py)."""

from django.http import Http404

from newsroom.syndication import items as facts
from newsroom.syndication.http import json_response, machine_readable

from . import sources
from .jsonfeed import json_feed
from .xml import AtomFeed, RssFeed

FEED_MAX_AGE = 300
WRITERS = {"rss": RssFeed, "atom": AtomFeed}


@machine_readable(max_age=FEED_MAX_AGE)
def serve_feed(request, source, fmt):
    if fmt not in sources.FORMATS:
        raise Http404("Feeds come as rss, atom or json.")
    organisation = sources.organisation(request)
    entries = sources.entries(source, request)
    context = {
        "source": source,
        "entries": entries,
        "organisation": organisation,
        "site_title": organisation.newsroom_title,
        "home_url": facts.home_url(request),
    }
    if fmt == "json":
        return json_response(
            json_feed(request=request, **context), content_type=sources.CONTENT_TYPES["json"]
        )
    response = WRITERS[fmt](**context)(request)
    return response


def news_feed(request, index, fmt, item_type=None):
    from newsroom.news.models import NewsItemPage

    if item_type is not None and item_type not in NewsItemPage.item_types():
        raise Http404("There is no item type with that name.")
    return serve_feed(request, sources.news_source(index, request, item_type), fmt)


def topic_feed(request, topic, fmt):
    return serve_feed(request, sources.topic_source(topic, request), fmt)


def person_feed(request, people_index, slug, fmt):
    from newsroom.topics.models import Person

    person = Person.objects.filter(slug=slug, locale_id=people_index.locale_id).first()
    if person is None:
        raise Http404("Nobody with that name is listed in this newsroom.")
    return serve_feed(request, sources.person_source(people_index, person, request), fmt)
