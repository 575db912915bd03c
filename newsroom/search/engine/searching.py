"""Queries on the index: a page of results with the total, facets, "did you mean" and
suggestions while typing.

Weights: a word in the headline counts 3 times, in the teaser 2 times, in the rest once
(BM25 in each field, summed); the judged set (``newsroom/search/tests/test_relevance.py``)
checks the ranking these give. The reader's words never reach a query parser: each becomes
term or phrase queries built here, so no input can raise the engine's syntax errors.
"""

import json
from dataclasses import dataclass, field

import tantivy

from newsroom.core.text import fold

from .analysis import STOP_WORDS, WORD, base_language, in_language, query_terms, term
from .documents import SCHEMA, topic_number
from .querylang import parse

WEIGHTS = {"title": 3.0, "teaser": 2.0, "text": 1.0}
FACET_SIZES = {"type": 10, "topic": 12, "year": 40}
MAX_HITS = 10_000  # offset + page size beyond this is refused (no reader pages that far)


@dataclass
class Filters:
    """The reader's filters, as the index knows them."""

    language: str
    item_type: str = ""
    topic_key: str = ""
    person_key: str = ""
    place_id: str = ""
    day_from: int | None = None
    day_to: int | None = None
    excluded_ids: tuple = ()


@dataclass
class Page:
    ids: list
    shown: dict  # id -> {"title", "teaser", "body", "url"}
    total: int


@dataclass
class Prepared:
    query: object  # the tantivy query, or None when there is nothing to look for
    parsed: object
    words: list = field(default_factory=list)


def _should(clauses):
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, clause) for clause in clauses])


def _alternative(words, language):
    """One word (in any field, weighed) or one phrase (in one field at a time)."""
    clauses = []
    if len(words) == 1:
        for word_term in (in_language(t, language) for t in query_terms(words[0], language)):
            for name, weight in WEIGHTS.items():
                clause = tantivy.Query.term_query(SCHEMA, name, word_term)
                clauses.append(_weighed(clause, weight))
    else:
        terms = [in_language(term(word, language), language) for word in words]
        for name, weight in WEIGHTS.items():
            clauses.append(_weighed(tantivy.Query.phrase_query(SCHEMA, name, terms), weight))
    return _should(clauses)


def _weighed(clause, weight):
    return tantivy.Query.boost_query(clause, weight) if weight != 1 else clause


def _filter_clauses(filters):
    def keyword(name, value):
        return tantivy.Query.term_query(SCHEMA, name, value)

    # No clause for the language: the terms carry it (analysis.in_language).
    clauses = []
    if filters.item_type:
        clauses.append(keyword("type", filters.item_type))
    if filters.topic_key:
        topic = tantivy.Query.term_query(SCHEMA, "topic", topic_number(filters.topic_key))
        clauses.append(topic)
    if filters.person_key:
        clauses.append(keyword("person", filters.person_key))
    if filters.place_id:
        clauses.append(keyword("place", filters.place_id))
    if filters.day_from is not None or filters.day_to is not None:
        clauses.append(
            tantivy.Query.range_query(
                SCHEMA, "day", tantivy.FieldType.Integer, filters.day_from, filters.day_to
            )
        )
    # Filters count for nothing in the score.
    return [(tantivy.Occur.Must, tantivy.Query.const_score_query(c, 0.0)) for c in clauses]


def _excluded_clauses(filters):
    """Items past their expiry time that the scheduler has not unpublished yet."""
    if not filters.excluded_ids:
        return []
    ids = tantivy.Query.term_set_query(SCHEMA, "id", list(filters.excluded_ids))
    return [(tantivy.Occur.MustNot, ids)]


def prepare(text, filters):
    parsed = parse(text, filters.language)
    if parsed.is_empty:
        return Prepared(None, parsed)
    language = filters.language
    clauses = [
        (
            tantivy.Occur.Must,
            _alternative(group[0], language)
            if len(group) == 1
            else _should([_alternative(alt, language) for alt in group]),
        )
        for group in parsed.required
    ]
    for alt in parsed.excluded:
        clauses.append((tantivy.Occur.MustNot, _alternative(alt, language)))
    clauses.extend(_excluded_clauses(filters))
    clauses.extend(_filter_clauses(filters))
    if len(clauses) == 1:  # one word or phrase and no filter: its own query, no wrapper
        return Prepared(clauses[0][1], parsed, parsed.words())
    return Prepared(tantivy.Query.boolean_query(clauses), parsed, parsed.words())


def page(index, prepared, *, offset, limit, newest=False):
    searcher = index.searcher()
    limit = max(1, min(limit, MAX_HITS - offset)) if offset < MAX_HITS else 1
    offset = min(offset, MAX_HITS)
    if newest:
        result = searcher.search(
            prepared.query, limit, count=True, offset=offset, order_by_field="newest"
        )
    else:
        result = searcher.search(prepared.query, limit, count=True, offset=offset)
    ids, shown = [], {}
    for _key, address in result.hits:
        stored = searcher.doc(address).to_dict()
        pk = stored["id"][0]
        ids.append(pk)
        shown[pk] = json.loads(bytes(stored["shown"][0]))
    return Page(ids, shown, result.count or 0)


def facets(index, prepared):
    """{"type": [(key, count)], "topic": [...], "year": [...]} over every match."""
    aggregations = {
        name: {"terms": {"field": name, "size": size}} for name, size in FACET_SIZES.items()
    }
    found = index.searcher().aggregate(prepared.query, aggregations)
    return {
        name: [(bucket["key"], bucket["doc_count"]) for bucket in found[name]["buckets"]]
        for name in FACET_SIZES
    }


def _distance(a, b, limit=2):
    """Damerau-Levenshtein distance, or limit + 1 once it is known to be larger."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def did_you_mean(index, text, filters):
    """The query with each word that matches nothing replaced by the closest word of the
    items (by spelling, then by how common it is), or "" when there is none."""
    language = filters.language
    searcher = index.searcher()
    changed, words = False, []
    for match in WORD.finditer(text or ""):
        word = match.group()
        indexed = in_language(term(word, language), language)
        if searcher.doc_freq("text", indexed) or searcher.doc_freq("title", indexed):
            words.append(word)
            continue
        replacement = _closest_written_word(searcher, word, filters)
        if replacement:
            changed = True
        words.append(replacement or word)
    return " ".join(words) if changed else ""


def _closest_written_word(searcher, word, filters):
    wanted = fold(word).lower()
    if len(wanted) < 3:
        return ""
    distance = 1 if len(wanted) < 6 else 2
    fuzzy = _should(
        [
            tantivy.Query.fuzzy_term_query(
                SCHEMA, name, in_language(term(word, filters.language), filters.language), distance
            )
            for name in WEIGHTS
        ]
    )
    query = tantivy.Query.boolean_query(
        [
            (tantivy.Occur.Must, fuzzy),
            *_excluded_clauses(filters),
            *_filter_clauses(Filters(filters.language)),
        ]
    )
    counts = {}
    for _score, address in searcher.search(query, 20, count=False).hits:
        shown = json.loads(bytes(searcher.doc(address).to_dict()["shown"][0]))
        for written in WORD.findall(f"{shown['title']} {shown['teaser']} {shown['body']}"):
            folded = fold(written).lower()
            if folded != wanted and _distance(folded, wanted) <= distance:
                counts[written] = counts.get(written, 0) + 1
    if not counts:
        return ""
    return max(counts, key=lambda w: (-_distance(fold(w).lower(), wanted), counts[w]))


def suggestions(index, text, filters, limit=8):
    """Headlines for what is being typed: every word but the last as typed, the last one
    as the start of a word of the headline. [(title, url)]."""
    words = WORD.findall(text or "")[:MAX_SUGGEST_WORDS]
    if not words or len(fold(words[-1])) < 2:
        return []
    language = filters.language
    *complete, partial = words
    clauses = [
        (tantivy.Occur.Must, _alternative((word,), language))
        for word in complete
        if fold(word).lower() not in STOP_WORDS.get(base_language(language), ())
    ]
    prefix = fold(partial).lower()
    stemmed = term(partial, language)
    # The word being typed: a headline term starting with it, or with its stem ("negotiat"
    # is indexed as "negoti").
    starts = [prefix] if stemmed == prefix or not stemmed else [prefix, stemmed]
    clauses.append(
        (
            tantivy.Occur.Must,
            _should(
                [
                    tantivy.Query.regex_query(
                        SCHEMA, "title", f"{base_language(language)}:{_regex_literal(start)}.*"
                    )
                    for start in starts
                ]
            ),
        )
    )
    clauses.extend(_excluded_clauses(filters))
    clauses.extend(_filter_clauses(filters))
    searcher = index.searcher()
    found = searcher.search(tantivy.Query.boolean_query(clauses), limit, count=False)
    result = []
    for _score, address in found.hits:
        shown = json.loads(bytes(searcher.doc(address).to_dict()["shown"][0]))
        result.append((shown["title"], shown["url"]))
    return result


MAX_SUGGEST_WORDS = 8


def _regex_literal(text):
    # Terms are word characters only (analysis.WORD); anything else is escaped all the same.
    return "".join(char if char.isalnum() or char == "_" else f"\\{char}" for char in text)
