"""Alerts tests: the newsroom's mail goes through the real outbox, the real sender and a real
SMTP server (``newsroom.mailing.testing``); background tasks run at once, when the test's
transaction would have committed (Django's immediate task backend, on-commit callbacks run)."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from wagtail.models import Locale

from newsroom.mailing.testing import deliver_now, mail_via_smtp, smtp_server  # noqa: F401
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


class Mailbox:
    """What the SMTP server received, parsed; ``run()`` does something as a request would (its
    on-commit work included) and then lets the sender send what is due."""

    def __init__(self, server, capture):
        self.server, self.capture = server, capture

    def run(self, action, *args, **kwargs):
        with self.capture(execute=True):
            result = action(*args, **kwargs)
        deliver_now()
        return result

    def messages(self, to=None):
        found = self.server.messages()
        if to is not None:
            found = [message for message in found if message["To"] == to]
        return found

    def only(self, to):
        messages = self.messages(to)
        assert len(messages) == 1, [message["Subject"] for message in messages]
        return messages[0]

    def clear(self):
        self.server.clear()


def text_of(message):
    return message.get_body(("plain",)).get_content()


def html_of(message):
    return message.get_body(("html",)).get_content()


def links_in(message):
    """Paths of the site's links in the plain-text part, in order."""
    return LINK.findall(text_of(message))


def path_of(url):
    return urlsplit(url).path


@pytest.fixture
def mailbox(mail_via_smtp, django_capture_on_commit_callbacks):  # noqa: F811
    return Mailbox(mail_via_smtp, django_capture_on_commit_callbacks)


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
