"""Admin report: which items lack a translation, and which translations are older than their
source (the source was published again after the translation was last published)."""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale

from newsroom.core.i18n import language_name
from newsroom.core.listing import page_number

from .models import NewsItemPage

MISSING, CURRENT, OUT_OF_DATE = "missing", "current", "out-of-date"


def translation_statuses(sources, languages):
    """{source pk: {language: (status, translated page or None)}} in one query."""
    keys = [source.translation_key for source in sources]
    translations = NewsItemPage.objects.filter(
        translation_key__in=keys, locale__language_code__in=languages
    ).select_related("locale")
    found = {(page.translation_key, page.locale.language_code): page for page in translations}
    statuses = {}
    for source in sources:
        row = {}
        for language in languages:
            page = found.get((source.translation_key, language))
            if page is None:
                row[language] = (MISSING, None)
            elif (
                source.last_published_at
                and page.last_published_at
                and source.last_published_at > page.last_published_at
            ):
                row[language] = (OUT_OF_DATE, page)
            else:
                row[language] = (CURRENT, page)
        statuses[source.pk] = row
    return statuses


def translation_report(request):
    default = Locale.get_default()
    languages = [code for code, _name in settings.LANGUAGES if code != default.language_code]
    show = request.GET.get("show", "missing")
    sources = NewsItemPage.objects.filter(locale=default).order_by("-display_date", "-pk")
    if show == "missing" and languages:
        translated_everywhere = NewsItemPage.objects.filter(locale__language_code=languages[0])
        sources = sources.exclude(
            translation_key__in=translated_everywhere.values("translation_key")
        )
    page = Paginator(sources, 50).get_page(page_number(request))
    statuses = translation_statuses(page.object_list, languages)
    rows = [
        {"source": source, "cells": [statuses[source.pk][language] for language in languages]}
        for source in page.object_list
    ]
    return render(
        request,
        "news/admin/translation_report.html",
        {
            "page_title": _("Translations"),
            "header_icon": "site",
            "languages": [language_name(code) for code in languages],
            "rows": rows,
            "page_obj": page,
            "show": show,
        },
    )
