"""IPTC ninjs 3.1 (News in JSON): each item as the document news agencies exchange.

Schema: syndication/schemas/ninjs-schema_3.1.json (IPTC, MIT licence). Served at
<item address>ninjs.json and at /api/v1/items/<id>/ninjs/. Embargoed material is never public
here, so ``embargoedUntil`` does not appear; the press area adds it for accredited journalists.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import Site

from newsroom.contacts.cards import ninjs_person
from newsroom.core import addresses, files
from newsroom.core.http import json_response, machine_readable
from newsroom.core.models import OrganisationSettings
from newsroom.core.per_language import language_of
from newsroom.images import facts as image_facts

from . import facts
from .models import NewsItemPage
from .models.index import archive_date

NINJS_VERSION = "3.1"
SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"
CONTENT_TYPE = "application/json"
IMAGE_RENDITIONS = {
    "thumbnail": image_facts.THUMBNAIL_SPEC,
    "preview": image_facts.PREVIEW_SPEC,
    "16x9": image_facts.SHARE_SPECS["16x9"],
    "4x3": image_facts.SHARE_SPECS["4x3"],
    "1x1": image_facts.SHARE_SPECS["1x1"],
}


def _iso(value):
    return value.isoformat()


def _image_association(image, request, name, organisation, language=None):
    original = {
        "name": "original",
        "href": addresses.absolute(request, image.file.url),
        "contentType": files.mime_type_of(image.file.name),
        "width": image.width,
        "height": image.height,
    }
    if image.file_size:
        original["sizeInBytes"] = image.file_size
    renditions = [original]
    for rendition_name, spec in IMAGE_RENDITIONS.items():
        rendition = image.get_rendition(spec)
        renditions.append(
            {
                "name": rendition_name,
                "href": addresses.absolute(request, rendition.url),
                "contentType": files.mime_type_of(rendition.file.name),
                "width": rendition.width,
                "height": rendition.height,
            }
        )
    association = {
        "name": name,
        "uri": image_facts.image_guid(image),
        "type": "picture",
        "representationType": "full",
        "headlines": [{"value": image.title}],
        "renditions": renditions,
    }
    descriptions = []
    caption, alt, credit = (
        image.text_in("caption", language),
        image.alt_text_in(language),
        image.text_in("credit", language),
    )
    if caption:
        descriptions.append({"role": "caption", "contentType": "text/plain", "value": caption})
    if alt:
        descriptions.append({"role": "alt", "contentType": "text/plain", "value": alt})
    if descriptions:
        association["descriptions"] = descriptions
    if credit:
        association["by"] = credit
        association["copyrightHolder"] = credit
    elif organisation.copyright_holder:
        association["copyrightHolder"] = organisation.copyright_holder
    if image.created_at:
        association["firstCreated"] = _iso(image.created_at)
    return association


def _genre(kind, literal):
    genre = {"name": str(kind.item_type_label), "literal": literal}
    if kind.genre_uri:  # an IPTC genre, e.g. PressRelease
        genre["uri"] = kind.genre_uri
    return genre


def ninjs_document(item, request):
    """The ninjs 3.1 document of one public item (``item`` may be generic or specific)."""
    organisation = OrganisationSettings.for_request(request)
    press_contacts = facts.press_contacts_of([item], Site.find_for_request(request)).get(
        item.pk, []
    )
    video = facts.item_video(item)
    url = addresses.page_url(item, request)
    body = facts.body_html(item, request)
    text = facts.body_text(body)
    kind = item.specific_class
    document = {
        "uri": facts.item_guid(item),
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": SCHEMA_URI},
        "type": "video"
        if video is not None
        else ("composite" if item.listing_image_id else "text"),
        "representationType": "full",
        "profile": f"newsroom-{facts.item_type(item) or 'item'}",
        "version": facts.item_version(item),
        "firstCreated": _iso(facts.published_at(item)),
        "versionCreated": _iso(facts.modified_at(item)),
        "pubStatus": "usable",
        "language": item.locale.language_code,
        "headlines": [{"role": "main", "value": item.title}],
        "descriptions": [
            {"role": "summary", "contentType": "text/plain", "value": item.teaser},
            *(_change_note(update) for update in facts.item_updates(item)),
        ],
        "bodies": [
            {
                "role": "main",
                "contentType": "text/html",
                "charCount": len(text),
                "wordCount": len(text.split()),
                "value": body,
            },
            {"role": "main", "contentType": "text/plain", "value": text},
        ],
        "genres": [_genre(kind, facts.item_type(item))] if kind else [],
        "subjects": [
            {
                "name": topic.title,
                "rel": "about",
                "uri": addresses.page_url(topic, request),
                "literal": topic.slug,
            }
            for topic in facts.item_topics(item)
        ],
        "people": [
            *(
                {"name": person.name, "rel": "about", "literal": person.slug}
                for person in item.people.all()
            ),
            *(ninjs_person(contact) for contact in press_contacts),
        ],
        "places": [
            {
                "name": place.name,
                "rel": "about",
                "uri": f"http://cvx.iptc.org/iso3166-1a2/{place.iso_code.lower()}",
                "literal": place.iso_code,
            }
            for place in item.places.all()
        ],
        "renditions": [{"name": "web", "href": url, "contentType": "text/html"}],
        "altIds": [{"role": "url", "value": url}, {"role": "page-id", "value": str(item.pk)}],
        "associations": [],
    }
    if item.dateline:
        document["located"] = item.dateline
    document["copyrightHolder"] = organisation.copyright_holder or organisation.name
    if organisation.usage_terms:
        document["usageTerms"] = organisation.usage_terms
    if video is not None:
        document["renditions"].extend(_video_renditions(video, request))
        if video.transcript:
            document["bodies"].append(
                {"role": "transcript", "contentType": "text/html", "value": video.transcript}
            )
    if item.listing_image_id and item.listing_image:
        name = "thumbnail" if video is not None else "mainpic"
        document["associations"].append(
            _image_association(item.listing_image, request, name, organisation, language_of(item))
        )
    return {key: value for key, value in document.items() if value != []}


def _change_note(update):
    """A public change note as a ninjs description (ninjs has no field of its own for them):
    role "change-note", its time (RFC 3339) then the note, newest first."""
    return {
        "role": "change-note",
        "contentType": "text/plain",
        "value": f"{_iso(update['date'])} {update['note']}",
    }


def withdrawn_document(item, request):
    """The ninjs of a withdrawn item: which it was, canceled (ninjs 3.1's pubStatus for content
    taken back; it has no "withdrawn"), when and why, and nothing of its text."""
    withdrawal = facts.withdrawal_facts(item, request)
    return {
        "uri": withdrawal["uri"],
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": SCHEMA_URI},
        "type": "text",
        "representationType": "full",
        "profile": f"newsroom-{facts.item_type(item) or 'item'}",
        "firstCreated": _iso(facts.published_at(item)),
        "versionCreated": _iso(withdrawal["withdrawn_at"]),
        "pubStatus": "canceled",
        "language": withdrawal["language"],
        "headlines": [{"role": "main", "value": item.title}],
        "descriptions": [
            {"role": "withdrawal", "contentType": "text/plain", "value": withdrawal["reason"]}
        ],
        "altIds": [
            {"role": "url", "value": withdrawal["url"]},
            {"role": "page-id", "value": str(item.pk)},
        ],
    }


def _video_renditions(video, request):
    renditions = []
    seconds = video.duration.total_seconds() if video.duration else None
    if video.video_file_id and video.video_file:
        rendition = {
            "name": "video",
            "href": addresses.absolute(request, video.video_file.url),
            "contentType": video.video_file.content_type
            or files.mime_type_of(video.video_file.filename),
        }
        if files.document_size(video.video_file):
            rendition["sizeInBytes"] = files.document_size(video.video_file)
        if seconds is not None:
            rendition["duration"] = seconds
        renditions.append(rendition)
    if video.video_url:
        rendition = {"name": "external", "href": video.video_url, "contentType": "text/html"}
        if seconds is not None:
            rendition["duration"] = seconds
        renditions.append(rendition)
    if video.captions_file_id and video.captions_file:
        renditions.append(
            {
                "name": "captions",
                "href": addresses.absolute(request, video.captions_file.url),
                "contentType": "text/vtt",
            }
        )
    return renditions


def find_public_item(queryset):
    """The first item of ``queryset`` (built on ``NewsItemPage.objects.visible()``) with all
    it shows."""
    item = facts.for_syndication(queryset).first()
    if item is not None:
        facts.attach_videos([item])
    return item


@machine_readable(max_age=300, limited=True)
def serve_ninjs(request, item):
    return json_response(ninjs_document(item, request), content_type=CONTENT_TYPE)


@machine_readable(max_age=300, limited=True)
def serve_withdrawn_ninjs(request, item):
    """410 Gone, with the ninjs that says the item was withdrawn (pubStatus "canceled")."""
    response = json_response(withdrawn_document(item, request), content_type=CONTENT_TYPE)
    response.status_code = 410
    return response


def item_ninjs_view(request, index, year, month, day, slug):
    """<item address>ninjs.json: the item's ninjs, found like the item page itself."""
    date = archive_date(year, month, day)
    item = find_public_item(
        NewsItemPage.objects.visible().newest_first().child_of(index).filter(slug=slug)
    )
    if item is None:
        withdrawn = NewsItemPage.objects.withdrawn().child_of(index).filter(slug=slug).first()
        if withdrawn is None or withdrawn.display_date != date:
            raise Http404(_("No published item has this address."))
        return serve_withdrawn_ninjs(request, withdrawn)
    if item.display_date != date:
        return redirect(item.get_url(request) + "ninjs.json", permanent=True)
    return serve_ninjs(request, item)
