"""The request's site and organisation settings from values kept per epoch.

Wagtail finds the site, the settings and the site root paths with a query or a cache read on
every request; here they are read once per epoch (``caching.memo``) and handed to each request
where Wagtail and Django look for them, so routing, ``{{ settings }}`` and ``pageurl`` skip
their per-request lookups. Values computed during the request are kept for its site
(``memo.site_scope``): two sites never share one.
"""

from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from newsroom.caching import memo

from .models import OrganisationSettings
from .serving import site_root_paths


@memo.per_epoch
def site_for(hostname, port):
    try:
        return get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None


@memo.per_epoch
def organisation_settings(site):
    return OrganisationSettings.for_site(site)


class SiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The same lookup as Wagtail's Site.find_for_request (raw host: no ALLOWED_HOSTS check).
        site = site_for(split_domain_port(request._get_raw_host())[0], request.get_port())
        if site is not None:
            # Where Site.find_for_request keeps its answer (Wagtail offers no setter); the memo
            # hands out copies, so what pages and tags cache on them stays this request's.
            request._wagtail_site = site
            organisation = organisation_settings(site)
            organisation._request = request
            setattr(request, OrganisationSettings.get_cache_attr_name(), organisation)
        # What Page.get_url(request) reads from Django's cache (Redis in production) otherwise;
        # Wagtail keeps it on the request under this name and has no public way to give it.
        request._wagtail_cached_site_root_paths = site_root_paths()
        with memo.site_scope(site.pk if site is not None else None):
            return self.get_response(request)
