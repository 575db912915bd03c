"""What browsers ask every site for besides its pages: /favicon.ico and the web app manifest.

The icons themselves are static files (static/icons/, drawn by scripts/icons.py); the pages'
<head> links the hashed copies. /favicon.ico is answered here because browsers and crawlers ask
for it at that fixed address whatever the page links; the manifest names the newsroom from the
organisation's settings, in the default language.
"""

import functools

from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from .http import json_response
from .models import OrganisationSettings

BRAND_COLOUR = "#003a70"
ICON_MAX_AGE = 24 * 3600


@functools.cache
def _icon_bytes():
    path = finders.find("icons/favicon.ico")
    if path is None:
        return None
    with open(path, "rb") as file:
        return file.read()


def favicon(request):
    data = _icon_bytes()
    if data is None:
        raise Http404(_("There is no file at this address."))
    response = HttpResponse(data, content_type="image/x-icon")
    patch_cache_control(response, public=True, max_age=ICON_MAX_AGE)
    return response


def web_manifest(request):
    organisation = OrganisationSettings.for_request(request)
    document = {
        "name": organisation.newsroom_title,
        "short_name": organisation.short_name or organisation.newsroom_title,
        "description": default_description(organisation),
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": BRAND_COLOUR,
        "icons": [
            {"src": static("icons/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        ],
    }
    response = json_response(document, content_type="application/manifest+json")
    patch_cache_control(response, public=True, max_age=ICON_MAX_AGE)
    return response


def default_description(organisation):
    """The meta description of a page that has none of its own (the front page, search)."""
    return _("News, press releases, speeches, videos and media advisories from %(name)s.") % {
        "name": organisation.name
    }
