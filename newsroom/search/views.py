"""/en/search/?q=: every item, ranked by relevance or newest first, with the news filters."""

from django.conf import settings
from django.template.response import TemplateResponse
from wagtail.models import Locale

from newsroom.core.listing import paginate_or_404
from newsroom.news.filters import NewsFilterForm
from newsroom.news.models import NewsItemPage

from .limits import TooSlow, time_limit


def search(request):
    locale = _current_locale()
    form = NewsFilterForm(request.GET or None, locale=locale, with_sort=True)
    filters = form.valid_filters() if request.GET else {}
    query = filters.get("q", "")
    results = None
    too_slow = False
    if query:
        order = filters.get("sort") or "relevance"
        items = NewsItemPage.objects.filter(locale=locale).for_listing()
        try:
            with time_limit(settings.NEWSROOM_SEARCH_TIME_LIMIT):
                results = paginate_or_404(items.filtered(filters, order=order), request)
                results.object_list = list(results.object_list)  # the search runs here
        except TooSlow:
            too_slow = True
            results = None
    response = TemplateResponse(
        request,
        "search/search_page.html",
        {
            "form": form,
            "query": query,
            "results": results,
            "filters": filters,
            "too_slow": too_slow,
        },
    )
    if too_slow:
        # Not an answer to keep (the page cache keeps only 200 and 404): the same search may
        # finish in time when the server is less busy.
        response.status_code = 503
        response["Retry-After"] = "60"
    elif form.is_bound and form.errors:
        response.status_code = 400
    return response


def _current_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()
