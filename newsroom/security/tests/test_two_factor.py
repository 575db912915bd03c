"""An editor enrols an authenticator app and must then give its code after the password; an
editor who did not enrol signs in with the password alone."""

import re
import time
from base64 import b32decode

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", password=PASSWORD)


def code_for(secret, offset=0):
    """What the editor's app shows, ``offset`` seconds from now."""
    totp = TOTP(b32decode(secret + "=" * (-len(secret) % 8)))
    totp.time = time.time() + offset
    return f"{totp.token():06d}"


def time_passes():
    """... and once the wait is over, codes are checked again."""
    TOTPDevice.objects.update(throttling_failure_timestamp=None)


def sign_in(client):
    return client.post("/admin/login/", {"username": "editor", "password": PASSWORD})


def enrol(client):
    page = client.get("/admin/two-factor/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "<svg" in text  # the QR code
    secret = re.search(r"<code>([A-Z2-7]+)</code>", text).group(1)
    wrong = client.post("/admin/two-factor/", {"code": "000000"})
    assert "This code is not valid" in wrong.content.decode()
    # Each wrong code makes the next try wait longer (django-otp's throttling) ...
    hurried = client.post("/admin/two-factor/", {"code": code_for(secret)})
    assert "Too many wrong codes: wait" in hurried.content.decode()
    time_passes()
    done = client.post("/admin/two-factor/", {"code": code_for(secret)}, follow=True)
    assert "Two-factor sign-in is on" in done.content.decode()
    return secret


def test_an_enrolled_editor_must_give_a_code_after_the_password(client, editor):
    assert sign_in(client).status_code == 302
    secret = enrol(client)
    assert TOTPDevice.objects.get(user=editor).confirmed
    client.logout()

    assert sign_in(client)["Location"] == "/admin/"
    # Every admin address now leads to the code form, and nothing else is shown.
    for path in ("/admin/", "/admin/pages/", "/admin/images/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/two-factor/verify/?next=")
    form = client.get("/admin/two-factor/verify/?next=/admin/pages/")
    assert "Type the code your authenticator app shows" in form.content.decode()

    wrong = client.post("/admin/two-factor/verify/", {"code": "123456", "next": "/admin/pages/"})
    assert wrong.status_code == 200
    assert "This code is not valid" in wrong.content.decode()
    assert client.get("/admin/pages/").status_code == 302
    time_passes()

    # The next step's code (the enrolment used this step's; a code is never accepted twice).
    right = client.post(
        "/admin/two-factor/verify/", {"code": code_for(secret, 30), "next": "/admin/pages/"}
    )
    assert right.status_code == 302 and right["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_the_code_form_never_redirects_to_another_site(client, editor):
    sign_in(client)
    secret = enrol(client)
    client.logout()
    sign_in(client)
    response = client.post(
        "/admin/two-factor/verify/",
        {"code": code_for(secret, 30), "next": "https://evil.example/"},
    )
    assert response["Location"] == "/admin/"


def test_editors_who_did_not_enrol_sign_in_with_their_password(client, editor):
    sign_in(client)
    assert client.get("/admin/pages/").status_code == 200
    assert "/admin/two-factor/" in client.get("/admin/account/").content.decode()


def test_an_editor_can_switch_it_off_with_a_current_code(client, editor):
    sign_in(client)
    secret = enrol(client)
    off = client.post("/admin/two-factor/", {"code": code_for(secret, 30)}, follow=True)
    assert "Two-factor sign-in is off" in off.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    client.logout()
    sign_in(client)
    assert client.get("/admin/pages/").status_code == 200
