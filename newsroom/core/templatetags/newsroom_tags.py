import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from newsroom.core.stemming import index_forms, stem

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced, e.g. for pagination links."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.filter
def highlight(text, query):
    """Escape ``text`` and wrap the words that match ``query`` in <mark>: the words search
    matched, i.e. those with the same stem in the active language, accents ignored."""
    language = get_language()
    wanted = {stem(word, language) for word in re.findall(r"\w+", query or "") if len(word) > 1}
    if not wanted:
        return escape(text)

    def mark(word):
        if wanted.intersection(index_forms(word, language)):
            return f"<mark>{escape(word)}</mark>"
        return escape(word)

    pieces = re.split(r"(\w+)", text or "")
    return mark_safe(  # noqa: S308 - every piece is escaped above
        "".join(mark(piece) if re.fullmatch(r"\w+", piece) else escape(piece) for piece in pieces)
    )
