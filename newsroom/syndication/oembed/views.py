"""oEmbed 1.0 provider: /api/oembed/?url=<item address>&format=json&maxwidth=&maxheight=

Videos answer as type "video", every other item as a "rich" story card. Both embed an iframe of
/api/oembed/frame/<id>/, a small page that partner sites may frame (the rest of the site may
not), so the partner never runs our markup in their own page.
"""

from urllib.parse import urlsplit

from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from wagtail.models import Site

from newsroom.core import addresses, text
from newsroom.core.http import json_error, json_response, machine_readable
from newsroom.core.models import OrganisationSettings
from newsroom.images import facts as image_facts
from newsroom.news import facts
from newsroom.news.models import NewsItemPage
from newsroom.news.ninjs import find_public_item

DEFAULT_WIDTH = 640
CARD_TEXT_HEIGHT = 160
OEMBED_MAX_AGE = 300


def _dimension(request, name):
    raw = request.GET.get(name)
    if raw in (None, ""):
        return None
    number = text.whole_number(raw)
    if number is None or not 1 <= number <= 10000:
        raise ValueError(
            _("%(name)s must be a whole number of pixels from 1 to 10000.") % {"name": name}
        )
    return number


def _our_hosts(request):
    hosts = {request.get_host().lower()}
    for site in Site.objects.all():
        hosts.add(site.hostname.lower())
        hosts.add(f"{site.hostname}:{site.port}".lower())
    return hosts


def item_for_url(request, url):
    """The public item at ``url`` on this site, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.netloc.lower() not in _our_hosts(request):
        return None
    segments = [segment for segment in parts.path.split("/") if segment]
    if len(segments) < 5:
        return None
    slug = segments[-1]
    candidates = NewsItemPage.objects.visible().newest_first().filter(slug=slug)
    for candidate in candidates:
        if (
            candidate.get_url(request) == parts.path
            or addresses.page_url(candidate, request) == url
        ):
            return find_public_item(
                NewsItemPage.objects.visible().newest_first().filter(pk=candidate.pk)
            )
    return None


def _size(item, video, maxwidth, maxheight):
    """16:9 for a player; a card adds room for its text. Never more than maxwidth/maxheight."""
    width = min(DEFAULT_WIDTH, maxwidth) if maxwidth else DEFAULT_WIDTH
    picture = round(width * 9 / 16)
    if video is not None:
        height = picture
        if maxheight and height > maxheight:
            height, width = maxheight, min(width, round(maxheight * 16 / 9))
        return width, height
    height = (picture if item.listing_image_id else 0) + CARD_TEXT_HEIGHT
    return width, min(height, maxheight) if maxheight else height


@machine_readable(max_age=OEMBED_MAX_AGE, limited=True)
def oembed(request):

    url = request.GET.get("url", "").strip()
    if not url:
        return json_error(400, _("Give the address of an item: ?url=<item address>."))
    output = request.GET.get("format", "json")
    if output != "json":
        return json_error(501, _("Only the json format is available."))
    try:
        maxwidth = _dimension(request, "maxwidth")
        maxheight = _dimension(request, "maxheight")
    except ValueError as error:
        return json_error(400, str(error))
    item = item_for_url(request, url)
    if item is None:
        return json_error(404, _("No published item of this newsroom has that address."))
    video = facts.item_video(item)
    width, height = _size(item, video, maxwidth, maxheight)
    frame_url = request.build_absolute_uri(reverse("syndication:oembed-frame", args=[item.pk]))
    organisation = OrganisationSettings.for_request(request)
    html = (
        f'<iframe src="{escape(frame_url)}" width="{width}" height="{height}" '
        f'title="{escape(item.title)}" frameborder="0" loading="lazy" '
        f'allow="fullscreen; picture-in-picture" allowfullscreen></iframe>'
    )
    data = {
        "version": "1.0",
        "type": "video" if video is not None else "rich",
        "title": item.title,
        "provider_name": organisation.newsroom_title,
        "provider_url": addresses.home_url(request),
        "author_name": organisation.name,
        "author_url": addresses.home_url(request),
        "cache_age": OEMBED_MAX_AGE,
        "html": html,
        "width": width,
        "height": height,
    }
    thumbnail = facts.listing_image(item, request, image_facts.THUMBNAIL_SPEC)
    if thumbnail:
        data.update(
            thumbnail_url=thumbnail.url,
            thumbnail_width=thumbnail.width,
            thumbnail_height=thumbnail.height,
        )
    return json_response(data)


@xframe_options_exempt
def frame(request, item_id):
    """The embeddable player or story card (the oEmbed iframe's document)."""
    # The route takes any digits; an id past 18 digits cannot exist (and overflows SQLite).
    number = text.whole_number(str(item_id), digits=18)
    item = (
        find_public_item(NewsItemPage.objects.visible().newest_first().filter(pk=number))
        if number
        else None
    )
    if item is None:
        raise Http404(_("No published item has this id."))
    video = facts.item_video(item)
    response = TemplateResponse(
        request,
        "syndication/embed_frame.html",
        {
            "item": item,
            "video": video,
            "item_url": addresses.page_url(item, request),
            "image": facts.listing_image(item, request, image_facts.PREVIEW_SPEC),
        },
    )
    return response
