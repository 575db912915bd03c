from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from newsroom.caching import fragments
from newsroom.news.models import NewsItemPage
from newsroom.syndication.structured.head import head_context

register = template.Library()

HEAD_TEMPLATE = "syndication/head.html"


@register.simple_tag(takes_context=True)
def syndication_head(context):
    """Feed links, canonical, Open Graph, Twitter card, JSON-LD and oEmbed for this page; an
    item's, the longest to work out, once per live revision (``caching/fragments.py``)."""

    def render():
        return render_to_string(HEAD_TEMPLATE, head_context(context))

    page, request = context.get("page"), context.get("request")
    if isinstance(page, NewsItemPage) and fragments.reusable(page, request):
        key = fragments.request_key(request, "head", page.pk, page.live_revision_id)
        return mark_safe(fragments.cached(key, render))  # noqa: S308 - escaped by the template
    return mark_safe(render())  # noqa: S308 - the template escapes what it shows
