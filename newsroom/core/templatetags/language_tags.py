"""The language switcher and hreflang alternates: the same page in every configured language."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from newsroom.core.i18n import language_name
from newsroom.delivery import memo

register = template.Library()


def _translation_urls(request, page):
    translations = Page.objects.live().filter(translation_key=page.translation_key)
    urls = {}
    for translated in translations.select_related("locale").specific(defer=True):
        url = translated.get_url(request)
        if url:  # a page outside every site's tree has no address
            urls[translated.locale.language_code] = url
    return urls


def _page_alternates(request, page):
    """{language code: URL} of the live translations of a Wagtail page, keeping the part of the
    address a routable page added (an archive month, a person)."""
    suffix = ""
    own_url = page.get_url(request) or ""
    if request.path.startswith(own_url):
        suffix = request.path[len(own_url) :]
    site = Site.find_for_request(request)
    # Kept per site generation: every page of a listing or archive asks the same question.
    urls = memo.per_generation(
        "translation urls",
        page.pk,
        site.pk if site else None,
        compute=lambda: _translation_urls(request, page),
    )
    return {code: url + suffix for code, url in urls.items()}


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """One entry per configured language: its code, name, URL and whether the page exists in
    it. A language without this page points at its front page with a notice."""
    request = context["request"]
    page = context.get("page")
    if context.get("alternate_urls") is not None:
        available = context["alternate_urls"]
    elif isinstance(page, Page) and page.pk:
        available = _page_alternates(request, page)
    else:  # a plain view such as search: its address is translated by Django
        available = {
            code: translate_url(request.get_full_path(), code) for code, _ in settings.LANGUAGES
        }
    current = get_language()
    return [
        {
            "code": code,
            "name": language_name(code),
            "url": available.get(code) or f"/{code}/?untranslated={current}",
            "available": code in available,
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
