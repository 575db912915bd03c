"""Editors in the Wagtail admin: scheduling an embargo (with the checks on times), press
accounts, and the read-only audit log; journalists never reach any of it."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from newsroom.delivery.tests.admin_forms import edit_form_data, with_body
from newsroom.news.factories import StoryPageFactory
from newsroom.press.models import AuditEntry, PressAccount

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    # A press officer: Wagtail's Moderators may publish (Editors only submit for moderation).
    user = get_user_model().objects.create_user("editor", password="an-editor-password")
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    return user


@pytest.fixture
def draft(news_index):
    return StoryPageFactory(parent=news_index, title="A story to embargo", live=False)


def submit(client, page, **fields):
    url = f"/admin/pages/{page.pk}/edit/"
    data = with_body(edit_form_data(client.get(url).content.decode()), ["Embargoed text."])
    data.update({"action-publish": "action-publish", **fields})
    return client.post(url, data)


def errors(response):
    return " ".join(re.sub(r"\s+", " ", response.content.decode()).split("error-message")[1:])


def test_editor_embargoes_an_item_from_the_page_editor(client, editor, draft):
    response = submit(client, draft, go_live_at="2031-11-17 14:00", share_with_press="on")
    assert response.status_code == 302, errors(response)
    draft.refresh_from_db()
    assert not draft.live and draft.share_with_press
    revision = draft.revisions.get(approved_go_live_at__isnull=False)
    assert timezone.localtime(revision.approved_go_live_at).strftime("%H:%M %Z") == "14:00 CET"
    edit = client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    assert "Europe/Brussels (C" in edit  # the zone is named beside the times


def test_go_live_in_the_past_is_refused_with_a_clear_message(client, editor, draft):
    response = submit(client, draft, go_live_at="2023-11-17 14:00", share_with_press="on")
    assert response.status_code == 200
    assert "14:00 CET, 17 November 2023 is in the past" in response.content.decode()
    draft.refresh_from_db()
    assert not draft.live and not draft.revisions.filter(approved_go_live_at__isnull=False)


def test_embargo_without_a_go_live_time_is_refused(client, editor, draft):
    response = submit(client, draft, go_live_at="", share_with_press="on")
    assert response.status_code == 200
    assert "An embargo needs a go-live time" in response.content.decode()
    draft.refresh_from_db()
    assert not draft.live


@pytest.mark.parametrize(
    "moment",
    [
        "2031-03-30 02:30",  # clocks jump from 02:00 to 03:00: this time does not exist
        "2031-10-26 02:30",  # clocks go back from 03:00 to 02:00: this time happens twice
    ],
)
def test_daylight_saving_gaps_and_overlaps_are_refused(client, editor, draft, moment):
    response = submit(client, draft, go_live_at=moment, share_with_press="on")
    assert response.status_code == 200
    page = response.content.decode()
    assert "couldn’t be interpreted in time zone Europe/Brussels" in page
    assert "it may be ambiguous or it may not exist" in page
    draft.refresh_from_db()
    assert not draft.live and not draft.revisions.filter(approved_go_live_at__isnull=False)


def test_the_hour_after_the_change_is_accepted(client, editor, draft):
    response = submit(client, draft, go_live_at="2031-03-30 03:30", share_with_press="on")
    assert response.status_code == 302, errors(response)
    revision = draft.revisions.get(approved_go_live_at__isnull=False)
    assert revision.approved_go_live_at == datetime.datetime(
        2031, 3, 30, 1, 30, tzinfo=datetime.UTC
    )


def test_editor_creates_a_press_account_and_sees_the_password_once(client, editor):
    response = client.post(
        "/admin/press_accounts/new/",
        {
            "username": "ana",
            "first_name": "Ana",
            "last_name": "Reporter",
            "email": "ana@example.org",
            "password": "",
            "outlet": "Le Quotidien",
            "active": "on",
            "feed_address": "keep",
        },
        follow=True,
    )
    page = response.content.decode()
    password = re.search(r"password: (\S+?)<", page) or re.search(r"password: (\S+)", page)
    assert password, page[:2000]
    user = get_user_model().objects.get(username="ana")
    assert user.check_password(password.group(1)) and not user.is_staff
    account = PressAccount.objects.get(user=user)
    assert account.feed_token and user.groups.filter(name="Accredited journalists").exists()
    listing = client.get("/admin/press_accounts/").content.decode()
    assert "Le Quotidien" in listing and password.group(1) not in listing

    # Replace the feed address: the old one stops working.
    old = account.feed_token
    data = edit_form_data(client.get(f"/admin/press_accounts/edit/{account.pk}/").content.decode())
    data.update({"feed_address": "rotate", "password": ""})
    response = client.post(f"/admin/press_accounts/edit/{account.pk}/", data)
    assert response.status_code == 302
    account.refresh_from_db()
    assert account.feed_token != old
    assert client.get(f"/en/press/feed/{old}/atom/").status_code == 404
    user.refresh_from_db()
    assert user.check_password(password.group(1))  # unchanged


def test_duplicate_user_names_get_a_message(client, editor):
    data = {
        "username": "editor",
        "password": "",
        "outlet": "Le Quotidien",
        "active": "on",
        "feed_address": "keep",
    }
    page = client.post("/admin/press_accounts/new/", data).content.decode()
    assert "Another account already has this user name." in page
    assert not PressAccount.objects.exists()


def test_editors_read_the_audit_log_but_cannot_change_it(client, editor, journalist_account):
    entry = AuditEntry.objects.create(
        username="journalist", outlet="Le Quotidien", item_title="Secret plan", channel="page"
    )
    listing = client.get("/admin/embargo_audit/")
    assert listing.status_code == 200
    assert "Secret plan" in listing.content.decode()
    filtered = client.get("/admin/embargo_audit/?channel=feed-atom").content.decode()
    assert "Secret plan" not in filtered
    assert client.get("/admin/embargo_audit/new/").status_code in (302, 403)
    assert client.get(f"/admin/embargo_audit/edit/{entry.pk}/").status_code in (302, 403)
    assert client.post(f"/admin/embargo_audit/delete/{entry.pk}/").status_code in (302, 403)
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


@pytest.fixture
def journalist_account(db):
    from newsroom.press.factories import press_account

    return press_account()


def test_journalists_cannot_read_the_audit_log(client, journalist_account):
    AuditEntry.objects.create(
        username="someone", outlet="Other", item_title="Another item", channel="page"
    )
    client.post("/en/press/sign-in/", {"username": "journalist", "password": PASSWORD})
    for url in ("/admin/embargo_audit/", "/admin/press_accounts/", "/en/press/audit/"):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert "Another item" not in response.content.decode()
    response = client.get("/admin/embargo_audit/", follow=True)
    assert "You do not have permission to access the admin" in response.content.decode()


def test_a_weak_password_for_a_press_account_is_refused_with_a_message(client, editor):
    data = {
        "username": "weak",
        "password": "password",
        "outlet": "Le Quotidien",
        "active": "on",
        "feed_address": "keep",
    }
    page = client.post("/admin/press_accounts/new/", data).content.decode()
    assert "This password is too short" in page and "too common" in page
    assert not get_user_model().objects.filter(username="weak").exists()
