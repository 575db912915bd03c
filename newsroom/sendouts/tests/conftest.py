"""Send-out tests: the press office drives the Wagtail admin over HTTP, messages go through the
real outbox and sender to a real SMTP server (``newsroom.mailing.testing``), and background
tasks run at once when the request's transaction commits."""

import datetime
import zoneinfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from newsroom.mailing.testing import deliver_now, mail_via_smtp, smtp_server  # noqa: F401
from newsroom.news.factories import PressReleasePageFactory
from newsroom.press.factories import press_account

BASE_URL = "https://news.example.org"
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
RELEASE = datetime.datetime(2031, 11, 17, 14, 0, tzinfo=BRUSSELS)
BANNER = "EMBARGOED until 14:00 CET, 17 November 2031"


@pytest.fixture(autouse=True)
def _sendout_settings(settings):
    settings.TASKS = {
        **settings.TASKS,
        "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    }
    settings.WAGTAILADMIN_BASE_URL = BASE_URL


def staff(group, username, email):
    user = get_user_model().objects.create_user(
        username, email=email, password="a-long-staff-password"
    )
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def officer(db):
    """A press officer: Wagtail's Moderators publish, and send."""
    return staff("Moderators", "officer", "officer@press.example.org")


@pytest.fixture
def editor(db):
    return staff("Editors", "writer", "writer@press.example.org")


class Mailbox:
    """What the SMTP server received; ``run()`` does something as a request would (on-commit
    work included) and then lets the sender send what is due."""

    def __init__(self, server, capture):
        self.server, self.capture = server, capture

    def run(self, action, *args, **kwargs):
        with self.capture(execute=True):
            result = action(*args, **kwargs)
        deliver_now()
        return result

    def messages(self, to=None):
        found = self.server.messages()
        return [m for m in found if to is None or m["To"] == to]

    def addresses(self):
        return sorted(m["To"] for m in self.server.messages())

    def only(self, to):
        found = self.messages(to)
        assert len(found) == 1, [m["Subject"] for m in found]
        return found[0]

    def clear(self):
        self.server.clear()


@pytest.fixture
def mailbox(mail_via_smtp, django_capture_on_commit_callbacks):  # noqa: F811
    return Mailbox(mail_via_smtp, django_capture_on_commit_callbacks)


def text_of(message):
    return message.get_body(("plain",)).get_content()


def html_of(message):
    return message.get_body(("html",)).get_content()


def release(news_index, **fields):
    fields.setdefault("title", "Ministers agree a new readiness plan")
    fields.setdefault("slug", "readiness-plan")
    fields.setdefault("teaser", "A plan agreed behind closed doors.")
    fields.setdefault("display_date", datetime.date(2031, 11, 17))
    return PressReleasePageFactory(parent=news_index, **fields)


def accredited(username, email, **contact):
    """A press account and its media contact."""
    account = press_account(username)
    account.user.email = email
    account.user.save()
    return account
