"""Values every request needs, computed once per site generation (or epoch) in each worker.

The site answering a host name, the organisation settings, the routing to sections, the latest
items of the front page, a listing's pages: the same for every request until something changes,
and every change a reader could see bumps the site generation (``invalidation.py``). Kept under
(generation, local version, name, arguments), a value is fresh by construction: a publish makes
it unreachable in every worker within the generation's TTL, and at once in the process that
saved (``generation.local_version``). Values no item's publish can change (sites, settings,
sections, topics, view restrictions) are kept for the epoch instead (``per_epoch``), so the
first render after a publish reads only what the publish may have changed.

``MemoMiddleware`` hands each request its own copy of the memoised site and settings, where
Wagtail looks for them (``request._wagtail_site``, ``OrganisationSettings.for_request``,
``request._wagtail_cached_site_root_paths``), so Wagtail's routing, ``{{ settings }}`` and
``pageurl`` skip their per-request queries and cache reads; ``MemoisedServing`` does the same
for page routing and view restrictions.
"""

import copy

from django.http import Http404
from django.http.request import split_domain_port

from . import generation, lru

_values = lru.LRU(256)  # sites, settings, id lists: small
_large_values = lru.LRU(32)  # day histograms (``seek.py``): about 0.5 MB each for 15 years


def clear():
    _values.clear()
    _large_values.clear()


def per_generation(name, *args, compute, large=False, keep_none=True):
    """``compute()``, or the value it gave earlier under the current generation. With
    ``keep_none=False`` a None (nothing found) is not kept: addresses made up by crawlers would
    push useful values out."""
    key = (*generation.generation_key(), name, args)
    return (_large_values if large else _values).remember(key, compute, keep_none=keep_none)


def per_epoch(name, *args, compute):
    """``compute()``, or the value it gave earlier in the current epoch: only for values that
    no item's publish changes (sites, settings, sections, topics, restrictions), which are then
    not read again after every publish."""
    return _values.remember(_epoch_key(name, args), compute)


def _epoch_key(name, args):
    return (*generation.epoch_key(), name, args)


def site_for(hostname, port):
    from wagtail.models import Site
    from wagtail.models.sites import get_site_for_hostname

    def find():
        try:
            return get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None

    return per_epoch("site", hostname, port, compute=find)


def organisation_settings(site):
    from newsroom.core.models import OrganisationSettings

    return per_epoch("organisation", site.pk, compute=lambda: OrganisationSettings.for_site(site))


def restricted_paths():
    """Tree paths of the pages with a view restriction (a private section and all below it)."""
    from wagtail.models import Page, PageViewRestriction

    def compute():
        ids = list(PageViewRestriction.objects.values_list("page_id", flat=True))
        return list(Page.objects.filter(pk__in=ids).values_list("path", flat=True)) if ids else []

    return per_epoch("restricted paths", compute=compute)


def private_sections_q():
    """Wagtail's ``PageQuerySet.private_q()``, read once per generation. Two plain queries
    rather than its join: with ANALYZE statistics and no restriction at all, SQLite drove that
    join from the page table (90 ms on 100,000 items)."""
    from django.db.models import Q

    condition = Q()
    for path in restricted_paths():
        condition |= Q(path__startswith=path)  # the section and everything below it
    return condition if condition else Q(pk__in=[])


def public(queryset):
    """``queryset.public()`` (pages outside private sections) without its per-call query."""
    return queryset.exclude(private_sections_q())


def site_root_paths():
    from wagtail.models import Site

    return per_epoch("site root paths", compute=Site.get_site_root_paths)


def aliases_exist():
    from wagtail.models import Page

    return per_generation(
        "aliases exist", compute=Page.objects.filter(alias_of__isnull=False).exists
    )


def child_page(parent, slug):
    """The specific child page of ``parent`` at ``slug``, or None. Sections and topics are kept
    for the epoch (their publishes, moves, slug changes and withdrawals start a new one). Items
    are read afresh: an item's publish keeps the epoch, and the tree address that leads here
    only redirects to the dated one (``NewsIndexPage.item``). A page not found is looked for
    again on the next request: it may have been published since."""
    from newsroom.news.models import NewsItemPage

    key = _epoch_key("child page", (parent.pk, slug))
    found = _values.get(key)
    if found is None:
        child = parent.get_children().filter(slug=slug).first()
        found = child.specific if child is not None else None
        if found is not None and not isinstance(found, NewsItemPage):
            _values.set(key, found)
    return found


class MemoisedServing:
    """For page models: Wagtail's routing to a child page and its check of view restrictions
    (two queries each, on every request) from values kept per epoch. A page is routed as
    Wagtail does; its restrictions are read as Wagtail does as soon as any restriction or alias
    could concern it."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        child = child_page(self, path_components[0])
        if child is None:
            raise Http404
        child = copy.copy(child)  # each request its own: pages cache related objects on them
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if (
            self.alias_of_id is None
            and not aliases_exist()
            and not any(self.path.startswith(path) for path in restricted_paths())
        ):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class MemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from newsroom.core.models import OrganisationSettings

        # The same lookup as Wagtail's Site.find_for_request (raw host: no ALLOWED_HOSTS check).
        site = site_for(split_domain_port(request._get_raw_host())[0], request.get_port())
        if site is not None:
            # Copies: pages and tags may cache related objects or the request on them.
            request._wagtail_site = copy.copy(site)
            organisation = copy.copy(organisation_settings(site))
            organisation._request = request
            setattr(request, OrganisationSettings.get_cache_attr_name(), organisation)
        # What Page.get_url(request) reads from Django's cache (Redis in production) otherwise.
        request._wagtail_cached_site_root_paths = site_root_paths()
        return self.get_response(request)
