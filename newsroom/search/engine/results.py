"""A reader's search as Django's paginator wants it: ``count()`` and slices.

The index ranks; the database has the last word. A page's ids are read back through the
caller's queryset (``visible()`` and every filter in SQL), so an item that stopped being
public a moment ago, or that a filter the index does not know leaves out, is never shown.
"""

import logging

from newsroom.news.models.items import expired_but_live

from . import searching, store

logger = logging.getLogger(__name__)


def _filters(filters, language):
    start, end = filters.get("from"), filters.get("to")
    topic = filters.get("topic")
    person = filters.get("person")
    place = filters.get("place")
    return searching.Filters(
        language=language,
        item_type=filters.get("type", ""),
        topic_key=str(topic.translation_key) if topic else "",
        person_key=str(person.translation_key) if person else "",
        place_id=str(place.pk) if place else "",
        day_from=start.toordinal() if start else None,
        day_to=end.toordinal() if end else None,
        excluded_ids=tuple(expired_but_live()),
    )


class Results:
    """The matches of one search, counted and sliced on demand."""

    def __init__(self, index, queryset, text, filters, *, newest):
        self.index, self.queryset, self.text = index, queryset, text
        self.filters = filters
        self.newest = newest
        self.prepared = searching.prepare(text, filters)
        self.shown = {}
        self._pages = {}

    # --- what the paginator asks -------------------------------------------------------------
    def _page(self, offset, limit):
        key = (offset, limit)
        if key not in self._pages:
            if self.prepared.query is None:
                self._pages[key] = searching.Page([], {}, 0)
            else:
                self._pages[key] = searching.page(
                    self.index, self.prepared, offset=offset, limit=limit, newest=self.newest
                )
            self.shown.update(self._pages[key].shown)
        return self._pages[key]

    @property
    def total(self):
        """How many items match."""
        if self._pages:
            return next(iter(self._pages.values())).total
        return self._page(0, 10).total

    def count(self):
        """How many can be paged through: the first ``MAX_HITS`` (a reader narrows first)."""
        return min(self.total, searching.MAX_HITS)

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if isinstance(key, int):
            return self[key : key + 1][0]
        start, stop = key.start or 0, key.stop
        if stop is None or stop <= start or start >= searching.MAX_HITS:
            return []
        found = self._page(start, stop - start)
        rank = {pk: position for position, pk in enumerate(found.ids)}
        items = list(self.queryset.filter(pk__in=found.ids))
        return sorted(items, key=lambda item: rank[item.pk])

    def __iter__(self):
        return iter(self[0 : self.count()])

    # --- what the search page shows beside them ----------------------------------------------
    @property
    def parsed(self):
        return self.prepared.parsed

    @property
    def words(self):
        return self.prepared.words

    def facets(self):
        if self.prepared.query is None:
            return {}
        return searching.facets(self.index, self.prepared)

    def did_you_mean(self):
        return searching.did_you_mean(self.index, self.text, self.filters)


def search_items(queryset, text, filters, *, order="relevance", language):
    """``Results`` of ``text`` among ``queryset`` narrowed by the reader's cleaned ``filters``
    (news/filters.py), or None when the index cannot answer (missing, damaged, being
    rebuilt): the caller then searches the database the old way."""
    index = store.reader()
    if index is None:
        return None
    results = Results(
        index, queryset, text, _filters(filters, language), newest=(order != "relevance")
    )
    try:
        results.count()  # a damaged segment shows here, not in the template
    except (OSError, ValueError) as error:
        logger.warning("search index failed: %s", error)
        store.forget(error)
        return None
    return results


def suggest(text, language, limit=8):
    """[(headline, address)] of items whose headline starts like ``text``."""
    index = store.reader()
    if index is None:
        return []
    filters = searching.Filters(language=language, excluded_ids=tuple(expired_but_live()))
    try:
        return searching.suggestions(index, text, filters, limit)
    except (OSError, ValueError) as error:
        store.forget(error)
        return []
