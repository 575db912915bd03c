"""The search engine behind /en/search/, the news listing's and the API's ``q``: a tantivy
index in the data folder ([decision 0005](docs/decisions/0005-search-engine.md)).

``search_items()`` answers a reader's search with a lazy, sliceable ``Results`` (Django's
paginator counts it and slices one page); ``update()`` keeps the index in step with what readers
may see (``apply_waiting()`` writes what a transaction in progress asked for); ``rebuild()``
builds it again from the database.
"""

from .results import Results, search_items, suggest
from .store import apply_waiting, rebuild, update

__all__ = ["Results", "apply_waiting", "rebuild", "search_items", "suggest", "update"]
