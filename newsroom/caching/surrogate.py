"""Surrogate keys: what a response shows, collected while it is made.

An edge cache (Varnish's xkey) or a CDN (Fastly's ``Surrogate-Key``, Cloudflare's ``Cache-Tag``)
keeps each page with the keys it carries and drops exactly the pages carrying a key when told
to. Code that puts an object on a page says so (``shows(item, item.listing_image)``); the key is
derived here from the object, never typed at the call site, so a purge and a page always agree
on it. ``delivery`` opens a scope per request and writes the headers; the rules that purge keys
are ``delivery/invalidation.py``'s.

Besides one key per object, two names cover what no object stands for:

* ``ALL``: every keyed response. A change with no precise key (the organisation settings, a
  section's title in the navigation, a redirect) purges it.
* ``LISTS``: a response that lists items a publish can add to, reorder or remove from (front
  page, listings of any depth, archives, topics, people, feeds, API lists, sitemaps, search).
  Every response carries it unless its code says it shows no such list (``shows_no_lists()``,
  an item's own page), so a page nobody thought about is purged by every publish rather than
  left stale.

Like ``memo``, this layer knows no models: an object's key is the name of the model at the root
of its table inheritance (every Wagtail page is ``page``) and its primary key.
"""

import contextlib
import contextvars

ALL = "all"
LISTS = "items"

_collected = contextvars.ContextVar("surrogate_keys", default=None)


class Collected:
    __slots__ = ("keys", "lists")

    def __init__(self):
        self.keys = set()
        self.lists = True

    def header_keys(self):
        """The keys to send, named keys first, then the rest sorted (stable headers)."""
        named = [ALL, LISTS] if self.lists else [ALL]
        return named + sorted(self.keys - set(named))


def key_for(obj):
    """``page-12``, ``customimage-3``, ``person-4``: the root model of ``obj``'s table
    inheritance (a story and the page it is share one key) and its primary key."""
    if obj.pk is None:
        raise ValueError(f"{obj!r} has no primary key yet: it cannot be on a cached page")
    return key_for_id(type(obj), obj.pk)


def key_for_id(model, pk):
    """The key of ``model``'s row ``pk``, for code that holds an id rather than an object."""
    parents = model._meta.get_parent_list()
    root = parents[-1] if parents else model._meta.concrete_model
    return f"{root._meta.model_name}-{pk}"


def named(name, *parts):
    """A key that stands for a relation rather than an object, e.g. ``named("related", 7)``."""
    return "-".join([name, *(str(part) for part in parts)])


@contextlib.contextmanager
def scope():
    """Collect the keys of one response (the delivery layer's middleware opens it)."""
    collected = Collected()
    token = _collected.set(collected)
    try:
        yield collected
    finally:
        _collected.reset(token)


def shows(*objects):
    """The response shows these model instances (None and unsaved ones are skipped)."""
    collected = _collected.get()
    if collected is None:
        return
    for obj in objects:
        if obj is not None and obj.pk is not None:
            collected.keys.add(key_for(obj))


def shows_keys(*keys):
    """The response depends on these named keys (``named()``)."""
    collected = _collected.get()
    if collected is not None:
        collected.keys.update(keys)


def shows_no_lists():
    """The response shows no list that another item's publish could change."""
    collected = _collected.get()
    if collected is not None:
        collected.lists = False


def current():
    """The keys collected so far in this request, or None outside a scope."""
    return _collected.get()
