"""Rendered pieces of pages (item cards, feed entry bodies), kept in each worker across renders.

A publish makes every cached page stale (``invalidation.py``), and re-rendering a listing, the
front page or a feed re-renders every card or body on it, though only the published item
changed. A fragment is kept under what it shows: the item and its live revision, the language,
the variant, and the site's epoch. The epoch (``generation.py``) changes on every change except
the publishing of a news item's own content — moves, slug changes, withdrawals, topic and section
publishes, images, documents, people, settings — so a fragment cannot outlive anything else it
depends on. The local version (``generation.local_version``) also changes on every page save in
this process, for pages saved without a revision (fixtures, factories).

An item page's ``<head>`` and article and a listing's filter form are reused the same way
(``{% fragment %}``), never for a preview or an unpublished page. Per worker, least recently
used out first, at most ``MAX_BYTES``.
"""

import threading
import time

from django.utils.translation import get_language

from . import generation, lru

MAX_BYTES = 16 * 2**20
_fragments = lru.LRU(MAX_BYTES, size=len)
_rendering = threading.local()
RETRY_SECONDS = 60
_incomplete = lru.LRU(256)  # (retry after, text) of renders that lacked a part


def clear():
    _fragments.clear()
    _incomplete.clear()


def item_key(item, *variant):
    """The key of a fragment showing ``item`` (a page) in the current epoch and ``variant``."""
    return (*generation.epoch_key(), item.pk, item.live_revision_id, *variant)


def cached(key, render):
    """The text ``render()`` gave for ``key`` earlier, or renders it now and keeps it. A render
    that was ``incomplete()`` is kept for ``RETRY_SECONDS`` only, then tried again."""
    found = _fragments.get(key)
    if found is not None:
        return found
    retry = _incomplete.get(key)
    if retry is not None and retry[0] > time.monotonic():
        return retry[1]
    outer = getattr(_rendering, "incomplete", False)
    _rendering.incomplete = False
    try:
        text = render()
        complete = not _rendering.incomplete
    finally:
        _rendering.incomplete = outer or _rendering.incomplete  # an enclosing one is too
    if complete:
        _fragments.set(key, text)
    else:
        _incomplete.set(key, (time.monotonic() + RETRY_SECONDS, text))
    return text


def incomplete():
    """What is being rendered lacks a part that may be there next time (an embed provider that
    did not answer): the fragment around it is kept for ``RETRY_SECONDS`` only (a provider that
    is down is asked once a minute per fragment and worker, not on every render)."""
    _rendering.incomplete = True


def live_view(page, request):
    """Whether ``page`` is shown to ``request`` as it is live: not a preview of a draft, not an
    unpublished page. What such a page shows changes only with the site's generation."""
    return (
        request is not None
        and not getattr(request, "is_preview", False)
        and getattr(page, "live", False)
    )


def reusable(page, request):
    """Whether ``page`` as rendered for ``request`` is its live version, which a fragment keyed
    by its live revision may stand for (across generations within an epoch)."""
    return live_view(page, request) and getattr(page, "live_revision_id", None) is not None


def request_key(request, *variant):
    """The key of a fragment for this request's language and site, in the current epoch."""
    host = request.META.get("HTTP_HOST", "")
    return (*generation.epoch_key(), get_language(), request.scheme, host, *variant)
