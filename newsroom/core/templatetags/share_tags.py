"""Share links for a page: plain links that open each network's own share form, with the
address and title in the query string (URL-encoded), so no network's script is ever loaded
and nothing is sent anywhere until the reader clicks."""

from urllib.parse import quote, urlencode

from django import template
from django.utils.translation import gettext as _

register = template.Library()


def _query(**values):
    return urlencode(values, quote_via=quote)


@register.simple_tag(takes_context=True)
def share_links(context, page):
    """[(network, address)] for ``page``: e-mail first, then the main networks."""
    request = context["request"]
    url = request.build_absolute_uri(page.get_url(request))
    title = page.title
    teaser = getattr(page, "teaser", "") or ""
    body = "\n\n".join(part for part in (title, teaser, url) if part)
    return [
        (_("E-mail"), "mailto:?" + _query(subject=title, body=body)),
        ("X", "https://x.com/intent/post?" + _query(text=title, url=url)),
        ("Bluesky", "https://bsky.app/intent/compose?" + _query(text=f"{title} {url}")),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + _query(u=url)),
        ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + _query(url=url)),
        ("WhatsApp", "https://wa.me/?" + _query(text=f"{title} {url}")),
    ]


@register.simple_tag(takes_context=True)
def absolute_url(context, page):
    request = context["request"]
    return request.build_absolute_uri(page.get_url(request))
