"""The reader's query language: what GOV.UK's and most web searches accept.

    nato summit          every word must match (in any of its forms: "summits" finds "summit")
    "north atlantic"     the exact phrase
    -exercise            items with the word are left out (also -"a phrase")
    kallas OR stoltenberg   either one

Anything else is a word or ignored: unbalanced quotes, lone operators, the syntax of SQL, FTS5
or tsquery (``NEAR(``, ``*``, ``:*``, ``&|!``). The parser never fails; it returns what it
could read, and the view explains an empty result (stop words only, nothing to look for).
"""

import re
from dataclasses import dataclass, field

from .analysis import WORD, is_stop_word

MAX_GROUPS = 24  # words or phrases that must all match: beyond this, a query only gets slower
MAX_PHRASE_WORDS = 12

_TOKEN = re.compile(r'(?P<neg>-?)"(?P<phrase>[^"]*)"|(?P<neg2>-?)(?P<word>[^\s"]+)|"')


@dataclass
class Query:
    """A parsed query. ``required``: groups that must all match, each a list of alternatives
    (joined by OR); an alternative is a tuple of words, one word or a phrase. ``excluded``:
    alternatives that must not match. Words are as typed; the engine turns them into terms."""

    required: list = field(default_factory=list)
    excluded: list = field(default_factory=list)
    dropped_stop_words: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not self.required

    @property
    def only_stop_words(self):
        return not self.required and bool(self.dropped_stop_words)

    def words(self):
        """Every word a reader asked for (for highlighting)."""
        return [word for group in self.required for alt in group for word in alt]


def parse(text, language):
    query = Query()
    text = (text or "").replace("\x00", " ")
    joining = False  # the previous token was OR
    for match in _TOKEN.finditer(text):
        negated = bool(match.group("neg") or match.group("neg2"))
        raw = match.group("phrase") if match.group("phrase") is not None else match.group("word")
        if raw is None:
            continue  # a quote left open: the words after it count as words
        if match.group("word") == "OR" and not negated:
            joining = bool(query.required)
            continue
        words = tuple(WORD.findall(raw))[:MAX_PHRASE_WORDS]
        if not words:
            continue  # punctuation or operators only
        is_phrase = match.group("phrase") is not None or len(words) > 1
        if not is_phrase and is_stop_word(words[0], language):
            query.dropped_stop_words.append(words[0])
            continue
        if negated:
            query.excluded.append(words)
        elif joining:
            query.required[-1].append(words)
        elif len(query.required) < MAX_GROUPS:
            query.required.append([words])
        joining = False
    return query
