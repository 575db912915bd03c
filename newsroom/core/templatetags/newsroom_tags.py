import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from newsroom.core.text import fold

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced, e.g. for pagination links."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


def _stem(word):
    # Matches "meet" in "meets" and "meeting" without a language-specific stemmer.
    word = fold(word).lower()
    return word[: max(4, len(word) - 3)] if len(word) > 4 else word


@register.filter
def highlight(text, query):
    """Escape ``text`` and wrap the words that match ``query`` (accents ignored) in <mark>."""
    stems = {_stem(word) for word in re.findall(r"\w+", query or "") if len(word) > 1}
    if not stems:
        return escape(text)

    def mark(word):
        folded = fold(word).lower()
        if any(folded.startswith(stem) for stem in stems):
            return f"<mark>{escape(word)}</mark>"
        return escape(word)

    pieces = re.split(r"(\w+)", text or "")
    return mark_safe(  # noqa: S308 - every piece is escaped above
        "".join(mark(piece) if re.fullmatch(r"\w+", piece) else escape(piece) for piece in pieces)
    )
