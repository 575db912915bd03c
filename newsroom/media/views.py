"""/en/media/ (/fr/medias/): the media library, each photo's page and downloads, galleries.

    /en/media/                                   photos (?type=video, ?type=gallery), filterable
    /en/media/photos/<id>/                       one photo: caption, credit, terms, items, downloads
    /en/media/photos/<id>/download/<size>/       "web" (JPEG, 2048 px at most) or "original"
    /en/media/galleries/<slug>/                  a gallery: grid and viewer
    /en/media/galleries/<slug>/photos.zip        its originals as one ZIP, streamed

Cache rules: what readers get is public and kept by the page cache until the site's generation
moves on (a publish, an image's or gallery's save: ``delivery/invalidation.py``); downloads are
streamed, which the page cache never stores. Answers that depend on a journalist's accreditation
(restricted photos) are ``private, no-store``, and every restricted download is an audit row.
"""

import logging
import re

from django.http import Http404, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from newsroom.core.i18n import active_locale
from newsroom.core.listing import paginate_or_404
from newsroom.core.models import OrganisationSettings
from newsroom.press.access import active_account, audit_media, private

from . import downloads, queries
from .forms import MediaFilterForm

logger = logging.getLogger(__name__)
PER_PAGE = 24
SLUG = re.compile(r"[-\w]{1,255}")


def _journalist(request):
    return active_account(request.user) if request.user.is_authenticated else None


def _answer(response, journalist):
    return private(response) if journalist else response


def library(request):
    locale = active_locale()
    form = MediaFilterForm(request.GET or None, locale_id=locale.pk)
    filters = form.valid_filters() if request.GET else {}
    journalist = _journalist(request)
    items = None
    if filters.get("topic") or filters.get("person"):
        items = queries.visible_items()
        if filters.get("topic"):
            items = items.tagged(filters["topic"].translation_key)
        if filters.get("person"):
            items = items.involving(filters["person"], locale.pk)
    kind = filters.get("type", "photo")
    if kind == "video":
        videos = queries.listed_videos(items if items is not None else queries.visible_items())
        videos = _dated(videos, filters, "display_date")
        listing = queries.with_renditions(
            videos, *queries.TILE_SPECS, lookup="listing_image__renditions"
        )
    elif kind == "gallery":
        galleries = queries.public_galleries()
        if items is not None:
            galleries = galleries.filter(uses__page__in=items.values("pk")).distinct()
        listing = galleries.prefetch_related("photos")
        listing = queries.with_renditions(
            listing.order_by("title", "pk"),
            *queries.TILE_SPECS,
            lookup="photos__image__renditions",
        ).prefetch_related("photos__image")
    else:
        images = _dated(
            queries.listed_images(journalist=journalist is not None, items=items),
            filters,
            "asset_date",
        )
        listing = queries.with_renditions(images, *queries.TILE_SPECS)
    page = paginate_or_404(listing, request, PER_PAGE)
    response = TemplateResponse(
        request,
        "media/library.html",
        {"form": form, "filters": filters, "kind": kind, "assets": page},
    )
    if form.is_bound and form.errors:
        response.status_code = 400
    return _answer(response, journalist)


def _dated(queryset, filters, field):
    if filters.get("from"):
        queryset = queryset.filter(**{f"{field}__gte": filters["from"]})
    if filters.get("to"):
        queryset = queryset.filter(**{f"{field}__lte": filters["to"]})
    return queryset


def _listed_image(request, pk, journalist):
    """The photo at this address if this reader may see it, else a 404 that says so."""
    if pk > 2**62:
        raise Http404(_("There is no photo at this address."))
    image = queries.listed_images(journalist=journalist is not None).filter(pk=pk).first()
    if image is None:
        raise Http404(_("There is no photo at this address, or it is not published."))
    return image


def _renditions(image, *specs):
    """The image's renditions; a photo whose file is gone is a 404 that says so, not a 500."""
    try:
        return [image.get_rendition(spec) for spec in specs]
    except OSError:  # Wagtail's SourceImageIOError among them
        logger.warning("media library: the file of image %s is missing", image.pk)
        raise Http404(_("This photo's file is missing.")) from None


def photo(request, pk):
    journalist = _journalist(request)
    image = _listed_image(request, pk, journalist)
    organisation = OrganisationSettings.for_request(request)
    display, web = _renditions(image, queries.DISPLAY_SPEC, queries.WEB_SPEC)
    context = {
        "image": image,
        "display": display,
        "web": web,
        "usage_terms": image.usage_terms or organisation.text_in("usage_terms"),
        "copyright": downloads.copyright_of(image, organisation),
        "items": list(queries.items_showing(image, get_language())[:20]),
        "galleries": list(queries.galleries_showing(image)[:20]),
    }
    response = TemplateResponse(request, "media/photo.html", context)
    return _answer(response, journalist or image.restricted)


def photo_download(request, pk, size):
    if size not in ("web", "original"):
        raise Http404(_("A photo can be downloaded at “web” size or as the “original”."))
    journalist = _journalist(request)
    image = _listed_image(request, pk, journalist)
    organisation = OrganisationSettings.for_request(request)
    if size == "web":
        (rendition,) = _renditions(image, queries.WEB_SPEC)
        content, name = downloads.rendition_with_metadata(rendition, image, organisation)
    elif not image.file.storage.exists(image.file.name):
        raise Http404(_("This photo's file is missing."))
    else:
        content, name = downloads.original_with_metadata(image, organisation)
    response = StreamingHttpResponse(content, content_type=downloads.content_type(name))
    filename = f"{slugify(image.title) or 'photo'}-{image.pk}{downloads.extension(name)}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if image.restricted:
        audit_media(request, journalist, [image.title])
        return private(response)
    return _answer(response, journalist)


def _public_gallery(slug):
    # A slug is letters, digits and dashes: anything else (a NUL byte PostgreSQL refuses, say)
    # names no gallery.
    gallery = None
    if SLUG.fullmatch(slug):
        gallery = queries.public_galleries().filter(slug=slug).first()
    if gallery is None:
        raise Http404(_("There is no gallery at this address, or it is not published."))
    return gallery


def gallery(request, slug):
    journalist = _journalist(request)
    found = _public_gallery(slug)
    photos = queries.with_renditions(
        queries.gallery_photos(found, journalist=journalist is not None),
        *queries.TILE_SPECS,
        queries.DISPLAY_SPEC,
        lookup="image__renditions",
    )
    response = TemplateResponse(
        request,
        "media/gallery.html",
        {
            "gallery": found,
            "photos": list(photos),
            "display_spec": queries.DISPLAY_SPEC,
        },
    )
    return _answer(response, journalist)


def gallery_zip(request, slug):
    journalist = _journalist(request)
    found = _public_gallery(slug)
    # A photo whose file is gone is left out: a ZIP cannot say so once it has started.
    photos = [
        photo
        for photo in queries.gallery_photos(found, journalist=journalist is not None)
        if photo.image.file.storage.exists(photo.image.file.name)
    ]
    organisation = OrganisationSettings.for_request(request)
    response = StreamingHttpResponse(
        downloads.gallery_zip(photos, organisation), content_type="application/zip"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{slugify(found.slug) or "gallery"}.zip"'
    )
    restricted = [photo.image.title for photo in photos if photo.image.restricted]
    if restricted:
        audit_media(request, journalist, restricted)
        return private(response)
    return _answer(response, journalist)
