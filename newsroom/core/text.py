"""Text helpers: accent folding for search, and plain text out of rich text."""

import re
import unicodedata

from django.utils.html import strip_tags

# Letters that carry no combining mark in Unicode, so NFKD alone would keep them.
_UNDECOMPOSABLE = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE"}
)


def fold(text):
    """``text`` without diacritics: "Rinkēvičs Geoană" -> "Rinkevics Geoana"."""
    if not text or text.isascii():
        return text or ""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_UNDECOMPOSABLE))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def plain_text(html):
    return re.sub(r"\s+", " ", strip_tags(html or "")).strip()
