"""Build the demo newsroom under a front page: images, people, places, topics, items, links.

Called by ``newsroom setup`` when it has just created the site tree, and by
``newsroom load-demo``. Either everything is created or nothing (one transaction).

The English newsroom comes first; then, for each other configured language that the demo has
words for (French: demo.content_fr), its translations are made through wagtail-localize, so
editors find them linked to their English sources and can sync them.
"""

import datetime
import sys
import time
import zoneinfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import CommandError
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.strings import StringValue, extract_strings

from newsroom.contacts.models import SECTIONS, PressContact, PressContactSettings
from newsroom.core.i18n import translate
from newsroom.core.models import OrganisationSettings, StandardPage
from newsroom.home.models import FeaturedItem, MoreLink
from newsroom.home.site_tree import news_index, topic_index
from newsroom.images.models import NewsroomImage
from newsroom.news.models import (
    MediaAdvisoryPage,
    NewsItemPage,
    PressReleasePage,
    SpeechPage,
    StoryPage,
    VideoPage,
)
from newsroom.news.workflow import ensure_press_review
from newsroom.topics.models import Person, Place, TopicPage

from . import content, content_fr, images

# Text fields each item type adds to those every item has, translated like them.
KIND_FIELDS = {
    "video": ("transcript",),
    "speech": ("event", "place"),
    "advisory": ("venue", "accreditation_instructions"),
}

# The demo's words in each language besides English, by language code.
TRANSLATIONS = {"fr": content_fr}

ITEM_MODELS = {
    "story": StoryPage,
    "video": VideoPage,
    "press-release": PressReleasePage,
    "speech": SpeechPage,
    "advisory": MediaAdvisoryPage,
}


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
        from demo.embargo import load_embargo

        load_embargo(news_index(home), pictures, topics, stdout)
        explainer = _explainer(home)
        about_pages = _about_pages(home)
        _front_page(home, items, topics, explainer)
        _organisation(home, pictures["logo"])
        _press_contacts(home)
        for code, _name in settings.LANGUAGES[1:]:
            if code in TRANSLATIONS:
                counts = _translations(
                    home, code, TRANSLATIONS[code], items, topics, people, places, explainer
                )
                _texts_outside_pages(home, code, TRANSLATIONS[code], pictures)
                _translated_about_pages(about_pages, code, TRANSLATIONS[code])
                stdout.write(f"Demo in {code}: {counts}.\n")
        ensure_press_review()
        stdout.write("Demo: the press officer review workflow on every news index.\n")
    stdout.write(f"Demo newsroom loaded in {time.monotonic() - started:.1f} s.\n")


# --- helpers ---------------------------------------------------------------------------------


def _moment(date, hh_mm="09:00"):
    """A publication time in the newsroom's time zone."""
    hour, minute = (int(part) for part in hh_mm.split(":"))
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return datetime.datetime(date.year, date.month, date.day, hour, minute, tzinfo=zone)


def _when(parts):
    """(year, month, day, hour, minute) on the newsroom's clock, as an aware date-time."""
    return datetime.datetime(*parts, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))


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
        if item["kind"] == "speech":
            fields.update(
                speaker=people[item["speaker"]],
                event=item["event"],
                place=item["place"],
                as_delivered=item["as_delivered"],
            )
        if item["kind"] == "advisory":
            fields.update(
                event_start=_when(item["event_start"]),
                event_end=_when(item["event_end"]),
                venue=item["venue"],
                access=item["access"],
                accreditation_deadline=_when(item["accreditation_deadline"]),
                accreditation_instructions=item["accreditation_instructions"],
                live_stream_url=item.get("live_stream_url", ""),
            )
        page = ITEM_MODELS[item["kind"]](**fields)
        index.add_child(instance=page)
        page.topics.set([topics[slug] for slug in item["topics"]])
        page.people.set([people[slug] for slug in item["people"]])
        page.places.set([places[code] for code in item["places"]])
        page.save_revision().publish()
        items[item["slug"]] = page
    return items


def _standard_page(home, entry):
    return _publish(
        home,
        StandardPage(
            title=entry["title"],
            slug=entry["slug"],
            introduction=entry["introduction"],
            body=entry["body"],
            first_published_at=_moment(content.SECTIONS_PUBLISHED),
        ),
    )


def _explainer(home):
    return _standard_page(home, content.EXPLAINER)


def _about_pages(home):
    """The accessibility statement, privacy notice and terms of use the footer links to."""
    return {page["slug"]: _standard_page(home, page) for page in content.ABOUT_PAGES}


def _translated_about_pages(about_pages, code, words):
    locale, _ = Locale.objects.get_or_create(language_code=code)
    fields = ("title", "slug", "introduction", "body")
    for english in content.ABOUT_PAGES:
        where = f"ABOUT_PAGES[{english['slug']!r}]"
        if english["slug"] not in words.ABOUT_PAGES:
            raise MissingTranslation(f"demo {where} has no {code} translation")
        strings = _pair(where, _fields(english, fields), words.ABOUT_PAGES[english["slug"]])
        _translate(about_pages[english["slug"]], locale, strings, where)


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


def _press_contacts(home):
    """The press office's contacts, and the sections that name them when an item does not."""
    site = Site.objects.filter(root_page=home).first() or Site.objects.get(is_default_site=True)
    defaults = PressContactSettings.for_site(site)
    for entry in content.PRESS_CONTACTS:
        fields = {name: value for name, value in entry.items() if name != "sections"}
        contact, _ = PressContact.objects.get_or_create(name=entry["name"], defaults=fields)
        for section in entry["sections"]:
            getattr(defaults, SECTIONS[section]).add(contact)


# --- other languages -------------------------------------------------------------------------


class MissingTranslation(CommandError):
    """The demo's words in a language do not cover a text the English source has."""


def _texts_outside_pages(home, code, words, pictures):
    """The organisation's names and the images' alt text, caption and credit in ``code``:
    not pages, so kept per language on their own rows (core.per_language)."""
    site = Site.objects.filter(root_page=home).first() or Site.objects.get(is_default_site=True)
    organisation = OrganisationSettings.for_site(site)
    organisation.texts_by_language = {**organisation.texts_by_language, code: words.ORGANISATION}
    organisation.save()
    missing = [d.key for d in images.ILLUSTRATIONS if d.key not in words.IMAGES]
    if missing:
        raise MissingTranslation(f"No {code} alt text in the demo's IMAGES for: {missing}")
    texts = {d.key: words.IMAGES[d.key] for d in images.ILLUSTRATIONS}
    for person in content.PEOPLE:
        _hex, colour = person["colour"]
        role = words.PEOPLE.get(person["slug"], {}).get("role", "")
        alt = words.portrait_alt(person["name"], colour, images.initials(person["name"]))
        texts[f"person-{person['slug']}"] = {"alt": alt, "caption": role}
    texts["logo"] = {"alt": words.logo_alt(content.ORGANISATION["newsroom_title"])}
    for key, text in texts.items():
        image = pictures[key]
        own = {"description": text["alt"], "caption": text.get("caption", "")}
        if image.credit:
            own["credit"] = words.IMAGE_CREDIT
        image.texts_by_language = {
            **image.texts_by_language,
            code: {field: value for field, value in own.items() if value},
        }
        image.save(update_fields=["texts_by_language"])


def _translations(home, code, words, items, topics, people, places, explainer):
    """Translate what ``words`` (e.g. demo.content_fr) covers into language ``code``."""
    locale, _ = Locale.objects.get_or_create(language_code=code)
    for iso_code, name in words.PLACES.items():
        place = places[iso_code]
        _translate(place, locale, {place.name: name, iso_code: iso_code}, f"PLACES[{iso_code!r}]")
    for slug, french in words.PEOPLE.items():
        person = people[slug]
        english = next(entry for entry in content.PEOPLE if entry["slug"] == slug)
        strings = {person.name: person.name, slug: slug}
        _pair(f"PEOPLE[{slug!r}]", _fields(english, ("role", "biography")), french, strings)
        _translate(person, locale, strings, f"PEOPLE[{slug!r}]")
    for slug, french in words.TOPICS.items():
        english = next(entry for entry in content.TOPICS if entry["slug"] == slug)
        strings = _pair(
            f"TOPICS[{slug!r}]", _fields(english, ("title", "slug", "introduction")), french
        )
        _translate(topics[slug], locale, strings, f"TOPICS[{slug!r}]")
    for slug, french in words.ITEMS.items():
        english = next(entry for entry in content.ITEMS if entry["slug"] == slug)
        fields = ("title", "slug", "dateline", "teaser", "body")
        fields += KIND_FIELDS.get(english["kind"], ())
        strings = _pair(f"ITEMS[{slug!r}]", _fields(english, fields), french)
        _translate(items[slug], locale, strings, f"ITEMS[{slug!r}]")
    fields = ("title", "slug", "introduction", "body")
    strings = _pair("EXPLAINER", _fields(content.EXPLAINER, fields), words.EXPLAINER)
    _translate(explainer, locale, strings, "EXPLAINER")
    _translated_front_page(home, locale, words.FRONT_PAGE)
    return (
        f"{len(words.ITEMS)} of {len(content.ITEMS)} items, {len(words.TOPICS)} topics, "
        f"{len(words.PEOPLE)} people, {len(words.PLACES)} places, the explainer and the front page"
    )


def _fields(source, names):
    return {name: source[name] for name in names}


def _segments(text):
    """The texts wagtail-localize asks translators for: one per paragraph, list item or
    heading of rich text (as it extracts them), the whole text of a plain field."""
    if text.lstrip().startswith("<"):
        return [string.data for string, _attrs in extract_strings(text)[1]]
    return [StringValue.from_plaintext(text).data]


def _pair(where, english, french, strings=None):
    """{English segment: its translation}, from two values of the same shape (a field, a dict
    of fields, a body's list of blocks), segment by segment."""
    strings = {} if strings is None else strings
    if isinstance(english, dict):
        for key, value in english.items():
            if key == "image":  # an illustration key, not text
                continue
            if key not in french:
                raise MissingTranslation(f"demo {where} has no {key!r}")
            _pair(f"{where}[{key!r}]", value, french[key], strings)
    elif isinstance(english, list | tuple):
        if not isinstance(french, list | tuple) or len(french) != len(english):
            raise MissingTranslation(
                f"demo {where} does not match the English: {len(english)} parts in English"
            )
        for position, (source, target) in enumerate(zip(english, french, strict=True)):
            _pair(f"{where}[{position}]", source, target, strings)
    elif isinstance(english, str):
        sources, targets = _segments(english), _segments(french)
        if len(sources) != len(targets):
            raise MissingTranslation(
                f"demo {where} has {len(targets)} segments where the English has "
                f"{len(sources)}: {english[:80]!r}"
            )
        strings.update(zip(sources, targets, strict=True))
    return strings


def _translate(instance, locale, strings, where):
    """Translate ``instance`` through wagtail-localize, refusing to leave any segment of it
    untranslated (so a change to the English content that the demo's words no longer cover
    fails here, naming the text, rather than showing English on a translated page)."""
    translated = translate(instance, locale, strings)
    source = TranslationSource.objects.get(
        object_id=instance.translation_key, locale_id=instance.locale_id
    )
    po = Translation.objects.get(source=source, target_locale=locale).export_po()
    missing = [
        entry.msgid
        for entry in po
        if not entry.obsolete and (entry.msgid not in strings or not entry.msgstr)
    ]
    if missing:
        # Raised inside load_demo's transaction: nothing half-translated is kept.
        raise MissingTranslation(
            f"No {locale.language_code} translation in the demo's {where} for: "
            + "; ".join(repr(msgid) for msgid in missing)
        )
    if isinstance(instance, Page) and instance.first_published_at:
        # The same moment as the source, so same-day items keep their order in listings.
        type(translated).objects.filter(pk=translated.pk).update(
            first_published_at=instance.first_published_at
        )
        translated.first_published_at = instance.first_published_at
    return translated


def _translated_front_page(home, locale, words):
    # Further links are translated with the page (MoreLink is translatable): their titles are
    # segments like the page's own.
    strings = {home.title: words["title"], home.slug: words["slug"], **words["more_links"]}
    return _translate(home, locale, strings, "FRONT_PAGE")
