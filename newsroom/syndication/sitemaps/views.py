"""sitemap.xml (one file, or an index of sections past 50,000 addresses), the Google News
sitemap and robots.txt, which names both."""

import datetime

from django.contrib.sitemaps import views as django_sitemaps
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from newsroom.core import addresses
from newsroom.core.http import machine_readable
from newsroom.core.models import OrganisationSettings
from newsroom.news import facts
from newsroom.news.models import NewsItemPage

from .sections import sections, urls_per_sitemap

SITEMAP_MAX_AGE = 3600
NEWS_SITEMAP_MAX_AGE = 300
NEWS_SITEMAP_DAYS = 2
NEWS_SITEMAP_LIMIT = 1000
XML = "application/xml"


@machine_readable(max_age=SITEMAP_MAX_AGE, cors=False)
def sitemap_xml(request):
    """One urlset while everything fits in one file; a sitemap index once it does not."""
    all_sections = sections(request)
    total = sum(section.paginator.count for section in all_sections.values())
    if total <= urls_per_sitemap():
        return django_sitemaps.sitemap(
            request, all_sections, template_name="syndication/sitemap.xml", content_type=XML
        )
    return django_sitemaps.index(
        request,
        all_sections,
        template_name="syndication/sitemap_index.xml",
        content_type=XML,
        sitemap_url_name="syndication:sitemap-section",
    )


@machine_readable(max_age=SITEMAP_MAX_AGE, cors=False)
def sitemap_section(request, section):
    all_sections = sections(request)
    if section not in all_sections:
        raise Http404("No sitemap section has that name.")
    return django_sitemaps.sitemap(
        request,
        all_sections,
        section=section,
        template_name="syndication/sitemap.xml",
        content_type=XML,
    )


@machine_readable(max_age=NEWS_SITEMAP_MAX_AGE, cors=False)
def news_sitemap_xml(request):
    """Google News: items published in the last two days, newest first, at most 1,000."""

    since = timezone.now() - datetime.timedelta(days=NEWS_SITEMAP_DAYS)
    items = (
        NewsItemPage.objects.visible()
        .newest_first()
        .filter(
            first_published_at__gte=since,
            display_date__gte=timezone.localtime(since).date(),
        )
        .defer_streamfields()
        .select_related("locale")
        .order_by("-first_published_at", "-id")[:NEWS_SITEMAP_LIMIT]
    )
    organisation = OrganisationSettings.for_request(request)
    entries = [
        {
            "loc": addresses.page_url(item, request),
            "language": item.locale.language_code,
            "published": facts.published_at(item).isoformat(),
            "title": item.title,
        }
        for item in items
    ]
    return TemplateResponse(
        request,
        "syndication/news_sitemap.xml",
        {"entries": entries, "publication_name": organisation.name},
        content_type=XML,
    )


@machine_readable(max_age=SITEMAP_MAX_AGE, cors=False)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('syndication:sitemap'))}",
        f"Sitemap: {request.build_absolute_uri(reverse('syndication:news-sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
