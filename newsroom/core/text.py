"""Text helpers: accent folding for search, plain text out of rich text, whole numbers."""

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


def whole_number(text, digits=9):
    """``text`` as a non-negative int if it is only ASCII digits (str.isdigit accepts "²")."""
    if isinstance(text, str) and re.fullmatch(rf"[0-9]{{1,{digits}}}", text):
        return int(text)
    return None
