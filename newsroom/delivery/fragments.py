"""Rendered pieces of pages (item cards, feed entry bodies), kept in each worker across renders.

A publish makes every cached page stale (``invalidation.py``), and re-rendering a listing, the
front page or a feed re-renders every card or body on it, though only the published item
changed. A fragment is kept under what it shows: the item and its live revision, the language,
the variant, and the site's epoch. The epoch (``generation.py``) changes on every change except
the publishing of a page's own content — moves, slug changes, withdrawals, images, documents,
people, settings — so a fragment cannot outlive anything else it depends on. The local version
(``seek.local_version``) also changes on every page save in this process, for pages saved
without a revision (fixtures, factories).

Per worker, least recently used out first, at most ``MAX_BYTES``.
"""

import threading
from collections import OrderedDict

from . import generation, seek

MAX_BYTES = 16 * 2**20
_fragments = OrderedDict()
_size = [0]
_lock = threading.Lock()


def clear():
    with _lock:
        _fragments.clear()
        _size[0] = 0


def item_key(item, *variant):
    """The key of a fragment showing ``item`` (a page) in the current epoch and ``variant``."""
    epoch = generation.current().partition(":")[0]
    return (epoch, seek.local_version(), item.pk, item.live_revision_id, *variant)


def cached(key, render):
    """The text ``render()`` gave for ``key`` earlier, or renders and keeps it now."""
    try:
        found = _fragments[key]
    except KeyError:
        pass
    else:
        try:  # noqa: SIM105 - suppress() costs a context manager on every hit
            _fragments.move_to_end(key)
        except KeyError:  # dropped by another thread meanwhile
            pass
        return found
    text = render()
    with _lock:
        old = _fragments.pop(key, None)
        if old is not None:
            _size[0] -= len(old)
        _fragments[key] = text
        _size[0] += len(text)
        while _size[0] > MAX_BYTES and _fragments:
            _, dropped = _fragments.popitem(last=False)
            _size[0] -= len(dropped)
    return text
