"""Deep pages as fast as the first: pagination by a per-day histogram instead of OFFSET.

Every listing is ordered newest first by display date (``for_listing()``). Rather than count the
whole listing and skip N rows (``COUNT(*)`` and ``OFFSET 49990`` read every row before the page,
and on SQLite each item row carries its body), the paginator reads once how many items each day
has — ``SELECT display_date, COUNT(*) … GROUP BY display_date`` over the display-date index, a
few thousand rows for 15 years — and keeps it in the worker until the site changes. From it,
page N is a seek: the days that hold its items are known, so the page query reads only those
days (``display_date BETWEEN a AND b``, through the index) and skips only the items of the first
of them that belong to the page before. The items are exactly those ``OFFSET`` would give: same
order, same query, only bounded. The page count is the histogram's sum.

The histogram and the pages are kept for the current site generation (``caching/memo.py``), so
they never outlive the content they describe, under the listing's key: what the page showing the
listing knows determines it (``("news listing", index page, filters)``), or else the listing's
SQL — compiling that on every request cost a quarter of a listing's render.
"""

import bisect

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db.models import Count, QuerySet
from django.utils.functional import cached_property

from newsroom.caching import memo


class Histogram:
    """Items per day, newest day first, with running totals."""

    def __init__(self, rows):
        rows = sorted(rows, reverse=True)
        self.days = [day for day, _ in rows]
        self.before = []  # items on newer days than days[i]
        total = 0
        for _, count in rows:
            self.before.append(total)
            total += count
        self.count = total

    def day_index(self, position):
        """Index of the day that holds the item at ``position`` (0 = newest)."""
        return bisect.bisect_right(self.before, position) - 1

    def years(self):
        return sorted({day.year for day in self.days}, reverse=True)


@memo.per_generation(ignore=("query",))
def _dates(sql_key, query):
    """The display dates ``query`` gives, kept under its SQL until the site changes."""
    return list(query)


def histogram_of(queryset):
    return Histogram(queryset.order_by().values_list("display_date").annotate(items=Count("pk")))


def sql_key(queryset):
    """A listing's SQL and parameters: its key when the caller gives none."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # a listing that can hold nothing (e.g. ``pk__in=[]``)
        return ("empty",)
    return ("sql", sql, tuple(map(str, params)))


def histogram(queryset, key=None):
    """The listing's items per day, kept under ``key`` (by default its SQL) until the site
    changes. A key must name everything the queryset depends on besides the site's content."""
    return _histogram(key or sql_key(queryset), queryset)


@memo.per_generation(large=True, ignore=("queryset",))
def _histogram(listing_key, queryset):
    return histogram_of(queryset)


@memo.per_generation(ignore=("paginator",))
def _page_items(listing_key, start, per_page, paginator):
    return list(window(paginator.object_list, paginator.histogram, start, start + per_page))


def seekable(queryset):
    """True for querysets ordered newest display date first (everything ``for_listing`` gives)."""
    if not isinstance(queryset, QuerySet) or queryset.query.is_sliced:
        return False
    ordering = list(queryset.query.order_by)
    return bool(ordering) and ordering[0] == "-display_date"


def window(queryset, hist, start, stop):
    """Items [start, stop) of ``queryset``, reading only the days that hold them."""
    if start >= hist.count:
        return queryset.none()
    stop = min(stop, hist.count)
    first = hist.day_index(start)
    last = hist.day_index(stop - 1)
    newest, oldest = hist.days[first], hist.days[last]
    skip = start - hist.before[first]
    bounded = queryset.filter(display_date__lte=newest, display_date__gte=oldest)
    return bounded[skip : skip + (stop - start)]


def head(queryset, count):
    """The first ``count`` items of a listing (the front page's latest items). No histogram:
    the newest ``count`` dates come from the display-date index, read newest first and stopped
    after ``count`` rows, and bound the items query as ``window`` does (the full ordering's sort
    then sees a few rows, not the whole listing)."""
    if not seekable(queryset) or count <= 0:
        return queryset[:count] if count > 0 else queryset.none()
    query = queryset.order_by("-display_date").values_list("display_date", flat=True)[:count]
    dates = _dates(sql_key(query), query)
    if not dates:
        return queryset.none()
    return queryset.filter(display_date__gte=dates[-1])[:count]


class DateSeekPaginator(Paginator):
    """A Django Paginator for ``for_listing()`` querysets; pages match OFFSET pagination. A
    page's items are kept under the listing's key until the site changes, as its histogram is:
    the next reader of the same page is served without a query."""

    def __init__(self, object_list, per_page, *, key=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.key = key

    @cached_property
    def listing_key(self):
        return self.key or sql_key(self.object_list)

    @cached_property
    def histogram(self):
        return histogram(self.object_list, self.listing_key)

    @cached_property
    def count(self):
        return self.histogram.count

    def page(self, number):
        number = self.validate_number(number)
        start = (number - 1) * self.per_page
        items = _page_items(self.listing_key, start, self.per_page, self)
        return self._get_page(items, number, self)


def paginator_for(queryset, per_page, key=None, **kwargs):
    """The seek paginator where it applies (date-ordered querysets), Django's otherwise."""
    if seekable(queryset):
        return DateSeekPaginator(queryset, per_page, key=key, **kwargs)
    return Paginator(queryset, per_page, **kwargs)
