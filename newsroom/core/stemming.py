"""Search words reduced to their stems, in the language of the text they come from.

Wagtail's database backend stems nothing on SQLite (FTS5's plain tokenizer) and stems with one
configuration for every language on PostgreSQL. So the newsroom stems itself, with the Snowball
stemmers: items index the stems of their words in their own language, and a reader's query is
stemmed in the language of the page it is typed on. "négociations" and "négociation" both
become "negoci" in French, "meetings" and "meeting" "meet" in English, on either database.
Accents: the French stemmer reads them ("sécurité" -> "sécur", but "securite" -> "securit"), so
a word is stemmed as written and then folded; the index also holds the stem of the word written
without accents, so a query typed without accents matches too.
"""

import functools
import re

import snowballstemmer

from .text import fold

# Language code -> Snowball algorithm. A language missing here is searched unstemmed.
SNOWBALL_ALGORITHMS = {
    "en": "english",
    "fr": "french",
    "de": "german",
    "es": "spanish",
    "it": "italian",
    "nl": "dutch",
    "pt": "portuguese",
}

WORD = re.compile(r"\w+")


def _base_language(language):
    return (language or "").split("-")[0].split("_")[0].lower()


@functools.lru_cache(maxsize=16)
def _stemmer(language):
    algorithm = SNOWBALL_ALGORITHMS.get(_base_language(language))
    return snowballstemmer.stemmer(algorithm) if algorithm else None


@functools.lru_cache(maxsize=200_000)
def stem(word, language):
    """One word's stem, lower-case and without accents: what a query word is searched as."""
    word = word.lower()
    stemmer = _stemmer(language)
    return fold(stemmer.stemWord(word) if stemmer else word)


@functools.lru_cache(maxsize=200_000)
def index_forms(word, language):
    """The stems a word is indexed under: as written, and as written without accents."""
    written, unaccented = stem(word, language), stem(fold(word), language)
    return (written,) if written == unaccented else (written, unaccented)


def stems(text, language):
    """Every word of a query as its stem, in order."""
    return [stem(word, language) for word in WORD.findall(text or "")]


def stemmed_text(text, language):
    """What the search index holds for ``text``: the index forms of its words."""
    return " ".join(
        form for word in WORD.findall(text or "") for form in index_forms(word, language)
    )
