"""Send-out tests: the press office drives the Wagtail admin over HTTP, messages go through the
real outbox and sender to a real SMTP server (``newsroom.mailing.testing``), and background
tasks run at once when the request's transaction commits."""

import datetime
import zoneinfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from newsroom.mailing.testing import (  # noqa: F401 - fixtures and helpers the tests import
    html_of,
    mail_via_smtp,
    mailbox,
    smtp_server,
    text_of,
)
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
