"""What the index holds for an item: its schema, and the document built from a live item.

Fields searched (their words as terms, see ``analysis.py``): ``title``, ``teaser`` and
``text`` (the rest: dateline, people, body, each type's own fields), weighed in ``searching.py``.
Fields filtered and counted: the item's language, type, topics (by translation key, so a topic
selects its items in every language), people (by translation key), places (by id), its display
date as a day number and its year. ``newest`` orders newest first, as listings do. ``shown``
keeps what a result shows (headline, teaser, body, address) for snippets and suggestions.
"""

import json
import uuid

import tantivy
from wagtail.models import Locale

from newsroom.news.models import NewsItemPage

from .analysis import analysed

WORDS_TOKENIZER = "whitespace"  # the terms are made in Python; the index only splits them
SHOWN_BODY_CHARACTERS = 20_000  # a snippet is looked for in this much of the body


def build_schema():
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("id", stored=True, indexed=True, fast=True)
    for name in ("lang", "type"):
        builder.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    # Topics as numbers: counting them for the facets is several times faster than as text.
    builder.add_unsigned_field("topic", indexed=True, fast=True)
    for name in ("person", "place"):
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("day", indexed=True, fast=True)
    builder.add_integer_field("year", indexed=True, fast=True)
    builder.add_integer_field("newest", fast=True)
    for name in ("title", "teaser", "text"):
        builder.add_text_field(name, tokenizer_name=WORDS_TOKENIZER, index_option="position")
    builder.add_bytes_field("shown", stored=True, indexed=False, fast=False)
    return builder.build()


SCHEMA = build_schema()
SCHEMA_VERSION = "2"  # raise it with any change above: older indexes are then rebuilt


def topic_number(translation_key):
    """A topic's number in the index, from its translation key (the same in every language)."""
    return uuid.UUID(str(translation_key)).int >> 65  # 63 bits: any integer type holds it


def newest_key(item):
    """Display date first, then the first publication: the listing's order as one number."""
    first = item.first_published_at
    seconds = int(first.timestamp()) if first else 0
    return int(item.display_date.strftime("%Y%m%d")) * 10**10 + seconds


def document(
    item, *, language=None, people=None, topic_keys=None, person_keys=None, place_ids=None
):
    """The document of one live item (its specific page). The language and relations may be
    given by a caller that read them for many items at once."""
    language = language or item.locale.language_code
    parts = item.search_parts(people=people)
    if topic_keys is None:
        topic_keys = [str(key) for key in item.topics.values_list("translation_key", flat=True)]
    if person_keys is None:
        person_keys = [str(key) for key in item.people.values_list("translation_key", flat=True)]
    if place_ids is None:
        place_ids = [str(pk) for pk in item.places.values_list("pk", flat=True)]
    shown = {
        "title": item.title,
        "teaser": item.teaser,
        "body": item.body_text()[:SHOWN_BODY_CHARACTERS],
        "url": item.get_url() or "",
    }
    doc = tantivy.Document()
    doc.add_unsigned("id", item.pk)
    doc.add_text("lang", language)
    doc.add_text("type", item.item_type or "item")
    for key in topic_keys:
        doc.add_unsigned("topic", topic_number(key))
    for key in person_keys:
        doc.add_text("person", key)
    for pk in place_ids:
        doc.add_text("place", pk)
    doc.add_integer("day", item.display_date.toordinal())
    doc.add_integer("year", item.display_date.year)
    doc.add_integer("newest", newest_key(item))
    for name in ("title", "teaser", "text"):
        doc.add_text(name, analysed(parts[name], language))
    doc.add_bytes("shown", json.dumps(shown, ensure_ascii=False).encode())
    return doc


def documents_for(pks):
    """(pk, document) of the items among ``pks`` that readers may see, with their relations
    read in a few queries for the whole batch."""
    # visible() reads the private sections kept per epoch; a view restriction saved a moment
    # ago may not have started a new epoch yet, so Wagtail's public() checks them afresh.
    items = list(NewsItemPage.objects.visible().public().filter(pk__in=pks).specific())
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    through = NewsItemPage.topics.through.objects.filter(newsitempage_id__in=pks)
    topics = _grouped(through.values_list("newsitempage_id", "topicpage__translation_key"))
    people_rows = NewsItemPage.people.through.objects.filter(newsitempage_id__in=pks).values_list(
        "newsitempage_id", "person__name", "person__translation_key"
    )
    names, person_keys = {}, {}
    for pk, name, key in people_rows:
        names.setdefault(pk, []).append(name)
        person_keys.setdefault(pk, []).append(str(key))
    places = _grouped(
        NewsItemPage.places.through.objects.filter(newsitempage_id__in=pks).values_list(
            "newsitempage_id", "place_id"
        )
    )
    return [
        (
            item.pk,
            document(
                item,
                language=languages.get(item.locale_id),
                people=names.get(item.pk, []),
                topic_keys=topics.get(item.pk, []),
                person_keys=person_keys.get(item.pk, []),
                place_ids=places.get(item.pk, []),
            ),
        )
        for item in items
    ]


def _grouped(rows):
    grouped = {}
    for pk, value in rows:
        grouped.setdefault(pk, []).append(str(value))
    return grouped
