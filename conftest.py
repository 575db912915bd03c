"""Fixtures shared by every app's tests."""

import pytest
from django.core.cache import cache
from wagtail.embeds.finders import get_finders


@pytest.fixture(autouse=True)
def _test_environment(settings, tmp_path):
    # Tests render templates without running collectstatic first, and write media to a temp dir.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    # No test may reach the network: video addresses are "embedded" by an offline finder.
    settings.WAGTAILEMBEDS_FINDERS = [{"class": "newsroom.core.fake_embeds.OfflineEmbedFinder"}]
    get_finders.cache_clear()
    # Each test has its own database, so nothing cached by an earlier test may leak into it.
    cache.clear()
    from newsroom.caching import fragments, memo

    memo.clear()
    fragments.clear()
    # The page cache's warming thread renders with a database connection of its own, which does
    # not see a test's uncommitted rows; the tests that are about warming switch it on.
    settings.NEWSROOM_PAGE_CACHE_WARM_PAGES = 0


@pytest.fixture
def home(db):
    from newsroom.home.site_tree import ensure_site_tree

    page, _ = ensure_site_tree()
    return page


@pytest.fixture
def news_index(home):
    from newsroom.home.site_tree import news_index

    return news_index(home)


@pytest.fixture
def topic_index(home):
    from newsroom.home.site_tree import topic_index

    return topic_index(home)
