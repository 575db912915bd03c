"""Build the demo newsroom under a front page: images, people, places, topics, items, links.

Called by ``newsroom setup`` when it has just created the site tree, and by
``newsroom load-demo``. Either everything is created or nothing (one transaction).
"""

import datetime
import sys
import time
import zoneinfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import CommandError
from django.db import transaction
from wagtail.models import Locale, Site

from newsroom.core.models import OrganisationSettings, StandardPage
from newsroom.home.models import FeaturedItem, MoreLink
from newsroom.home.site_tree import news_index, topic_index
from newsroom.images.models import NewsroomImage
from newsroom.news.models import NewsItemPage, StoryPage, VideoPage
from newsroom.topics.models import Person, Place, TopicPage

from . import content, images

ITEM_MODELS = {"story": StoryPage, "video": VideoPage}


def load_demo(home, stdout=None):
    """Create the demo newsroom under ``home``; refuses if any news item already exists."""
    stdout = stdout or sys.stdout
    if NewsItemPage.objects.exists():
        raise CommandError(
            "This newsroom already has items; the demo is only loaded into an empty one, "
            "so nothing an editor wrote is duplicated or overwritten."
        )
    started = time.monotonic()
    with transaction.atomic():
        pictures = _images(stdout)
        places = _places()
        people = _people(pictures)
        stdout.write(f"Demo: {len(places)} places and {len(people)} people.\n")
        topics = _topics(topic_index(home))
        stdout.write(f"Demo: {len(topics)} topics.\n")
        items = _items(news_index(home), pictures, topics, people, places)
        stdout.write(f"Demo: {len(items)} news items.\n")
        explainer = _explainer(home)
        _front_page(home, items, topics, explainer)
        _organisation(home, pictures["logo"])
    stdout.write(f"Demo newsroom loaded in {time.monotonic() - started:.1f} s.\n")


# --- helpers ---------------------------------------------------------------------------------


def _moment(date, hh_mm="09:00"):
    """A publication time in the newsroom's time zone."""
    hour, minute = (int(part) for part in hh_mm.split(":"))
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return datetime.datetime(date.year, date.month, date.day, hour, minute, tzinfo=zone)


def _publish(parent, page):
    """Add ``page`` under ``parent`` and publish it, so it has a revision like an editor's."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _image(key, title, data, extension, alt, caption=""):
    image = NewsroomImage(
        title=title,
        description=alt,
        caption=caption,
        credit=images.CREDIT,
        file=ContentFile(data, name=f"demo-{key}.{extension}"),
    )
    image._set_image_file_metadata()
    image.save()
    return image


# --- the parts -------------------------------------------------------------------------------


def _images(stdout):
    started = time.monotonic()
    pictures = {
        drawing.key: _image(
            drawing.key, drawing.title, images.render(drawing), "jpg", drawing.alt, drawing.caption
        )
        for drawing in images.ILLUSTRATIONS
    }
    for person in content.PEOPLE:
        data, alt = images.portrait(person["name"], person["colour"])
        pictures[f"person-{person['slug']}"] = _image(
            person["slug"], person["name"], data, "jpg", alt, person["role"]
        )
    name = content.ORGANISATION["newsroom_title"]
    pictures["logo"] = _image(
        "logo",
        f"{name} logo",
        images.logo(name),
        "png",
        f"{name} logo: a white four-pointed compass star in a ring on blue, above the words "
        f"{name}.",
    )
    stdout.write(f"Demo: {len(pictures)} images drawn in {time.monotonic() - started:.1f} s.\n")
    return pictures


def _places():
    locale = Locale.get_default()
    places = {}
    for code, name in content.PLACES.items():
        places[code], _ = Place.objects.get_or_create(
            iso_code=code, locale=locale, defaults={"name": name}
        )
    return places


def _people(pictures):
    locale = Locale.get_default()
    people = {}
    for person in content.PEOPLE:
        people[person["slug"]], _ = Person.objects.get_or_create(
            slug=person["slug"],
            locale=locale,
            defaults={
                "name": person["name"],
                "role": person["role"],
                "biography": person["biography"],
                "photo": pictures[f"person-{person['slug']}"],
            },
        )
    return people


def _topics(index):
    topics = {}
    for topic in content.TOPICS:
        # An editor may have started the topic tree already: reuse a topic of the same slug.
        existing = TopicPage.objects.child_of(index).filter(slug=topic["slug"]).first()
        topics[topic["slug"]] = existing or _publish(
            index,
            TopicPage(
                title=topic["title"],
                slug=topic["slug"],
                introduction=topic["introduction"],
                first_published_at=_moment(content.SECTIONS_PUBLISHED),
            ),
        )
    return topics


def _body(blocks, pictures):
    """Content blocks with image keys swapped for the image objects."""
    resolved = []
    for block_type, value in blocks:
        if block_type == "image":
            value = {**value, "image": pictures[value["image"]]}
        resolved.append((block_type, value))
    return resolved


def _items(index, pictures, topics, people, places):
    items = {}
    for item in content.ITEMS:
        fields = {
            "title": item["title"],
            "slug": item["slug"],
            "display_date": item["display_date"],
            "dateline": item["dateline"],
            "teaser": item["teaser"],
            "listing_image": pictures[item["image"]],
            "body": _body(item["body"], pictures),
            # Publication time matches the display date and orders items of the same day.
            "first_published_at": _moment(item["display_date"], item["published"]),
        }
        if item["kind"] == "video":
            fields.update(
                video_url=item["video_url"],
                duration=item["duration"],
                transcript=item["transcript"],
            )
        page = ITEM_MODELS[item["kind"]](**fields)
        index.add_child(instance=page)
        page.topics.set([topics[slug] for slug in item["topics"]])
        page.people.set([people[slug] for slug in item["people"]])
        page.places.set([places[code] for code in item["places"]])
        page.save_revision().publish()
        items[item["slug"]] = page
    return items


def _explainer(home):
    explainer = content.EXPLAINER
    return _publish(
        home,
        StandardPage(
            title=explainer["title"],
            slug=explainer["slug"],
            introduction=explainer["introduction"],
            body=explainer["body"],
            first_published_at=_moment(content.SECTIONS_PUBLISHED),
        ),
    )


def _front_page(home, items, topics, explainer):
    front = content.FRONT_PAGE
    home.title = front["title"]
    home.latest_count = front["latest_count"]
    home.featured_items = [
        FeaturedItem(item=items[slug], sort_order=position)
        for position, slug in enumerate(front["featured"])
    ]
    targets = {"item": items, "topic": topics, "page": {explainer.slug: explainer}}
    home.more_links = [
        MoreLink(link_page=targets[kind][slug], title=title, sort_order=position)
        for position, (kind, slug, title) in enumerate(front["more_links"])
    ]
    home.save_revision().publish()


def _organisation(home, logo):
    site = Site.objects.filter(root_page=home).first() or Site.objects.get(is_default_site=True)
    organisation = OrganisationSettings.for_site(site)
    for field, value in content.ORGANISATION.items():
        setattr(organisation, field, value)
    organisation.logo = logo
    organisation.save()
