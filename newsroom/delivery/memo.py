"""Values every request needs, computed once per site generation in each worker.

The site answering a host name, the organisation settings and the section addresses are the
same for every request until something changes, and every change a reader could see bumps the
site generation (``invalidation.py``). Kept under (generation, local version, name, arguments),
a value is fresh by construction: a publish makes it unreachable in every worker within the
generation's TTL, and at once in the process that saved (``generation.local_version``).

``MemoMiddleware`` hands each request its own copy of the memoised site and settings, where
Wagtail looks for them (``request._wagtail_site``, ``OrganisationSettings.for_request``,
``request._wagtail_cached_site_root_paths``), so Wagtail's routing, ``{{ settings }}`` and
``pageurl`` skip their per-request queries and cache reads.
"""

import copy

from django.http.request import split_domain_port

from . import generation, lru

_values = lru.LRU(256)  # sites, settings, id lists: small
_large_values = lru.LRU(32)  # day histograms (``seek.py``): about 0.5 MB each for 15 years


def clear():
    _values.clear()
    _large_values.clear()


def per_generation(name, *args, compute, large=False):
    """``compute()``, or the value it gave earlier under the current generation."""
    key = (generation.current(), generation.local_version(), name, args)
    return (_large_values if large else _values).remember(key, compute)


def site_for(hostname, port):
    from wagtail.models import Site
    from wagtail.models.sites import get_site_for_hostname

    def find():
        try:
            return get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None

    return per_generation("site", hostname, port, compute=find)


def organisation_settings(site):
    from newsroom.core.models import OrganisationSettings

    return per_generation(
        "organisation", site.pk, compute=lambda: OrganisationSettings.for_site(site)
    )


def private_sections_q():
    """Wagtail's ``PageQuerySet.private_q()``, read once per generation. Two plain queries
    rather than its join: with ANALYZE statistics and no restriction at all, SQLite drove that
    join from the page table (90 ms on 100,000 items)."""
    from django.db.models import Q
    from wagtail.models import Page, PageViewRestriction

    def compute():
        ids = list(PageViewRestriction.objects.values_list("page_id", flat=True))
        paths = Page.objects.filter(pk__in=ids).values_list("path", flat=True) if ids else []
        condition = Q()
        for path in paths:
            condition |= Q(path__startswith=path)  # the section and everything below it
        return condition if condition else Q(pk__in=[])

    return per_generation("private sections", compute=compute)


def public(queryset):
    """``queryset.public()`` (pages outside private sections) without its per-call query."""
    return queryset.exclude(private_sections_q())


def site_root_paths():
    from wagtail.models import Site

    return per_generation("site root paths", compute=Site.get_site_root_paths)


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
