"""/en/news/: the filterable listing, the date archive and the dated item addresses."""

import calendar
import datetime
import re

from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.models import Page

from newsroom.caching import memo
from newsroom.core.listing import paginate_or_404
from newsroom.core.publishing import AtomicPublish
from newsroom.core.seek import histogram
from newsroom.core.serving import MemoisedServing
from newsroom.formats.feeds import FORMATS as FEED_FORMATS

from .items import NewsItemPage

FEED_FORMAT = rf"(?P<fmt>{'|'.join(FEED_FORMATS)})"
DATED_ITEM = (
    re.compile(r"\d{4}"),
    re.compile(r"\d{2}"),
    re.compile(r"\d{2}"),
    re.compile(r"[-\w]+"),
)


def archive_date(year, month=None, day=None):
    """Validate an archive path; an impossible date is a 404 that says what was wrong."""
    year = int(year)
    if not 1 <= year <= 9999:
        raise Http404(_("%(year)s is not a year we can show.") % {"year": year})
    if month is None:
        return datetime.date(year, 1, 1)
    month = int(month)
    if not 1 <= month <= 12:
        raise Http404(
            _("There is no month %(month)s: months run from 01 to 12.") % {"month": month}
        )
    if day is None:
        return datetime.date(year, month, 1)
    day = int(day)
    last_day = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last_day:
        raise Http404(
            _("There is no day %(day)s in that month: it has %(last)s days.")
            % {"day": day, "last": last_day}
        )
    return datetime.date(year, month, day)


class NewsIndexPage(RoutablePageMixin, MemoisedServing, AtomicPublish, Page):
    """/en/news/: the listing, the archives, the feeds and, at their dated addresses, the items.

    /en/news/feed/{rss,atom,json}/                  all news
    /en/news/<type>/feed/{rss,atom,json}/           one type: story, video, ...
    /en/news/YYYY/MM/DD/<slug>/                     an item
    /en/news/YYYY/MM/DD/<slug>/ninjs.json           one item as IPTC ninjs
    """

    introduction = models.TextField(gettext_lazy("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "news.StoryPage",
        "news.VideoPage",
        "news.PressReleasePage",
        "news.SpeechPage",
        "news.MediaAdvisoryPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = gettext_lazy("news index")

    def items(self):
        return NewsItemPage.objects.child_of(self).for_listing()

    def get_cached_paths(self):
        """What a CDN purges with this page (``delivery/invalidation.py``): it and its feeds."""
        return ["/", *(f"feed/{fmt}/" for fmt in FEED_FORMATS)]

    def listing_key(self, *variant):
        """What ``items()``, narrowed by ``variant``, is kept under (``core/seek.py``)."""
        return ("news listing", self.pk, *variant)

    @re_path(r"^$")
    def listing(self, request):
        from newsroom.news.filters import NewsFilterForm, filters_key  # reads these models

        form = NewsFilterForm(request.GET or None, locale=self.locale_id)
        filters = form.valid_filters() if request.GET else {}
        items = paginate_or_404(
            self.items().filtered(filters), request, key=self.listing_key(filters_key(filters))
        )
        response = self.render(
            request,
            template="news/news_index_page.html",
            context_overrides={"form": form, "items": items, "filters": filters},
        )
        if form.is_bound and form.errors:
            response.status_code = 400
        return response

    @re_path(r"^(?P<year>\d{4})/$")
    def archive_year(self, request, year):
        return self.archive(request, archive_date(year), "year")

    @re_path(r"^(?P<year>\d{4})/(?P<month>\d{2})/$")
    def archive_month(self, request, year, month):
        return self.archive(request, archive_date(year, month), "month")

    @re_path(r"^(?P<year>\d{4})/(?P<month>\d{2})/(?P<day>\d{2})/$")
    def archive_day(self, request, year, month, day):
        return self.archive(request, archive_date(year, month, day), "day")

    def archive(self, request, start, period):
        if period == "year":
            end = start.replace(year=start.year + 1) if start.year < 9999 else datetime.date.max
        elif period == "month":
            end = (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        else:
            end = start + datetime.timedelta(days=1)
        items = self.items().filter(display_date__gte=start, display_date__lt=end)
        items = paginate_or_404(items, request, key=self.listing_key("archive", start, end))
        return self.render(
            request,
            template="news/archive_page.html",
            context_overrides={
                "items": items,
                "period": period,
                "period_start": start,
                "archive_years": self.archive_years(),
                "months": [start.replace(month=month) for month in range(1, 13)],
            },
        )

    def archive_years(self):
        return histogram(self.items(), self.listing_key(())).years()  # the unfiltered listing's

    def route(self, request, path_components):
        """An item's dated address routes to the item itself, so that Wagtail's serve view runs
        its hooks (view restrictions, password pages) for the item, as for any page it routes
        to. Any other dated address goes to ``item()`` below, which says what is wrong."""
        if len(path_components) == len(DATED_ITEM) and all(
            pattern.fullmatch(part)
            for pattern, part in zip(DATED_ITEM, path_components, strict=True)
        ):
            item = self.item_at(*path_components)
            if item is not None:
                return item.route(request, [])
        return super().route(request, path_components)

    def item_at(self, year, month, day, slug):
        """The live item at this dated address, or None."""
        try:
            date = archive_date(year, month, day)
        except Http404:
            return None
        item = self.live_item(slug)
        return item if item is not None and item.display_date == date else None

    @re_path(r"^(?P<year>\d{4})/(?P<month>\d{2})/(?P<day>\d{2})/(?P<slug>[-\w]+)/$")
    def item(self, request, year, month, day, slug):
        """A dated address with no item at it (``route()`` serves those that have one)."""
        date = archive_date(year, month, day)  # an impossible date is a 404 that says so
        item = self.live_item(slug)
        if item is None:
            withdrawn = self.withdrawn_item(slug)
            if withdrawn is None:
                raise Http404(_("No published item has this address."))
            if withdrawn.display_date != date:
                return redirect(withdrawn.get_url(request), permanent=True)
            return self.withdrawal_notice(request, withdrawn)
        # The editor changed the display date: the old address still leads to the item.
        return redirect(item.get_url(request), permanent=True)

    @re_path(r"^feed/$", name="news_feed_default")
    def news_feed_default(self, request):
        return redirect(self.url + "feed/rss/", permanent=True)

    @re_path(rf"^feed/{FEED_FORMAT}/$", name="news_feed")
    def news_feed(self, request, fmt):
        from newsroom.news.feeds import news_feed  # the feed module reads these models

        return news_feed(request, self, fmt)

    @re_path(rf"^(?P<item_type>[a-z][-a-z]*)/feed/{FEED_FORMAT}/$", name="news_type_feed")
    def news_type_feed(self, request, item_type, fmt):
        from newsroom.news.feeds import news_feed  # the feed module reads these models

        return news_feed(request, self, fmt, item_type=item_type)

    # Wagtail's router adds a trailing slash to every path it hands to a page, hence "/$".
    @re_path(
        r"^(?P<year>\d{4})/(?P<month>\d{2})/(?P<day>\d{2})/(?P<slug>[-\w]+)/ninjs\.json/$",
        name="item_ninjs",
    )
    def item_ninjs(self, request, year, month, day, slug):
        from newsroom.news.ninjs import item_ninjs_view  # the ninjs module reads these models

        return item_ninjs_view(request, self, year, month, day, slug)

    def withdrawn_item(self, slug):
        """The withdrawn item at this slug, or None (``models/withdrawals.py``)."""
        item = NewsItemPage.objects.withdrawn().child_of(self).filter(slug=slug).first()
        return item.specific if item is not None else None

    def withdrawal_notice(self, request, withdrawn):
        """410 Gone: the headline, why and when it was withdrawn, no body."""
        response = self.render(
            request,
            template="news/withdrawn_item.html",
            context_overrides={"withdrawn": withdrawn},
        )
        response.status_code = 410
        return response

    @memo.per_generation(keep=memo.found)
    def live_item(self, slug):
        item = NewsItemPage.objects.child_of(self).live().filter(slug=slug).first()
        return item.specific if item is not None else None
