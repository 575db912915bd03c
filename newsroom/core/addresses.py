"""Absolute addresses, for what is read away from this site (feeds, the API, e-mail, JSON-LD)."""

import re
from urllib.parse import urljoin

from django.conf import settings
from django.utils.translation import get_language


def absolute(request, url):
    """An absolute address for ``url`` (a path, or already absolute, as media in object storage)."""
    if not url:
        return ""
    return request.build_absolute_uri(url)


def public_url(path):
    """``path`` on the public site (NEWSROOM_BASE_URL), for what is read far from any request
    (an e-mail composed by a worker)."""
    return urljoin(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/", path or "")


def page_url(page, request):
    return absolute(request, page.get_url(request))


def home_url(request):
    return absolute(request, f"/{get_language() or 'en'}/")


_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src|poster))="([^"]*)"')
_SRCSET = re.compile(r'(\ssrcset)="([^"]*)"')


def absolutize_html(html, base):
    """Rewrite relative href/src/srcset addresses in ``html`` against ``base``.

    Feed readers, partner sites and news agencies show the HTML away from this site, where a
    path like /media/... would lead nowhere.
    """

    def url(match):
        return f'{match.group(1)}="{urljoin(base, match.group(2))}"'

    def srcset(match):
        candidates = []
        for candidate in match.group(2).split(","):
            parts = candidate.strip().split(maxsplit=1)
            if parts:
                parts[0] = urljoin(base, parts[0])
                candidates.append(" ".join(parts))
        return f'{match.group(1)}="{", ".join(candidates)}"'

    return _SRCSET.sub(srcset, _URL_ATTRIBUTE.sub(url, html))
