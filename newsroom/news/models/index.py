"""/en/news/: the filterable listing, the date archive and the dated item addresses."""

import calendar
import copy
import datetime

from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.models import Page

from newsroom.core.listing import paginate_or_404
from newsroom.core.publishing import AtomicPublish
from newsroom.delivery import memo
from newsroom.delivery.memo import MemoisedServing
from newsroom.delivery.seek import histogram
from newsroom.syndication.routes import NewsIndexSyndicationMixin

from .items import NewsItemPage


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


class NewsIndexPage(
    NewsIndexSyndicationMixin, RoutablePageMixin, MemoisedServing, AtomicPublish, Page
):
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

    def listing_key(self, *variant):
        """What ``items()``, narrowed by ``variant``, is kept under (``delivery/seek.py``)."""
        return ("news listing", self.pk, *variant)

    @re_path(r"^$")
    def listing(self, request):
        from newsroom.news.filters import NewsFilterForm, filter_items, filters_key

        form = NewsFilterForm(request.GET or None, locale=self.locale_id)
        filters = form.valid_filters() if request.GET else {}
        items = paginate_or_404(
            filter_items(self.items(), filters), request, key=self.listing_key(filters_key(filters))
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

    @re_path(r"^(?P<year>\d{4})/(?P<month>\d{2})/(?P<day>\d{2})/(?P<slug>[-\w]+)/$")
    def item(self, request, year, month, day, slug):
        date = archive_date(year, month, day)
        item = memo.per_generation(
            "news item", self.pk, slug, compute=lambda: self.live_item(slug), keep_none=False
        )
        if item is None:
            raise Http404(_("No published item has this address."))
        item = copy.copy(item)  # each request its own: pages cache related objects on them
        if item.display_date != date:
            # The editor changed the display date: the old address still leads to the item.
            return redirect(item.get_url(request), permanent=True)
        # Wagtail's serve view runs its hooks (view restrictions, password pages) for the page it
        # routed to, which is this index; the item must pass them too.
        from wagtail.views import serve_chain

        serve = serve_chain
        for hook in reversed(hooks.get_hooks("on_serve_page")):
            serve = hook(serve)
        for hook in hooks.get_hooks("before_serve_page"):
            result = hook(item, request, (), {})
            if isinstance(result, HttpResponse):
                return result
        return serve(item, request, (), {})

    def live_item(self, slug):
        item = NewsItemPage.objects.child_of(self).live().filter(slug=slug).first()
        return item.specific if item is not None else None
