"""The surrogate keys of each public response, as the edge cache and the CDNs read them.

``SurrogateKeyMiddleware`` opens the request's key scope (``caching.surrogate``), lets the view
and its templates say what they show, and writes the keys on every response a shared cache may
keep: Varnish's xkey reads ``xkey``, Fastly ``Surrogate-Key`` (both space-separated), Cloudflare
``Cache-Tag`` (comma-separated). The page cache stores these headers with the rest, so a page
answered from it carries the keys its render collected.
"""

from newsroom.caching import surrogate

HEADERS = ("xkey", "Surrogate-Key", "Cache-Tag")
# Past this many keys (a sitemap, a long feed) only the named ones are sent: such a response
# lists items and carries ``LISTS``, which every change of what it shows purges as well.
MAX_KEYS = 200
NOT_SHARED = ("private", "no-store", "no-cache")


def shareable(response):
    """Whether a shared cache may keep ``response`` at all (it decides how long itself)."""
    if response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(directive in cache_control for directive in NOT_SHARED)


def header_values(collected):
    keys = collected.header_keys()
    if len(keys) > MAX_KEYS:
        keys = [surrogate.ALL, surrogate.LISTS]
    return " ".join(keys), ",".join(keys)


class SurrogateKeyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with surrogate.scope() as collected:
            response = self.get_response(request)
        if shareable(response) and not getattr(response, "streaming", False):
            spaced, commas = header_values(collected)
            response["xkey"] = spaced
            response["Surrogate-Key"] = spaced
            response["Cache-Tag"] = commas
        return response
