"""How words become index terms, for the items and for the queries alike.

Every word is lower-cased, stripped of its accents, then reduced to its Snowball stem in the
item's language (the query's: the page's language). Folding before stemming gives each word one
term, so positions stay exact for phrases and "sécurité", "securite" and "sécurités" all meet on
"securit". Each term carries its language ("en:securit").
Stop words stay in the index (phrases need them) but a query's loose words drop them.
"""

import re

from newsroom.core.stemming import stem
from newsroom.core.text import fold

WORD = re.compile(r"\w+")
LONGEST_TERM = 40  # longer "words" are noise (tokens, hashes); the index skips them


# Words too common to narrow a search, in the languages the newsroom publishes in.
def _word_set(text):
    return frozenset(text.split())


STOP_WORDS = {
    "en": _word_set(
        "a an and are as at be but by for from has have he her his i if in into is it its "
        "of on or our she so than that the their them then there these they this those to "
        "was we were what when which who will with you your"
    ),
    "fr": _word_set(
        "a au aux avec ce ces cet cette dans de des du elle en est et il ils je l la le les "
        "leur leurs lui ma mais me mes nous on ou par pas pour qu que qui sa se ses son sur "
        "ta te tes ton un une vos votre vous y d s n c j m t"
    ),
}


def base_language(language):
    return (language or "en").split("-")[0].split("_")[0].lower()


def term(word, language):
    """The index term of one word."""
    return stem(fold(word).lower(), language)


# French endings whose accent the stemmer needs ("alliées" -> "alli", but "alliees" -> "allie"):
# a query word typed without accents is also searched with them put back.
_FRENCH_ENDINGS = (("ees", "ées"), ("ee", "ée"), ("es", "és"), ("e", "é"))


def query_terms(word, language):
    """The terms a query word is searched as: its own, and for French the term of the word
    with the accent of its ending restored, when that differs."""
    found = [term(word, language)]
    folded = fold(word).lower()
    if base_language(language) == "fr" and folded == word.lower():
        for plain, accented in _FRENCH_ENDINGS:
            if folded.endswith(plain) and len(folded) > len(plain) + 2:
                restored = stem(folded[: -len(plain)] + accented, language)  # accent read
                if restored not in found:
                    found.append(restored)
                break
    return found


def terms(text, language):
    """The index terms of ``text``, in order, one per word."""
    return [term(word, language) for word in WORD.findall(text or "") if len(word) <= LONGEST_TERM]


def in_language(term_text, language):
    """A term as the index holds it: prefixed with its language ("en:summit"), so a search
    reads only its language's postings (no filter to intersect) and each language has its own
    word statistics for the ranking."""
    return f"{base_language(language)}:{term_text}"


def analysed(text, language):
    """``text`` as the index stores it: its terms in their language, separated by spaces (the
    index splits on whitespace and does nothing else, so the Python stemmer is the only one)."""
    prefix = f"{base_language(language)}:"
    return " ".join(prefix + found for found in terms(text, language))


def is_stop_word(word, language):
    return fold(word).lower() in STOP_WORDS.get(base_language(language), ())
