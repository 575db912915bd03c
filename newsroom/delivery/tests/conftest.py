import pytest

from newsroom.caching.tests.conftest import _fresh_generation  # noqa: F401 - for every test here
from newsroom.delivery.pagecache import PageCache

from .wsgi_client import WSGIClient, django_app


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
