"""What every syndication output reads about an item.

Feeds, sitemaps, structured data, ninjs, the API, oEmbed and the press area all answer the same
questions the same way through this module: an item's permanent identifier (``item_guid``), its
publication and modification times, its topics, its video, its listing image and its body as
HTML with absolute links, its version and its public change notes. Which items may leave the
building is ``NewsItemPage.objects.visible()``; a withdrawn item is described by
``withdrawal_facts`` alone.
"""

import datetime
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Prefetch
from django.utils import timezone
from django.utils.translation import get_language

from newsroom.caching import fragments
from newsroom.core.addresses import absolute, absolutize_html, page_url
from newsroom.core.per_language import language_of
from newsroom.core.text import plain_text
from newsroom.images.facts import LARGE_SPEC, rendition_facts, renditions_prefetch
from newsroom.topics.models import public_topics

from .models import NewsItemPage, VideoPage


def for_syndication(queryset, *, with_body=True):
    """``queryset`` with everything a feed entry or API item reads, in a fixed number of queries."""
    queryset = queryset.select_related("listing_image", "locale").prefetch_related(
        renditions_prefetch("listing_image"),
        Prefetch("topics", queryset=public_topics()),
        "people",
        "places",
    )
    if not with_body:  # a summary: neither the body nor the notes that follow it
        return queryset.defer_streamfields()
    return queryset.prefetch_related("change_notes")


def item_topics(item):
    """The item's public topics (prefetched by for_syndication, or fetched now)."""
    if "topics" in getattr(item, "_prefetched_objects_cache", {}):
        return list(item.topics.all())
    # By id: a previewed draft's topics are an in-memory list (modelcluster), not a query.
    ids = [topic.pk for topic in item.topics.all()]
    return list(public_topics().filter(pk__in=ids))


def attach_videos(items):
    """Give every video in ``items`` its ``video`` details (one query for the whole list)."""
    items = list(items)
    video_type = ContentType.objects.get_for_model(VideoPage)
    ids = [item.pk for item in items if item.content_type_id == video_type.pk]
    videos = (
        VideoPage.objects.filter(pk__in=ids)
        .defer_streamfields()
        .select_related("video_file", "captions_file")
        .in_bulk()
        if ids
        else {}
    )
    for item in items:
        item.video = videos.get(item.pk)
    return items


def item_video(item):
    """The VideoPage behind ``item`` (attached in bulk, or the item itself), or None."""
    if isinstance(item, VideoPage):
        return item
    return getattr(item, "video", None)


def item_type(item):
    """ "story", "video", ...: read from the content type, without loading the specific page."""
    return item.specific_class.item_type if item.specific_class else ""


def item_guid(item):
    """A permanent id: stays the same when the headline, slug or display date change.

    Derived from the translation key (kept for life, shared by an item's translations) and the
    language, so every translation has its own id and the id survives export and import.
    """
    return f"urn:uuid:{uuid.uuid5(item.translation_key, item.locale.language_code)}"


# --- dates --------------------------------------------------------------------------------------
def published_at(item):
    """When the item was published, as an aware local datetime.

    The first publication time, unless the display date says otherwise (an archive item imported
    today with a 2019 display date was published in 2019): then midnight of the display date.
    """
    tz = timezone.get_current_timezone()
    first = item.first_published_at
    if first is not None:
        first = timezone.localtime(first, tz)
        if first.date() == item.display_date:
            return first.replace(microsecond=0)
    return datetime.datetime.combine(item.display_date, datetime.time(), tzinfo=tz)


def modified_at(item):
    """When the item last changed; never before its publication."""
    published = published_at(item)
    last = item.last_published_at or item.first_published_at
    if last is None:
        return published
    return max(published, timezone.localtime(last).replace(microsecond=0))


def item_version(item):
    """The version of what readers see: the live revision's number (it grows with every
    publication; an item published once is version 1 in no particular sense, but stays it)."""
    return str(item.live_revision_id or 1)


def item_updates(item):
    """The item's public change notes, newest first: [{"date": aware local datetime, "note"}]
    (prefetched by for_syndication, or read now when the item has been updated at all)."""
    prefetched = "change_notes" in getattr(item, "_prefetched_objects_cache", {})
    notes = item.change_notes.all() if prefetched or item.last_updated_at else []
    return [
        {"date": timezone.localtime(note.published_at).replace(microsecond=0), "note": note.text}
        for note in notes
    ]


def withdrawal_facts(item, request):
    """What machines are told of a withdrawn item: which it was, when and why it went."""
    return {
        "uri": item_guid(item),
        "url": page_url(item, request),
        "title": item.title,
        "language": item.locale.language_code,
        "withdrawn_at": timezone.localtime(item.withdrawn_at).replace(microsecond=0),
        "reason": item.withdrawal_reason,
    }


def latest_modification(queryset):
    return queryset.order_by().aggregate(latest=Max("last_published_at"))["latest"]


# --- images and body ----------------------------------------------------------------------------
def listing_image(item, request, spec=LARGE_SPEC):
    if not item.listing_image_id or item.listing_image is None:
        return None
    return rendition_facts(item.listing_image, spec, request, language_of(item))


def body_html(item, request):
    """The item's body as HTML with absolute addresses (the same blocks the page renders).
    Rendered once per live revision, base address and language (``caching/fragments.py``)."""
    base = absolute(request, "/")

    def render():
        html = item.body.render_as_block(context={"request": request}) if item.body else ""
        return absolutize_html(str(html).strip(), base)

    key = fragments.item_key(item, "body", base, get_language())
    return fragments.cached(key, render)


def body_text(html):
    return plain_text(html)


def press_contacts_of(items, site):
    """{item id: its press contacts} for the items whose type shows them (press releases,
    speeches, advisories): each item's own, or its section's defaults. One query for the lot,
    none when no item shows contacts."""
    items = [item for item in items if getattr(item.specific_class, "shows_press_contacts", False)]
    if not items:
        return {}
    through = NewsItemPage.press_contacts.through
    rows = (
        through.objects.filter(newsitempage_id__in=[item.pk for item in items])
        .select_related("presscontact__photo")
        .order_by("presscontact__name", "presscontact__pk")
    )
    chosen = {}
    for row in rows:
        chosen.setdefault(row.newsitempage_id, []).append(row.presscontact)
    return {item.pk: item.contacts_for_readers(site, chosen.get(item.pk, [])) for item in items}
