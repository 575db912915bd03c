"""/en/search/?q=: every item, ranked by relevance or newest first, with the news filters."""

from django.template.response import TemplateResponse
from wagtail.models import Locale

from newsroom.core.listing import paginate_or_404
from newsroom.news.filters import NewsFilterForm, filter_items
from newsroom.news.models import NewsItemPage


def search(request):
    locale = _current_locale()
    form = NewsFilterForm(request.GET or None, locale=locale, with_sort=True)
    filters = form.valid_filters() if request.GET else {}
    query = filters.get("q", "")
    results = None
    if query:
        order = filters.get("sort") or "relevance"
        items = NewsItemPage.objects.filter(locale=locale).for_listing()
        results = paginate_or_404(filter_items(items, filters, order=order), request)
    response = TemplateResponse(
        request,
        "search/search_page.html",
        {"form": form, "query": query, "results": results, "filters": filters},
    )
    if form.is_bound and form.errors:
        response.status_code = 400
    return response


def _current_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()
