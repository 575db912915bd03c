"""Fixtures shared by every app's tests."""

import pytest


@pytest.fixture(autouse=True)
def _plain_static_storage(settings, tmp_path):
    # Tests render templates without running collectstatic first, and write media to a temp dir.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"


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
