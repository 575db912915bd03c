"""What every syndication output reads about an item.

Feeds, sitemaps, structured data, ninjs, the API and oEmbed all answer the same questions the
same way through this module: which items may leave the building (``public_items``), an item's
permanent identifier (``item_guid``), its absolute address, its publication and modification
times, its images and its body as HTML with absolute links.
"""

import datetime
import mimetypes
import re
import uuid
from dataclasses import dataclass
from urllib.parse import urljoin

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Prefetch
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.images import get_image_model

from newsroom.core.per_language import language_of
from newsroom.core.text import plain_text
from newsroom.delivery import fragments, memo

FEED_LIMIT = 50

# Rendition filter specs. Large images follow the search engines' advice (>= 1200 px wide, 16x9,
# 4x3 and 1x1 crops); Wagtail never upscales, so a smaller original gives a smaller rendition.
LARGE_SPEC = "fill-1200x675"
THUMBNAIL_SPEC = "fill-480x270"
SHARE_SPECS = {"16x9": "fill-1200x675", "4x3": "fill-1200x900", "1x1": "fill-1200x1200"}
PREVIEW_SPEC = "fill-960x540"
# Every spec this app asks for. A prefetch of renditions must hold all the specs later asked of
# those images: Wagtail trusts the prefetched list, so an existing rendition missing from it would
# be created a second time (IntegrityError).
SYNDICATION_SPECS = tuple(
    dict.fromkeys((LARGE_SPEC, THUMBNAIL_SPEC, PREVIEW_SPEC, *SHARE_SPECS.values()))
)


def whole_number(text, digits=9):
    """``text`` as a non-negative int if it is only ASCII digits (str.isdigit accepts "²")."""
    if isinstance(text, str) and re.fullmatch(rf"[0-9]{{1,{digits}}}", text):
        return int(text)
    return None


def public_items():
    """Items anyone may see: published, not expired, and outside private sections."""
    from newsroom.news.models import NewsItemPage

    queryset = memo.public(NewsItemPage.objects.live())
    expired = expired_but_live()
    if expired:  # on the primary key: the search backend only filters on indexed fields
        queryset = queryset.exclude(pk__in=expired)
    return queryset.order_by("-display_date", "-first_published_at", "-id")


def expired_but_live():
    """Ids of live items whose expiry time has passed, which the scheduler has not unpublished
    yet (about a second). The items with an expiry time are read once per site generation
    (an indexed query, see scheduling's migration), the clock compared on every call: so the
    SQL of a listing stays the same and its per-generation memos stay valid."""
    from newsroom.news.models import NewsItemPage

    expiring = memo.per_generation(
        "expiring items",
        compute=lambda: list(
            NewsItemPage.objects.live()
            .filter(expire_at__isnull=False)
            .values_list("pk", "expire_at")
        ),
    )
    now = timezone.now()
    return [pk for pk, expire_at in expiring if expire_at <= now]


def public_topics():
    from newsroom.topics.models import TopicPage

    return memo.public(TopicPage.objects.live()).order_by("title")


def renditions_prefetch(lookup, specs=SYNDICATION_SPECS):
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    return Prefetch(f"{lookup}__renditions", queryset=renditions)


def for_syndication(queryset, *, with_body=True):
    """``queryset`` with everything a feed entry or API item reads, in a fixed number of queries."""
    queryset = queryset.select_related("listing_image", "locale").prefetch_related(
        renditions_prefetch("listing_image"),
        Prefetch("topics", queryset=public_topics()),
        "people",
        "places",
    )
    return queryset if with_body else queryset.defer_streamfields()


def item_topics(item):
    """The item's public topics (prefetched by for_syndication, or fetched now)."""
    if "topics" in getattr(item, "_prefetched_objects_cache", {}):
        return list(item.topics.all())
    from newsroom.topics.models import TopicPage

    # By id: a previewed draft's topics are an in-memory list (modelcluster), not a query.
    ids = [topic.pk for topic in item.topics.all()]
    return list(memo.public(TopicPage.objects.live().filter(pk__in=ids)).order_by("title"))


def attach_videos(items):
    """Give every video in ``items`` its ``video`` details (one query for the whole list)."""
    from newsroom.news.models import VideoPage

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
    from newsroom.news.models import VideoPage

    if isinstance(item, VideoPage):
        return item
    return getattr(item, "video", None)


def item_type(item):
    """ "story", "video", ...: read from the content type, without loading the specific page."""
    return item.specific_class.item_type if item.specific_class else ""


# --- identity and addresses ---------------------------------------------------------------------
def item_guid(item):
    """A permanent id: stays the same when the headline, slug or display date change.

    Derived from the translation key (kept for life, shared by an item's translations) and the
    language, so every translation has its own id and the id survives export and import.
    """
    return f"urn:uuid:{uuid.uuid5(item.translation_key, item.locale.language_code)}"


def image_guid(image):
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'newsroom:image:{image.pk}')}"


def absolute(request, url):
    """An absolute address for ``url`` (a path, or already absolute, as media in object storage)."""
    if not url:
        return ""
    return request.build_absolute_uri(url)


def page_url(page, request):
    return absolute(request, page.get_url(request))


def home_url(request):
    from django.utils.translation import get_language

    return absolute(request, f"/{get_language() or 'en'}/")


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


def latest_modification(queryset):
    return queryset.order_by().aggregate(latest=Max("last_published_at"))["latest"]


# --- images -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ImageFacts:
    url: str
    width: int
    height: int
    mime_type: str
    alt: str
    caption: str
    credit: str


def document_size(document):
    """Size in bytes of an uploaded file (stored once measured), or 0 when unknown or missing."""
    try:
        return document.file_size or document.get_file_size() or 0
    except OSError:
        return 0


def mime_type_of(name):
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def rendition_facts(image, spec, request, language=None):
    """Absolute address, size and type of one rendition of ``image``, with its alt text,
    caption and credit in ``language`` (the active one by default)."""
    rendition = image.get_rendition(spec)
    return ImageFacts(
        url=absolute(request, rendition.url),
        width=rendition.width,
        height=rendition.height,
        mime_type=mime_type_of(rendition.file.name),
        alt=image.alt_text_in(language),
        caption=image.text_in("caption", language),
        credit=image.text_in("credit", language),
    )


def listing_image(item, request, spec=LARGE_SPEC):
    if not item.listing_image_id or item.listing_image is None:
        return None
    return rendition_facts(item.listing_image, spec, request, language_of(item))


# --- body ---------------------------------------------------------------------------------------
_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src|poster))="([^"]*)"')
_SRCSET = re.compile(r'(\ssrcset)="([^"]*)"')


def absolutize_html(html, base):
    """Rewrite relative href/src/srcset addresses in ``html`` against ``base``.

    Feed readers, partner sites and news agencies show the HTML away from this site, where a
    path like /media/... would lead nowhere.
    """

    def url(match):
        return f'{match.group(1)}="{urljoin(base, match.group(2))}"'

    def srcset(match):
        candidates = []
        for candidate in match.group(2).split(","):
            parts = candidate.strip().split(maxsplit=1)
            if parts:
                parts[0] = urljoin(base, parts[0])
                candidates.append(" ".join(parts))
        return f'{match.group(1)}="{", ".join(candidates)}"'

    return _SRCSET.sub(srcset, _URL_ATTRIBUTE.sub(url, html))


def body_html(item, request):
    """The item's body as HTML with absolute addresses (the same blocks the page renders).
    Rendered once per live revision, base address and language (``delivery/fragments.py``)."""
    base = absolute(request, "/")

    def render():
        html = item.body.render_as_block(context={"request": request}) if item.body else ""
        return absolutize_html(str(html).strip(), base)

    key = fragments.item_key(item, "body", base, get_language())
    return fragments.cached(key, render)


def body_text(html):
    return plain_text(html)
