import pytest

from newsroom.caching import generation
from newsroom.delivery.pagecache import PageCache

from .wsgi_client import WSGIClient, django_app


@pytest.fixture(autouse=True)
def _fresh_generation(settings, tmp_path):
    """Each test starts from its own site generation (a file in its temp dir)."""
    settings.NEWSROOM_PAGE_CACHE = True
    settings.NEWSROOM_PAGE_CACHE_GENERATION_FILE = tmp_path / "generation"
    settings.NEWSROOM_PAGE_CACHE_GENERATION_TTL = 0
    generation.reset_store()
    yield
    generation.reset_store()


@pytest.fixture
def cached_site(home):
    """The whole site behind the page cache, as newsroom/wsgi.py serves it."""
    return WSGIClient(PageCache(django_app()))


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Run a change and its on-commit hooks (the test's transaction never commits)."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run
