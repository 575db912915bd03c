"""The reader search as a Wagtail search backend, ``WAGTAILSEARCH_BACKENDS["reader"]``.

Through Wagtail: the index follows every save and delete of an item (Wagtail's signal handlers
call ``add`` and ``delete`` on each auto-updating backend, and news re-indexes an item once it is
published), and ``news`` finds the engine by the backend's name, without importing this layer.
Around Wagtail: its ``search()`` hands a backend the filters as a queryset, whose SQL the index
cannot run; ``search_items()`` takes the reader's filters as values instead. The admin's page
search stays on the ``default`` (database) backend.
"""

from wagtail.search.backends.base import BaseSearchBackend

from newsroom.news.models import NewsItemPage

from . import engine

BULK = 1000


class ReaderSearchBackend(BaseSearchBackend):
    catch_indexing_errors = False  # the index is a local folder: a failure is a bug to see

    def add(self, obj):
        if isinstance(obj, NewsItemPage):
            # Whatever the saved page is (a draft, an unpublished item), the index then holds
            # what the database says readers may see of it.
            engine.update([obj.pk])

    def add_bulk(self, model, obj_list):
        if issubclass(model, NewsItemPage):
            pks = [obj.pk for obj in obj_list]
            for start in range(0, len(pks), BULK):
                engine.update(pks[start : start + BULK])

    def delete(self, obj):
        if isinstance(obj, NewsItemPage):
            engine.update([obj.pk])

    def reset_indexes(self):
        pass  # `newsroom search-index rebuild` builds a new index and switches to it

    def refresh_indexes(self):
        pass  # every write is committed: readers see it at their next search

    def search(self, query, model_or_queryset, **kwargs):
        raise NotImplementedError("the reader search answers search_items() only")

    def search_items(self, queryset, text, filters, *, order="relevance", language):
        return engine.search_items(queryset, text, filters, order=order, language=language)


SearchBackend = ReaderSearchBackend  # the name Wagtail looks for in a backend's module
