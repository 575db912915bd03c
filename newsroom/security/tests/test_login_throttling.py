"""Many wrong passwords lock a user name out from that address for a while, with a clear page
and a log line; through the admin's sign-in form and any authenticate() call."""

import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import authenticate, get_user_model
from django.test import RequestFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", password=PASSWORD)


def sign_in(client, password, address="203.0.113.7"):
    return client.post(
        "/admin/login/",
        {"username": "editor", "password": password},
        REMOTE_ADDR=address,
    )


def test_wrong_passwords_lock_the_account_out_for_a_while(client, editor, settings, caplog):
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = 0.25  # hours: 15 minutes
    for _ in range(4):
        response = sign_in(client, "wrong")
        assert response.status_code == 200  # the form again, with Wagtail's error
        assert "sessionid" not in response.cookies
    with caplog.at_level(logging.WARNING):
        locked = sign_in(client, "wrong")
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "Too many failed sign-in attempts" in text
    assert "paused for 15 minutes" in text
    assert any("locked out" in record.getMessage() for record in caplog.records)
    assert any("203.0.113.7" in record.getMessage() for record in caplog.records)

    # Even the right password is refused while locked out ...
    assert sign_in(client, PASSWORD).status_code == 429
    # ... but another address is not affected (no one can lock an editor out from afar).
    assert sign_in(client, PASSWORD, address="198.51.100.1").status_code == 302


def test_the_lock_lifts_after_the_cool_off(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 429
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(hours=1)
    )
    response = sign_in(client, PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_a_success_resets_the_count(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 3
    sign_in(client, "wrong")
    sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    sign_in(client, "wrong")
    sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 302


def test_every_authenticate_call_is_counted(editor, settings):
    """The press sign-in (and any other view) calls authenticate(request=...): same lock."""
    settings.AXES_FAILURE_LIMIT = 3
    factory = RequestFactory()

    def attempt(password):
        request = factory.post("/en/press/sign-in/", REMOTE_ADDR="203.0.113.9")
        return authenticate(request=request, username="editor", password=password)

    for _ in range(3):
        assert attempt("wrong") is None
    assert attempt(PASSWORD) is None  # locked: refused even with the right password
    assert AccessAttempt.objects.get().failures_since_start >= 3


def test_the_client_address_comes_from_the_trusted_proxy(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.NEWSROOM_TRUSTED_PROXIES = "1"
    for _ in range(2):
        client.post(
            "/admin/login/",
            {"username": "editor", "password": "wrong"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="192.0.2.44",
        )
    assert AccessAttempt.objects.get().ip_address == "192.0.2.44"


def test_a_forged_or_missing_client_address_signs_in_without_an_error(client, editor, settings):
    """Behind a trusted proxy the address comes from X-Forwarded-For, which a client can fill
    with junk; PostgreSQL would refuse it as an inet value. The sign-in must still work, and
    so must a sign-in without any address (Django's force_login)."""
    settings.NEWSROOM_TRUSTED_PROXIES = 1
    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="not-an-address",
    )
    assert response.status_code == 302
    client.logout()
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
