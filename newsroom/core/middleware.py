"""The request's site and organisation settings from values kept per epoch.

Wagtail finds the site, the settings and the site root paths with a query or a cache read on
every request; here they are read once per epoch (``caching.memo``) and handed to each request
where Wagtail and Django look for them, so routing, ``{{ settings }}`` and ``pageurl`` skip
their per-request lookups. Values computed during the request are kept for its site
(``memo.site_scope``): two sites never share one.
"""

from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.translation import gettext as _
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from newsroom.caching import memo

from .http import json_error
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


class MethodsMiddleware:
    """405 Method Not Allowed with ``Allow`` for a method a view does not answer (views marked
    by ``core.http.answers_methods``), and the methods in ``Allow`` for OPTIONS.

    Placed before CsrfViewMiddleware: without it a DELETE or PUT to a reader's page met the
    CSRF check first and got 403 Forbidden, which says "you may not" where the truth is "this
    address does not do that". Unmarked views (the admin) are left as they are.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        methods = getattr(view, "allowed_methods", None)
        if methods is None or request.method in methods:
            return None
        allow = ", ".join(methods)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        else:
            message = _("This address answers %(methods)s only, not %(method)s.") % {
                "methods": allow,
                "method": request.method[:20],
            }
            if request.path.startswith("/api/"):
                response = json_error(405, message)
            else:
                response = HttpResponse(
                    message, status=405, content_type="text/plain; charset=utf-8"
                )
        response["Allow"] = allow
        return response
