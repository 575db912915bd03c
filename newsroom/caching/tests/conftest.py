import pytest

from newsroom.caching import generation


@pytest.fixture(autouse=True)
def _fresh_generation(settings, tmp_path):
    """Each test starts from its own site generation (a file in its temp dir)."""
    settings.NEWSROOM_PAGE_CACHE = True
    settings.NEWSROOM_PAGE_CACHE_GENERATION_FILE = tmp_path / "generation"
    settings.NEWSROOM_PAGE_CACHE_GENERATION_TTL = 0
    generation.reset_store()
    yield
    generation.reset_store()
