"""The sections of sitemap.xml: items (with their images), other pages, and people.

Django's sitemaps framework pages each section by 50,000 URLs and writes the XML; these classes
say which objects appear, where they live and when they last changed.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.utils import timezone
from wagtail.models import Page

from newsroom.core import addresses
from newsroom.news.models import NewsItemPage
from newsroom.topics.models import PeopleIndexPage, Person

URLS_PER_SITEMAP = 50_000


def urls_per_sitemap():
    return getattr(settings, "NEWSROOM_SITEMAP_LIMIT", URLS_PER_SITEMAP)


def _whole_seconds(moment):
    return moment.replace(microsecond=0) if moment else None


class RequestSitemap(Sitemap):
    def __init__(self, request):
        self.request = request
        self.limit = urls_per_sitemap()

    def location(self, obj):
        parts = obj.get_url_parts(self.request)
        return parts[2] if parts else ""

    def add_language_alternates(self, urls, model):
        """Give each page's <url> an hreflang link to every live translation (itself included),
        looked up for the whole sitemap page in one query."""
        keys = {url["item"].translation_key for url in urls}
        by_key = {}
        translations = model.objects.live().filter(translation_key__in=keys)
        for page in translations.select_related("locale").defer_streamfields():
            location = self.location(page)
            if location:
                by_key.setdefault(page.translation_key, []).append(
                    {
                        "lang_code": page.locale.language_code,
                        "location": addresses.absolute(self.request, location),
                    }
                )
        for url in urls:
            alternates = by_key.get(url["item"].translation_key, [])
            url["alternates"] = alternates if len(alternates) > 1 else []
        return urls


class ItemSitemap(RequestSitemap):
    def items(self):
        return (
            NewsItemPage.objects.visible()
            .newest_first()
            .defer_streamfields()
            .select_related("listing_image")
            .order_by("-display_date", "-id")
        )

    def lastmod(self, item):
        return _whole_seconds(item.last_published_at)

    def get_latest_lastmod(self):
        latest = self.items().order_by().aggregate(latest=Max("last_published_at"))["latest"]
        return _whole_seconds(latest)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            image = url["item"].listing_image
            url["images"] = (
                [
                    {
                        "loc": addresses.absolute(self.request, image.file.url),
                        "title": image.title,
                        "caption": image.caption or image.alt_text,
                    }
                ]
                if image
                else []
            )

        return self.add_language_alternates(urls, NewsItemPage)


class PageSitemap(RequestSitemap):
    """Front pages, news indexes, topics and other pages (not items, which ItemSitemap lists)."""

    def items(self):

        pages = (
            Page.objects.live()
            .public()
            .filter(depth__gt=1)
            .not_type(NewsItemPage)
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
            .order_by("path")
        )
        return [page for page in pages if page.get_url_parts(self.request)]

    def lastmod(self, page):
        return _whole_seconds(page.last_published_at)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        return self.add_language_alternates(urls, Page)


class PersonSitemap(RequestSitemap):
    def items(self):

        indexes = {index.locale_id: index for index in PeopleIndexPage.objects.live().public()}
        people = Person.objects.filter(locale_id__in=indexes).order_by("locale_id", "name")
        for person in people:
            person.people_index = indexes[person.locale_id]
        return list(people)

    def location(self, person):
        index = person.people_index
        parts = index.get_url_parts(self.request)
        if not parts:
            return ""
        return parts[2] + index.reverse_subpage("person_detail", kwargs={"slug": person.slug})


def sections(request):
    return {
        "pages": PageSitemap(request),
        "items": ItemSitemap(request),
        "people": PersonSitemap(request),
    }
