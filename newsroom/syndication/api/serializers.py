"""The API's JSON shapes (described in openapi.py; a test checks every answer against it)."""

from urllib.parse import urlencode

from django.urls import reverse
from wagtail.models import Site

from newsroom.contacts.cards import contact_facts
from newsroom.core import addresses
from newsroom.core.per_language import language_of
from newsroom.images import facts as image_facts
from newsroom.news import facts
from newsroom.topics.models import PeopleIndexPage


def _image(image):
    if image is None:
        return None
    return {
        "url": image.url,
        "width": image.width,
        "height": image.height,
        "mime_type": image.mime_type,
        "alt": image.alt,
        "caption": image.caption,
        "credit": image.credit,
    }


def api_url(request, name, query=None, **kwargs):
    url = request.build_absolute_uri(reverse(f"syndication:{name}", kwargs=kwargs or None))
    return f"{url}?{urlencode(query)}" if query else url


class PeopleAddresses:
    """Where each person's page is, per language: one query per request, whatever the count."""

    def __init__(self, request):
        self.request = request
        self.indexes = {index.locale_id: index for index in PeopleIndexPage.objects.live()}

    def path(self, person):
        index = self.indexes.get(person.locale_id)
        if index is None:
            return None
        return index.get_url(self.request) + index.reverse_subpage(
            "person_detail", kwargs={"slug": person.slug}
        )

    def url(self, person):
        path = self.path(person)
        return addresses.absolute(self.request, path) if path else None


def item_summary(item, request, people):
    thumbnail = facts.listing_image(item, request, image_facts.THUMBNAIL_SPEC)
    image = _image(facts.listing_image(item, request))
    if image is not None:
        image["thumbnail"] = {
            "url": thumbnail.url,
            "width": thumbnail.width,
            "height": thumbnail.height,
        }
    url = addresses.page_url(item, request)
    return {
        "id": item.pk,
        "uri": facts.item_guid(item),
        "type": facts.item_type(item),
        "title": item.title,
        "teaser": item.teaser,
        "dateline": item.dateline,
        "display_date": item.display_date.isoformat(),
        "published": facts.published_at(item).isoformat(),
        "modified": facts.modified_at(item).isoformat(),
        "language": item.locale.language_code,
        "status": "published",
        "version": facts.item_version(item),
        "url": url,
        "image": image,
        "topics": [
            {"slug": topic.slug, "title": topic.title, "url": addresses.page_url(topic, request)}
            for topic in facts.item_topics(item)
        ],
        "people": [
            {"slug": person.slug, "name": person.name, "url": people.url(person)}
            for person in item.people.all()
        ],
        "places": [{"iso_code": place.iso_code, "name": place.name} for place in item.places.all()],
        "links": {
            "self": api_url(request, "api-item", item_id=item.pk),
            "ninjs": api_url(request, "api-item-ninjs", item_id=item.pk),
            "html": url,
        },
    }


def item_detail(item, request, people):
    data = item_summary(item, request, people)
    data["body_html"] = facts.body_html(item, request)
    video = facts.item_video(item)
    data["video"] = None
    if video is not None:
        data["video"] = {
            "file_url": addresses.absolute(request, video.video_file.url)
            if video.video_file
            else None,
            "file_type": (video.video_file.content_type or None) if video.video_file else None,
            "external_url": video.video_url or None,
            "captions_url": addresses.absolute(request, video.captions_file.url)
            if video.captions_file
            else None,
            "duration_seconds": int(video.duration.total_seconds()) if video.duration else None,
            "transcript_html": video.transcript or "",
        }
    contacts = facts.press_contacts_of([item], Site.find_for_request(request)).get(item.pk, [])
    data["press_contacts"] = [contact_facts(contact, request) for contact in contacts]
    data["updates"] = [
        {"date": update["date"].isoformat(), "note": update["note"]}
        for update in facts.item_updates(item)
    ]
    return data


def withdrawn_item(item, request):
    """A withdrawn item (answered with 410 Gone): which it was, when and why it went."""
    withdrawal = facts.withdrawal_facts(item, request)
    return {
        "id": item.pk,
        "uri": withdrawal["uri"],
        "type": facts.item_type(item),
        "title": withdrawal["title"],
        "language": withdrawal["language"],
        "status": "withdrawn",
        "withdrawn": withdrawal["withdrawn_at"].isoformat(),
        "reason": withdrawal["reason"],
        "url": withdrawal["url"],
    }


def feed_links(request, feed_base):
    return {
        fmt: addresses.absolute(request, f"{feed_base}{fmt}/") for fmt in ("rss", "atom", "json")
    }


def topic(topic_page, request):
    path = topic_page.get_url(request)
    return {
        "slug": topic_page.slug,
        "title": topic_page.title,
        "introduction": topic_page.introduction,
        "url": addresses.absolute(request, path),
        "language": topic_page.locale.language_code,
        "links": {
            "self": api_url(request, "api-topic", slug=topic_page.slug),
            "items": api_url(
                request,
                "api-items",
                {"topic": topic_page.slug, "lang": topic_page.locale.language_code},
            ),
            "feeds": feed_links(request, f"{path}feed/"),
        },
    }


def person(person_obj, request, people):
    photo = None
    if person_obj.photo_id and person_obj.photo:
        photo = _image(
            image_facts.rendition_facts(
                person_obj.photo, PHOTO_SPEC, request, language_of(person_obj)
            )
        )
    path = people.path(person_obj)
    return {
        "slug": person_obj.slug,
        "name": person_obj.name,
        "role": person_obj.role,
        "biography": person_obj.biography,
        "photo": photo,
        "url": addresses.absolute(request, path) if path else None,
        "language": person_obj.locale.language_code,
        "links": {
            "self": api_url(request, "api-person", slug=person_obj.slug),
            "items": api_url(
                request,
                "api-items",
                {"person": person_obj.slug, "lang": person_obj.locale.language_code},
            ),
            "feeds": feed_links(request, f"{path}feed/") if path else None,
        },
    }


PHOTO_SPEC = "fill-400x400"
