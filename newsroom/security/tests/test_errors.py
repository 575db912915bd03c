"""No stack trace ever reaches a reader unless DEBUG is on (a developer's machine)."""

import logging

import pytest

from newsroom.home.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def broken_front_page(monkeypatch, home):
    def explode(self, request, *args, **kwargs):
        raise RuntimeError("secret-internal-detail in the front page")

    monkeypatch.setattr(HomePage, "get_context", explode)


def test_a_server_error_shows_the_friendly_page_and_is_logged(
    client, settings, broken_front_page, caplog
):
    settings.DEBUG = False
    client.raise_request_exception = False
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/en/")
    assert response.status_code == 500
    text = response.content.decode()
    assert "Something went wrong on our side" in text
    for leak in ("secret-internal-detail", "Traceback", "RuntimeError", "site-packages"):
        assert leak not in text
    # The operator gets the whole story in the log instead.
    assert any(
        r.exc_info and "secret-internal-detail" in str(r.exc_info[1]) for r in caplog.records
    )
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_only_debug_mode_shows_the_trace(client, settings, broken_front_page):
    settings.DEBUG = True
    client.raise_request_exception = False
    response = client.get("/en/", HTTP_ACCEPT="text/html")
    assert response.status_code == 500
    assert "secret-internal-detail" in response.content.decode()
