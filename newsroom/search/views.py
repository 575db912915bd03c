"""/en/search/?q=: every item, ranked by relevance or newest first, with the news filters,
facets that narrow the search, "Did you mean" and a snippet of each match;
/en/search/suggest/?q=: headlines for what is being typed, as JSON."""

from django.conf import settings
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from newsroom.core.i18n import active_locale
from newsroom.core.listing import paginate_or_404
from newsroom.news.filters import MAX_QUERY_LENGTH, NewsFilterForm
from newsroom.news.models import NewsItemPage

from . import engine
from .engine import Results, suggest
from .engine.analysis import WORD
from .facets import facet_links, snippet
from .limits import TooSlow, time_limit

MAX_SUGGESTIONS = 8


def search(request):
    locale = active_locale()
    form = NewsFilterForm(request.GET or None, locale=locale, with_sort=True)
    filters = form.valid_filters() if request.GET else {}
    query = filters.get("q", "")
    context = {"form": form, "query": query, "filters": filters, "results": None}
    too_slow = False
    if query and not WORD.search(query):
        context["nothing_to_look_for"] = True  # quotes, dashes, operators only
    elif query:
        order = filters.get("sort") or "relevance"
        items = NewsItemPage.objects.filter(locale=locale).for_listing()
        # Index writes this request's own transaction asked for are not the search's time.
        engine.apply_waiting()
        try:
            with time_limit(settings.NEWSROOM_SEARCH_TIME_LIMIT):
                found = items.filtered(filters, order=order)
                results = paginate_or_404(found, request)
                results.object_list = list(results.object_list)  # the search runs here
                context["results"] = results
                context["total"] = results.paginator.count
                if isinstance(found, Results):
                    context.update(_engine_context(request, found, results, form))
        except TooSlow:
            too_slow = True
            context["results"] = None
    context["too_slow"] = too_slow
    response = TemplateResponse(request, "search/search_page.html", context)
    if too_slow:
        # Not an answer to keep (the page cache keeps only 200, 404 and 410): the same search may
        # finish in time when the server is less busy.
        response.status_code = 503
        response["Retry-After"] = "60"
    elif form.is_bound and form.errors:
        response.status_code = 400
    return response


def _engine_context(request, found, results, form):
    """What the engine adds to the page: the exact total, facets, a spelling, snippets."""
    context = {
        "total": found.total,
        "only_stop_words": found.parsed.only_stop_words,
        # Operators with no word between them ("- OR"), or words only to leave out.
        "nothing_to_look_for": found.parsed.is_empty and not found.parsed.only_stop_words,
    }
    if found.total:
        context["facets"] = facet_links(request, found.facets(), form)
    elif not found.parsed.is_empty:
        context["did_you_mean"] = found.did_you_mean()
    language = get_language()
    for item in results.object_list:
        shown = found.shown.get(item.pk)
        if shown:
            item.search_snippet = snippet(shown, found.words, language)
    return context


def suggestions(request):
    """{"query": ..., "suggestions": [{"title": ..., "url": ...}]}: headlines starting like
    what is typed (not yet used by the search box: the pages carry no script of their own)."""
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH].replace("\x00", " ")
    found = suggest(query, get_language(), MAX_SUGGESTIONS)
    response = JsonResponse(
        {"query": query, "suggestions": [{"title": t, "url": url} for t, url in found]}
    )
    response["Cache-Control"] = "no-store"  # a publish changes it; it is cheap to answer
    return response
