"""schema.org JSON-LD: NewsArticle, VideoObject, Event (media advisories), BreadcrumbList,
Organization and WebSite."""

import json
import logging
import re

from django.urls import reverse
from django.utils.safestring import mark_safe

from newsroom.core import addresses
from newsroom.core.text import plain_text
from newsroom.images import facts as image_facts
from newsroom.news import facts

logger = logging.getLogger(__name__)
CONTEXT = "https://schema.org"
LOGO_SPEC = "max-600x60"
HEADLINE_LENGTH = 110  # search engines cut longer headlines


def script(data):
    """``data`` as the body of a <script type="application/ld+json">, safe against </script>."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - every markup character is escaped above


def iso_duration(duration):
    """timedelta -> ISO 8601 duration, e.g. PT3M25S."""
    seconds = int(duration.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    text = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return text + (f"{seconds}S" if seconds or text == "PT" else "")


def organization_id(request):
    return addresses.home_url(request) + "#organization"


def logo(organisation, request):
    if not organisation.logo_id or organisation.logo is None:
        return None
    rendition = image_facts.rendition_facts(organisation.logo, LOGO_SPEC, request)
    return {
        "@type": "ImageObject",
        "url": rendition.url,
        "width": rendition.width,
        "height": rendition.height,
    }


def organization(organisation, request, *, context=True):
    data = {
        "@type": "Organization",
        "@id": organization_id(request),
        "name": organisation.name,
        "url": addresses.home_url(request),
    }
    image = logo(organisation, request)
    if image:
        data["logo"] = image
    return {"@context": CONTEXT, **data} if context else data


def website(organisation, request, language):
    search = request.build_absolute_uri(reverse("search"))
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "@id": addresses.home_url(request) + "#website",
        "url": addresses.home_url(request),
        "name": organisation.newsroom_title,
        "inLanguage": language,
        "publisher": {"@id": organization_id(request)},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


def share_images(item, request):
    """The listing image in 16x9, 4x3 and 1x1 crops, as search engines ask."""
    if not item.listing_image_id or item.listing_image is None:
        return []
    return [
        image_facts.rendition_facts(item.listing_image, spec, request)
        for spec in image_facts.SHARE_SPECS.values()
    ]


def _headline(title):
    return title if len(title) <= HEADLINE_LENGTH else title[: HEADLINE_LENGTH - 1] + "…"


def news_article(item, request, organisation, images):
    url = addresses.page_url(item, request)
    publisher = organization(organisation, request, context=False)
    data = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "headline": _headline(item.title),
        "description": item.teaser,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": facts.published_at(item).isoformat(),
        "dateModified": facts.modified_at(item).isoformat(),
        "inLanguage": item.locale.language_code,
        "author": [{"@type": "Organization", "name": organisation.name, "url": publisher["url"]}],
        "publisher": publisher,
        "identifier": facts.item_guid(item),
    }
    if images:
        data["image"] = [image.url for image in images]
    topics = [topic.title for topic in facts.item_topics(item)]
    if topics:
        data["keywords"] = topics
    if item.dateline:
        data["locationCreated"] = {"@type": "Place", "name": item.dateline}
    return data


def _embed_url(video_url):
    """The player address of an external video (from Wagtail's embed), else the page address."""
    from wagtail.embeds.embeds import get_embed
    from wagtail.embeds.exceptions import EmbedException

    try:
        embed = get_embed(video_url)
    except EmbedException:
        return video_url
    except Exception:  # a provider being down must never break the page
        logger.warning("Could not look up the embed of %s", video_url, exc_info=True)
        return video_url
    match = re.search(r'<iframe[^>]+src="([^"]+)"', embed.html or "")
    return match.group(1).replace("&amp;", "&") if match else video_url


def video_object(video, request, organisation, images):

    url = addresses.page_url(video, request)
    data = {
        "@context": CONTEXT,
        "@type": "VideoObject",
        "name": video.title,
        "description": video.teaser,
        "url": url,
        "uploadDate": facts.published_at(video).isoformat(),
        "inLanguage": video.locale.language_code,
        "publisher": organization(organisation, request, context=False),
        "identifier": facts.item_guid(video),
    }
    if images:
        data["thumbnailUrl"] = [image.url for image in images]
    else:
        image = logo(organisation, request)
        if image:
            data["thumbnailUrl"] = [image["url"]]
    if video.duration:
        data["duration"] = iso_duration(video.duration)
    if video.video_file_id and video.video_file:
        data["contentUrl"] = addresses.absolute(request, video.video_file.url)
    elif video.video_url:
        data["embedUrl"] = _embed_url(video.video_url)
    if video.transcript:
        data["transcript"] = plain_text(video.transcript)
    return data


def event(advisory, request, organisation, images):
    """A media advisory as the event it announces."""
    url = addresses.page_url(advisory, request)
    data = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": advisory.title,
        "description": advisory.teaser,
        "url": url,
        "startDate": advisory.event_start.isoformat(),
        "eventStatus": _event_status(advisory),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": advisory.venue},
        "organizer": organization(organisation, request, context=False),
        "inLanguage": advisory.locale.language_code,
        "identifier": facts.item_guid(advisory),
    }
    if advisory.event_end:
        data["endDate"] = advisory.event_end.isoformat()
    if advisory.live_stream_url:
        # In the room and watched from afar: both places, as schema.org describes mixed events.
        data["eventAttendanceMode"] = "https://schema.org/MixedEventAttendanceMode"
        data["location"] = [
            data["location"],
            {"@type": "VirtualLocation", "url": advisory.live_stream_url},
        ]
    if images:
        data["image"] = [image.url for image in images]
    return data


def _event_status(advisory):
    if advisory.is_cancelled:
        return "https://schema.org/EventCancelled"
    if advisory.is_moved:
        return "https://schema.org/EventRescheduled"
    return "https://schema.org/EventScheduled"


def breadcrumbs(trail):
    """trail: [(name, absolute url), ...] from the front page down to the current page."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }
