"""HTTP behaviour shared by feeds, sitemaps, ninjs, the API and oEmbed.

- ``conditional``: an ETag on every successful answer, and 304 Not Modified when the client
  already has it (If-None-Match), exactly as Django's ConditionalGetMiddleware does it, applied
  only to these machine-readable answers.
- ``rate_limited``: a fixed-window counter per anonymous client address in the Django cache
  (works with the in-process cache and with Redis); 429 with Retry-After past the limit.
- ``json_response`` / ``json_error``: UTF-8 JSON, errors as {"error": {"status", "message"}}.
- ``answers_methods`` / ``answering_methods``: the methods a view answers, for
  ``core.middleware.MethodsMiddleware`` (405 with Allow for any other).
"""

import functools
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.middleware.http import ConditionalGetMiddleware
from django.urls import URLPattern
from django.utils.cache import patch_cache_control, patch_vary_headers

from . import throttle
from .http_settings import rate_limit, trusted_proxies

_conditional = ConditionalGetMiddleware(get_response=lambda request: None)


def conditional(request, response):
    """Add an ETag to ``response`` and answer 304 when If-None-Match already names it."""
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    return _conditional.process_response(request, response)


def json_response(data, *, status=200, content_type="application/json"):
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=None)
    return HttpResponse(body, status=status, content_type=f"{content_type}; charset=utf-8")


def json_error(status, message, **extra):
    return json_response(
        {"error": {"status": status, "message": str(message), **extra}}, status=status
    )


# Files whose name changes with their content (hashed static files, image renditions): a year,
# the longest lifetime caches are asked to honour, and no revalidation.
IMMUTABLE = "public, max-age=31536000, immutable"

READING = ("GET", "HEAD")


def answers_methods(view, methods=READING):
    """``view`` (wrapped, never changed: it may be a library's) marked with the HTTP methods it
    answers. ``core.middleware.MethodsMiddleware`` answers any other with 405 and ``Allow``
    before the view runs, and before the CSRF check, which would refuse an unsafe method of a
    reader's page with 403."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    wrapper.allowed_methods = tuple(methods)
    return wrapper


def answering_methods(patterns, methods=READING):
    """URL patterns as given, each view marked with ``answers_methods``: for a whole app's
    routes at once (its ``include()``)."""
    return [
        URLPattern(p.pattern, answers_methods(p.callback, methods), p.default_args, p.name)
        for p in patterns
    ]


def allow_cross_origin(response):
    """Public, read-only data: any web page may read it from a browser."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = (
        "ETag, Last-Modified, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset"
    )
    return response


def cacheable(response, max_age):
    """Public for ``max_age`` seconds; a shared cache (the edge cache, a CDN), which is purged
    on every change, keeps it for at most ``NEWSROOM_CACHE_S_MAXAGE``."""
    if response.status_code in (200, 304):
        s_maxage = min(max_age, int(settings.NEWSROOM_CACHE_S_MAXAGE))
        patch_cache_control(response, public=True, max_age=max_age, s_maxage=s_maxage)
    return response


def client_address(request):
    """The client's IP address, trusting X-Forwarded-For only as far as configured proxies go."""
    proxies = trusted_proxies()
    if proxies:
        forwarded = [part.strip() for part in request.headers.get("X-Forwarded-For", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def check_rate(request, scope="api"):
    """Count this request; return (limit, remaining, reset_seconds) or None when unlimited."""
    limit = rate_limit()
    if limit is None or getattr(request, "user", None) and request.user.is_authenticated:
        return None
    count, reset = throttle.hit(f"syndication:rate:{scope}", client_address(request), limit)
    return limit.requests, limit.requests - count, reset


def rate_limited(view):
    """Limit anonymous clients; signed-in editors are never limited."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        state = check_rate(request)
        if state is None:
            return view(request, *args, **kwargs)
        limit, remaining, reset = state
        if remaining < 0:
            response = json_error(
                429,
                f"Too many requests: anonymous clients may make {limit} requests per "
                f"{rate_limit().seconds} seconds. Try again in {reset} seconds.",
            )
            response["Retry-After"] = str(reset)
            patch_cache_control(response, no_store=True)
        else:
            response = view(request, *args, **kwargs)
        response["RateLimit-Limit"] = str(limit)
        response["RateLimit-Remaining"] = str(max(0, remaining))
        response["RateLimit-Reset"] = str(reset)
        return response

    return wrapper


def machine_readable(*, max_age, limited=False, cors=True):
    """Decorator for the views of this app: conditional GET, caching headers, CORS, rate limit."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            response = conditional(request, response)
            cacheable(response, max_age)
            patch_vary_headers(response, ["Accept-Encoding"])
            return allow_cross_origin(response) if cors else response

        return rate_limited(wrapper) if limited else wrapper

    return decorator


def not_found_in_place(view):
    """For addresses outside the language prefix: a 404 stays a 404, as JSON.

    Without this, LocaleMiddleware would redirect every 404 here to /en/<same path>, because
    Wagtail's catch-all route makes any path under /en/ look valid.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
        except Http404 as error:
            response = json_error(404, str(error) or "Nothing is at this address.")
        if response.status_code == 404:
            request.urlconf = "newsroom.syndication.urls"
        return response

    return wrapper
