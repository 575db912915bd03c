"""Facet links and snippets of the search page, from what the engine found."""

import datetime
import re

from django.utils.translation import gettext as _

from newsroom.news.models import NewsItemPage

from .engine.analysis import WORD, term
from .engine.documents import topic_number

SNIPPET_BEFORE = 12  # words shown before the first match
SNIPPET_AFTER = 24


def _link(request, **changes):
    query = request.GET.copy()
    query.pop("page", None)  # a narrower search starts on its first page
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return f"?{query.urlencode()}"


def facet_links(request, facets, form):
    """[{"title", "choices": [{"label", "count", "url", "current"}], "clear"}] for type, topic
    and year: each choice narrows the search to it, "clear" widens it again."""
    types = dict(NewsItemPage.type_choices)
    topics_by_key = {topic_number(topic.translation_key): topic for topic in form.topics.values()}
    current = request.GET
    groups = []

    def group(title, name, choices, clear):
        if choices:
            groups.append({"title": title, "name": name, "choices": choices, "clear": clear})

    group(
        _("Type"),
        "type",
        [
            {
                "label": types[key],
                "count": count,
                "url": _link(request, type=key),
                "current": current.get("type") == key,
            }
            for key, count in facets.get("type", [])
            if key in types
        ],
        _link(request, type=None) if current.get("type") else "",
    )
    group(
        _("Topic"),
        "topic",
        [
            {
                "label": topics_by_key[key].title,
                "count": count,
                "url": _link(request, topic=topics_by_key[key].slug),
                "current": current.get("topic") == topics_by_key[key].slug,
            }
            for key, count in facets.get("topic", [])
            if key in topics_by_key
        ],
        _link(request, topic=None) if current.get("topic") else "",
    )
    years = sorted(facets.get("year", []), reverse=True)
    group(
        _("Year"),
        "year",
        [
            {
                "label": str(year),
                "count": count,
                "url": _link(request, **{"from": f"{year}-01-01", "to": f"{year}-12-31"}),
                "current": current.get("from") == f"{year}-01-01"
                and current.get("to") == f"{year}-12-31",
            }
            for year, count in years
            if datetime.MINYEAR <= int(year) <= datetime.MAXYEAR
        ],
        _link(request, **{"from": None, "to": None}) if current.get("from") else "",
    )
    return groups


def snippet(shown, words, language):
    """A few words of the body around its first match, when the teaser has none (the card
    shows the teaser, highlighted); "" when neither matches a single word."""
    wanted = {term(word, language) for word in words}
    if not wanted or any(term(w, language) in wanted for w in WORD.findall(shown["teaser"])):
        return ""
    pieces = re.split(r"(\W+)", shown.get("body", ""))
    word_positions = [i for i, piece in enumerate(pieces) if WORD.fullmatch(piece)]
    for n, position in enumerate(word_positions):
        if term(pieces[position], language) in wanted:
            first = word_positions[max(0, n - SNIPPET_BEFORE)]
            last = word_positions[min(len(word_positions) - 1, n + SNIPPET_AFTER)]
            at_end = last == word_positions[-1]
            text = "".join(pieces[first:] if at_end else pieces[first : last + 1]).strip()
            before = "… " if first > word_positions[0] else ""
            after = "" if at_end else " …"
            return f"{before}{text}{after}"
    return ""
