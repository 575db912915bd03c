import pytest

from newsroom.caching import generation


@pytest.fixture
def page_cache(settings, tmp_path):
    """The page cache switched on with its own site generation, as in production."""
    settings.NEWSROOM_PAGE_CACHE = True
    settings.NEWSROOM_PAGE_CACHE_GENERATION_FILE = tmp_path / "generation"
    settings.NEWSROOM_PAGE_CACHE_GENERATION_TTL = 0
    generation.reset_store()
    yield
    generation.reset_store()
