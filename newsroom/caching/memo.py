"""Values every request needs, computed once per site generation (or epoch) in each worker.

The site answering a host name, the organisation settings, the routing to sections, the latest
items of the front page, a listing's pages: the same for every request until something changes,
and every change a reader could see bumps the site generation (``delivery/invalidation.py``).

A value is declared where it is defined, with a decorator::

    @memo.per_generation
    def related_items(item_id, revision_id): ...

    @memo.per_epoch
    def section_urls(): ...

and kept under a key this module derives, never one written at the call site: the generation
(or the epoch) and this process's local version, the site the request is for (``site_scope``),
the active language, the function, and its arguments (a model instance by its label and primary
key). A value is therefore fresh by construction: a publish makes it unreachable in every worker
within the generation's TTL, and at once in the process that saved (``generation.local_version``).
Values no item's publish can change (sites, settings, sections, topics, view restrictions) are
kept for the epoch (``per_epoch``), so the first render after a publish reads only what the
publish may have changed.

What is kept is shared by the worker's threads: a model instance (or a list, tuple or dict of
them) is handed out as a shallow copy, so that what a request caches on it — related objects,
the request — stays its own.
"""

import contextlib
import contextvars
import copy
import functools
import inspect

from django.utils.translation import get_language

from . import generation, lru

_values = lru.LRU(256)  # sites, settings, id lists: small
_large_values = lru.LRU(32)  # day histograms (``core/seek.py``): about 0.5 MB each for 15 years
_site = contextvars.ContextVar("newsroom_site", default=None)


def clear():
    _values.clear()
    _large_values.clear()


@contextlib.contextmanager
def site_scope(site_id):
    """Values computed inside belong to ``site_id``: two sites never share one (set for each
    request by ``core.middleware.SiteMiddleware``)."""
    token = _site.set(site_id)
    try:
        yield
    finally:
        _site.reset(token)


def per_generation(func=None, *, large=False, keep=None, ignore=()):
    """Keep ``func``'s value until the site changes. ``large``: in the store for big values.
    ``keep``: a test of the value, which is handed back but not kept when it fails (a None for
    an address made up by a crawler, which would push useful values out). ``ignore``:
    parameters left out of the key because the others determine them (a queryset named by its
    listing key)."""
    return _decorator(func, generation.generation_key, large, keep, ignore)


def per_epoch(func=None, *, keep=None, ignore=()):
    """Keep ``func``'s value for the epoch: only for values that no item's publish changes
    (sites, settings, sections, topics, restrictions), which are then not read again after
    every publish."""
    return _decorator(func, generation.epoch_key, False, keep, ignore)


def found(value):
    """For ``keep=``: anything but None."""
    return value is not None


def _decorator(func, scope, large, keep, ignore):
    if func is None:
        return functools.partial(_decorator, scope=scope, large=large, keep=keep, ignore=ignore)
    store = _large_values if large else _values
    name = f"{func.__module__}.{func.__qualname__}"
    signature = inspect.signature(func) if ignore else None

    @functools.wraps(func)
    def memoised(*args, **kwargs):
        if signature is not None:
            bound = signature.bind(*args, **kwargs).arguments
            arguments = tuple((param, bound[param]) for param in bound if param not in ignore)
        else:
            arguments = (args, tuple(sorted(kwargs.items())))
        key = (*scope(), _site.get(), get_language(), name, _part(arguments))
        value = store.get(key, _MISSING)
        if value is _MISSING:
            value = func(*args, **kwargs)
            if keep is None or keep(value):
                store.set(key, value)
        return _handed_out(value)

    memoised.uncached = func
    return memoised


_MISSING = object()


def _part(value):
    """``value`` as part of a key: a model instance by its label and primary key."""
    if isinstance(value, tuple | list):
        return tuple(_part(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((name, _part(item)) for name, item in value.items()))
    meta = getattr(value, "_meta", None)
    if meta is not None and hasattr(value, "pk"):
        return (meta.label, value.pk)
    return value


def _handed_out(value):
    if type(value) is list:
        return [_handed_out(item) for item in value]
    if type(value) is tuple:
        return tuple(_handed_out(item) for item in value)
    if type(value) is dict:
        return {name: _handed_out(item) for name, item in value.items()}
    if hasattr(value, "_meta") and hasattr(value, "_state"):  # a model instance
        return copy.copy(value)
    return value
