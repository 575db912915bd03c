"""Alerts tests: the newsroom's mail goes through the real outbox, the real sender and a real
SMTP server (``newsroom.mailing.testing``); background tasks run at once, when the test's
transaction would have committed (Django's immediate task backend, on-commit callbacks run)."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from wagtail.models import Locale

from newsroom.mailing.testing import (  # noqa: F401 - fixtures and helpers the tests import
    html_of,
    mail_via_smtp,
    mailbox,
    smtp_server,
    text_of,
)
from newsroom.news.factories import StoryPageFactory
from newsroom.topics.factories import PersonFactory, TopicPageFactory

BASE_URL = "https://news.example.org"
LINK = re.compile(r"https://news\.example\.org(/[^\s\"<>]*)")


@pytest.fixture(autouse=True)
def _alerts_settings(settings):
    settings.TASKS = {
        **settings.TASKS,
        "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    }
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    settings.NEWSROOM_ALERTS_RATE_PER_CLIENT = "off"
    settings.NEWSROOM_ALERTS_RATE_PER_ADDRESS = "off"


def links_in(message):
    """Paths of the site's links in the plain-text part, in order."""
    return LINK.findall(text_of(message))


def path_of(url):
    return urlsplit(url).path


@pytest.fixture
def french(db):
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def topic(topic_index):
    return TopicPageFactory(parent=topic_index, title="Readiness", slug="readiness")


@pytest.fixture
def other_topic(topic_index):
    return TopicPageFactory(parent=topic_index, title="Climate", slug="climate")


@pytest.fixture
def person(db):
    return PersonFactory(name="Ana Minister", slug="ana-minister")


def story(news_index, **fields):
    fields.setdefault("display_date", datetime.date(2023, 11, 17))
    return StoryPageFactory(parent=news_index, **fields)
