"""The language switcher and hreflang alternates: the same page in every configured language."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from newsroom.caching import memo
from newsroom.core.i18n import language_name

register = template.Library()


@memo.per_generation(ignore=("request",))  # every page of a listing asks the same question
def _translation_urls(page, site, request):
    """{language code: URL} of the page's live translations, as ``site`` addresses them."""
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
    urls = _translation_urls(page, Site.find_for_request(request), request)
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
