"""Rendered pieces of pages (item cards, feed entry bodies), kept in each worker across renders.

A publish makes every cached page stale (``invalidation.py``), and re-rendering a listing, the
front page or a feed re-renders every card or body on it, though only the published item
changed. A fragment is kept under what it shows: the item and its live revision, the language,
the variant, and the site's epoch. The epoch (``generation.py``) changes on every change except
the publishing of a page's own content — moves, slug changes, withdrawals, images, documents,
people, settings — so a fragment cannot outlive anything else it depends on. The local version
(``generation.local_version``) also changes on every page save in this process, for pages saved
without a revision (fixtures, factories).

Per worker, least recently used out first, at most ``MAX_BYTES``.
"""

from . import generation, lru

MAX_BYTES = 16 * 2**20
_fragments = lru.LRU(MAX_BYTES, size=len)


def clear():
    _fragments.clear()


def item_key(item, *variant):
    """The key of a fragment showing ``item`` (a page) in the current epoch and ``variant``."""
    epoch = generation.current().partition(":")[0]
    return (epoch, generation.local_version(), item.pk, item.live_revision_id, *variant)


def cached(key, render):
    """The text ``render()`` gave for ``key`` earlier, or renders and keeps it now."""
    return _fragments.remember(key, render)
