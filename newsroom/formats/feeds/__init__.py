"""A feed in RSS 2.0, Atom or JSON Feed from plain values.

A ``FeedSource`` names what the feed follows (all news, one type, a topic, a person, the press
area's embargoes); ``FeedEntry`` objects are its items, built by the domain
(``news/feeds.py``), so the three formats always say the same thing.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.http import Http404
from django.utils.html import escape

from newsroom.core.addresses import home_url
from newsroom.core.http import json_response, machine_readable
from newsroom.core.models import OrganisationSettings

from ..images import ImageFacts
from .jsonfeed import json_feed
from .xml import AtomFeed, RssFeed

FORMATS = ("rss", "atom", "json")
CONTENT_TYPES = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}
FORMAT_LABELS = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}
FEED_LIMIT = 50
FEED_MAX_AGE = 300
WRITERS = {"rss": RssFeed, "atom": AtomFeed}


@dataclass
class FeedSource:
    title: str
    description: str
    link: str  # the HTML page the feed follows (path)
    feed_base: str  # the feeds live at <feed_base><format>/
    language: str

    def feed_path(self, fmt):
        return f"{self.feed_base}{fmt}/"

    def alternates(self):
        """(title, content type, path) of each format, for <link rel="alternate">."""
        return [
            (f"{self.title} ({FORMAT_LABELS[fmt]})", CONTENT_TYPES[fmt], self.feed_path(fmt))
            for fmt in FORMATS
        ]


@dataclass
class FeedEntry:
    guid: str
    url: str
    title: str
    summary: str  # plain text
    content_html: str
    published: datetime.datetime
    modified: datetime.datetime
    type_label: str
    categories: list  # [(title, absolute url)]
    people: list  # [(name, absolute url)]
    image: ImageFacts | None
    video: dict | None  # {"url", "mime_type", "duration"}: an uploaded video file
    language: str
    # Press contacts: [{"name", "role", "phone", "email", "languages", "photo", "vcard"}]
    contacts: list = field(default_factory=list)
    version: str = ""  # grows with every publication of the item
    # Public change notes, newest first: [{"date": aware datetime, "note": plain text}]
    updates: list = field(default_factory=list)

    @property
    def summary_html(self):
        return escape(self.summary)


def feed_document(fmt, request, **context):
    """The feed as a response (RSS, Atom) or, for JSON Feed, as the dict to send."""
    if fmt == "json":
        return json_feed(request=request, **context)
    return WRITERS[fmt](**context)(request)


@machine_readable(max_age=FEED_MAX_AGE)
def serve_feed(request, source, fmt, *, entries):
    """``entries`` (a callable: read only for a format that exists) as the feed ``fmt``, by the
    organisation whose settings the request carries."""
    if fmt not in FORMATS:
        raise Http404("Feeds come as rss, atom or json.")
    organisation = OrganisationSettings.for_request(request)
    context = {
        "source": source,
        "entries": entries(),
        "organisation": organisation,
        "site_title": organisation.newsroom_title,
        "home_url": home_url(request),
        # WebSub: a public feed names its hub (private feeds, e.g. the press area's, never do).
        "hub": settings.NEWSROOM_WEBSUB_HUB,
    }
    if fmt == "json":
        response = json_response(
            feed_document(fmt, request, **context), content_type=CONTENT_TYPES[fmt]
        )
    else:
        response = feed_document(fmt, request, **context)
    if context["hub"]:
        own = request.build_absolute_uri(source.feed_path(fmt))
        response["Link"] = f'<{context["hub"]}>; rel="hub", <{own}>; rel="self"'
    return response
