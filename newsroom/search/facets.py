"""Facet links and snippets of the search page, from what the engine found."""

import datetime

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
    body = shown.get("body", "")
    # Walk the words only up to the first match: the body may be long, the snippet is short.
    for match in WORD.finditer(body):
        if term(match.group(), language) in wanted:
            return _window(body, match.start())
    return ""


def _window(body, at):
    """SNIPPET_BEFORE words before ``at`` and SNIPPET_AFTER words from it, with ellipses."""
    before = list(WORD.finditer(body, max(0, at - 20 * SNIPPET_BEFORE), at))
    if before and before[0].start() > 0 and body[before[0].start() - 1].isalnum():
        before = before[1:]  # the window began inside a word
    before = before[-SNIPPET_BEFORE:]
    start = before[0].start() if before else at
    after = list(WORD.finditer(body, at, at + 20 * SNIPPET_AFTER))[: SNIPPET_AFTER + 1]
    end = after[-1].end() if after else len(body)
    if not WORD.search(body, end):  # the body's last word: keep its full stop
        end = len(body)
    text = body[start:end].strip()
    return f"{'… ' if WORD.search(body[:start]) else ''}{text}{'' if end == len(body) else ' …'}"
