"""What a feed follows (all news, one type, a topic, a person) and its entries.

A ``FeedSource`` names the feed and holds the unsliced queryset; ``entries()`` turns the newest
50 items into ``FeedEntry`` objects that the RSS, Atom and JSON Feed writers all read, so the
three formats always say the same thing.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.translation import gettext as _

from newsroom.delivery import seek
from newsroom.syndication import items as facts

FORMATS = ("rss", "atom", "json")
CONTENT_TYPES = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}
FORMAT_LABELS = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}


@dataclass
class FeedSource:
    title: str
    description: str
    link: str  # the HTML page the feed follows (path)
    feed_base: str  # the feeds live at <feed_base><format>/
    language: str
    queryset: object = field(repr=False)

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
    image: facts.ImageFacts | None
    video: dict | None  # {"url", "mime_type", "duration"}: an uploaded video file
    language: str

    @property
    def summary_html(self):
        return escape(self.summary)


# --- the sources --------------------------------------------------------------------------------
def _page_path(page, request):
    return page.get_url(request)


def news_source(index, request, item_type=None):
    from newsroom.news.models import NewsItemPage

    queryset = facts.public_items().descendant_of(index)
    path = _page_path(index, request)
    if item_type:
        model = NewsItemPage.item_types()[item_type]
        queryset = queryset.of_type(item_type)
        label = str(model._meta.verbose_name_plural).capitalize()
        return FeedSource(
            title=label,
            description=_("The newest %(type)s from the newsroom.")
            % {"type": model._meta.verbose_name_plural},
            link=f"{path}?type={item_type}",
            feed_base=f"{path}{item_type}/feed/",
            language=index.locale.language_code,
            queryset=queryset,
        )
    return FeedSource(
        title=index.title,
        description=index.introduction or _("The newest items from the newsroom."),
        link=path,
        feed_base=f"{path}feed/",
        language=index.locale.language_code,
        queryset=queryset,
    )


def topic_source(topic, request):
    from newsroom.news.models import NewsItemPage

    topic_items = NewsItemPage.topics.through.objects.filter(topicpage=topic).values(
        "newsitempage_id"
    )
    path = _page_path(topic, request)
    return FeedSource(
        title=topic.title,
        description=topic.introduction
        or _("The newest items about %(topic)s.") % {"topic": topic.title},
        link=path,
        feed_base=f"{path}feed/",
        language=topic.locale.language_code,
        queryset=facts.public_items().filter(pk__in=topic_items),
    )


def person_source(people_index, person, request):
    from newsroom.news.models import NewsItemPage

    person_items = NewsItemPage.people.through.objects.filter(person=person).values(
        "newsitempage_id"
    )
    path = people_index.get_url(request) + people_index.reverse_subpage(
        "person_detail", kwargs={"slug": person.slug}
    )
    return FeedSource(
        title=person.name,
        description=_("The newest items involving %(name)s.") % {"name": person.name},
        link=path,
        feed_base=f"{path}feed/",
        language=people_index.locale.language_code,
        queryset=facts.public_items().filter(pk__in=person_items),
    )


def site_feed_source(request):
    """The all-news source of the current language's news index, or None (for <head> links)."""
    from newsroom.news.models import NewsIndexPage

    index = NewsIndexPage.objects.live().filter(locale__language_code=_language()).first()
    return news_source(index, request) if index else None


def _language():
    from django.utils.translation import get_language

    return get_language() or "en"


# --- the entries --------------------------------------------------------------------------------
def entries(source, request, limit=facts.FEED_LIMIT):
    items = facts.attach_videos(seek.head(facts.for_syndication(source.queryset), limit))
    return [entry_for(item, request) for item in items]


def entry_for(item, request):
    url = facts.page_url(item, request)
    video = facts.item_video(item)
    video_file = None
    if video is not None and video.video_file_id and video.video_file:
        video_file = {
            "url": facts.absolute(request, video.video_file.url),
            "mime_type": video.video_file.content_type
            or facts.mime_type_of(video.video_file.filename),
            "duration": video.duration.total_seconds() if video.duration else None,
            "size": facts.document_size(video.video_file),
        }
    kind = item.specific_class
    return FeedEntry(
        guid=facts.item_guid(item),
        url=url,
        title=item.title,
        summary=item.teaser,
        content_html=facts.body_html(item, request),
        published=facts.published_at(item),
        modified=facts.modified_at(item),
        type_label=str(kind.item_type_label) if kind else "",
        categories=[
            (topic.title, facts.page_url(topic, request)) for topic in facts.item_topics(item)
        ],
        people=[(person.name, "") for person in item.people.all()],
        image=facts.listing_image(item, request),
        video=video_file,
        language=item.locale.language_code,
    )


def organisation(request):
    from newsroom.core.models import OrganisationSettings

    return OrganisationSettings.for_request(request)
