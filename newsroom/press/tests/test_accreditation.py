"""Accreditation requests through what people touch: the public form over HTTP, the press
office's decision in the Wagtail admin, the messages as a real SMTP server receives them, the
set-password page, and signing in to the press area afterwards."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from newsroom.mailing.testing import html_of, text_of
from newsroom.press.accreditation import tokens
from newsroom.press.models import AccreditationRequest, PressAccount
from newsroom.sendouts.models import MediaContact

BASE_URL = "https://news.example.org"
LINK = re.compile(r"https://news\.example\.org(/[^\s\"<>]*)")
ADDRESS = "ana.reporter@lequotidien.example"
NEW_PASSWORD = "Correct-horse-battery-9"
APPLY = "/en/press/apply/"


@pytest.fixture(autouse=True)
def _accreditation_settings(settings, home):
    settings.TASKS = {
        **settings.TASKS,
        "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    }
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    settings.NEWSROOM_ACCREDITATION_RATE_PER_CLIENT = "off"
    settings.NEWSROOM_ACCREDITATION_RATE_PER_ADDRESS = "off"


def request_data(**overrides):
    data = {
        "name": "Ana Reporter",
        "outlet": "Le Quotidien",
        "role": "Defence correspondent",
        "email": ADDRESS,
        "country": "Belgium",
        "work_url": "https://lequotidien.example/authors/ana-reporter",
        "languages": "French, English",
    }
    data.update(overrides)
    return data


@pytest.fixture
def officer(db):
    return get_user_model().objects.create_superuser("officer", password="long-enough-password")


@pytest.fixture
def admin_client(officer):
    client = Client()
    client.force_login(officer)
    return client


def apply(client, mailbox, path=APPLY, **overrides):
    return mailbox.run(client.post, path, request_data(**overrides))


def decide(admin_client, mailbox, accreditation, action, message=""):
    return mailbox.run(
        admin_client.post,
        f"/admin/accreditation_requests/inspect/{accreditation.pk}/",
        {"action": action, "message": message},
    )


def link_in(message, part):
    found = [path for path in LINK.findall(text_of(message)) if part in path]
    assert found, text_of(message)
    return found[0]


def set_password(client, path, password=NEW_PASSWORD):
    opened = client.get(path)
    assert opened.status_code == 302, opened.content.decode()  # the token moves to the session
    form_path = opened["Location"]
    assert "set-password" in form_path and urlsplit(path).path.split("/")[-2] not in form_path
    page = client.get(form_path)
    assert page.status_code == 200 and "Set your password" in page.text
    return client.post(form_path, {"new_password1": password, "new_password2": password})


def test_the_whole_journey_request_approve_set_password_sign_in(client, mailbox, admin_client):
    form = client.get(APPLY)
    assert form.status_code == 200
    assert "no-store" in form["Cache-Control"] and "private" in form["Cache-Control"]
    assert 'name="csrfmiddlewaretoken"' in form.text

    answer = apply(client, mailbox)
    assert answer.status_code == 200
    assert "your request is with the press office" in answer.text
    acknowledgement = mailbox.only(ADDRESS)
    assert "received your accreditation request" in acknowledgement["Subject"]
    assert "Le Quotidien" in text_of(acknowledgement)
    accreditation = AccreditationRequest.objects.get()
    assert accreditation.is_pending and accreditation.language == "en"
    assert not PressAccount.objects.exists()

    listing = admin_client.get("/admin/accreditation_requests/")
    assert listing.status_code == 200 and "Ana Reporter (Le Quotidien)" in listing.text
    page = admin_client.get(f"/admin/accreditation_requests/inspect/{accreditation.pk}/")
    assert page.status_code == 200
    assert "Approve" in page.text and "lequotidien.example/authors/ana-reporter" in page.text

    mailbox.clear()
    decided = decide(admin_client, mailbox, accreditation, "approve", "Welcome aboard.")
    assert decided.status_code == 302
    accreditation.refresh_from_db()
    assert accreditation.status == "approved" and accreditation.decided_by.username == "officer"
    account = accreditation.account
    assert account.outlet == "Le Quotidien" and account.active
    assert account.user.email == ADDRESS and not account.user.is_staff
    assert not account.user.has_usable_password()
    entry = ModelLogEntry.objects.get(action="press.accreditation.approve")
    assert entry.user.username == "officer" and entry.object_id == str(accreditation.pk)
    assert entry.data["message"] == "Welcome aboard."
    history = admin_client.get(f"/admin/accreditation_requests/history/{accreditation.pk}/")
    assert history.status_code == 200 and "Accreditation approved" in history.text
    for view in ("history-results", "usage", "delete"):
        other = admin_client.get(f"/admin/accreditation_requests/{view}/{accreditation.pk}/")
        assert other.status_code == 200, view
    assert admin_client.get("/admin/accreditation_requests/new/", follow=True).status_code == 404

    approval = mailbox.only(ADDRESS)
    assert "approved" in approval["Subject"]
    assert "Welcome aboard." in text_of(approval) and ADDRESS in text_of(approval)
    path = link_in(approval, "/password/")
    assert path in html_of(approval)

    journalist = Client()
    done = set_password(journalist, path)
    assert done.status_code == 302 and done["Location"] == "/en/press/sign-in/"
    signed_in = journalist.post(
        "/en/press/sign-in/", {"username": ADDRESS, "password": NEW_PASSWORD}
    )
    assert signed_in.status_code == 302, signed_in.content.decode()
    home = journalist.get("/en/press/")
    assert home.status_code == 200 and "Signed in as Ana Reporter (Le Quotidien)" in home.text


def test_refusal_sends_a_polite_answer_and_creates_no_account(client, mailbox, admin_client):
    apply(client, mailbox)
    accreditation = AccreditationRequest.objects.get()
    mailbox.clear()
    decided = decide(admin_client, mailbox, accreditation, "refuse", "We accredit staff only.")
    assert decided.status_code == 302
    accreditation.refresh_from_db()
    assert accreditation.status == "refused" and accreditation.account is None
    assert not PressAccount.objects.exists()
    assert not get_user_model().objects.filter(email=ADDRESS).exists()
    assert ModelLogEntry.objects.filter(action="press.accreditation.refuse").count() == 1
    answer = mailbox.only(ADDRESS)
    text = text_of(answer)
    assert "sorry" in text and "We accredit staff only." in text
    assert "/password/" not in text and "/en/press/apply/" in text


def test_a_decision_is_taken_once(client, mailbox, admin_client, officer):
    apply(client, mailbox)
    accreditation = AccreditationRequest.objects.get()
    other = Client()
    other.force_login(
        get_user_model().objects.create_superuser("second", password="long-enough-password")
    )
    # Both opened the page while the request was pending; the first to click wins.
    assert "Approve" in other.get(f"/admin/accreditation_requests/inspect/{accreditation.pk}/").text
    mailbox.clear()
    decide(admin_client, mailbox, accreditation, "approve")
    late = decide(other, mailbox, accreditation, "refuse", "Sorry")
    assert late.status_code == 302
    told = other.get(late["Location"])
    assert "Nothing was changed: this request was already approved by officer" in told.text
    accreditation.refresh_from_db()
    assert accreditation.status == "approved" and accreditation.decided_by == officer
    assert PressAccount.objects.count() == 1
    assert ModelLogEntry.objects.filter(action__startswith="press.accreditation").count() == 1
    assert len(mailbox.messages(ADDRESS)) == 1  # the approval only
    assert 'value="approve"' not in told.text  # a decided request offers no decision


def test_an_address_with_an_account_is_not_given_a_second_one(client, mailbox, admin_client):
    get_user_model().objects.create_user("ana", email=ADDRESS.upper(), password="x" * 20)
    answer = apply(client, mailbox)
    assert answer.status_code == 200  # the same answer: nobody learns the address has one
    accreditation = AccreditationRequest.objects.get()
    page = admin_client.get(f"/admin/accreditation_requests/inspect/{accreditation.pk}/")
    assert "An account already uses this address: ana" in page.text
    mailbox.clear()
    refused = decide(admin_client, mailbox, accreditation, "approve")
    assert refused.status_code == 409
    accreditation.refresh_from_db()
    assert accreditation.is_pending and not PressAccount.objects.exists()
    assert mailbox.messages() == []


def test_approval_links_the_media_contact_with_the_same_address(client, mailbox, admin_client):
    contact = MediaContact.objects.create(name="Ana Reporter", email=ADDRESS)
    apply(client, mailbox, email=ADDRESS.upper())
    accreditation = AccreditationRequest.objects.get()
    decided = decide(admin_client, mailbox, accreditation, "approve")
    told = admin_client.get(decided["Location"])
    assert "The media contact Ana Reporter is now linked to this account" in told.text
    contact.refresh_from_db()
    assert contact.press_account == PressAccount.objects.get()


def test_a_second_request_while_one_is_pending_is_not_stored(client, mailbox):
    first = apply(client, mailbox)
    second = apply(client, mailbox, name="Someone Else", email=ADDRESS.upper())
    assert second.status_code == 200
    assert _without_csrf(first.text) == _without_csrf(second.text)  # the same answer
    assert AccreditationRequest.objects.count() == 1
    assert AccreditationRequest.objects.get().name == "Ana Reporter"
    assert len(mailbox.messages(ADDRESS)) == 1


def _without_csrf(text):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", text)


def _approved(client, mailbox, admin_client):
    apply(client, mailbox)
    accreditation = AccreditationRequest.objects.get()
    mailbox.clear()
    decide(admin_client, mailbox, accreditation, "approve")
    return link_in(mailbox.only(ADDRESS), "/password/")


def test_a_link_works_once(client, mailbox, admin_client):
    path = _approved(client, mailbox, admin_client)
    assert set_password(Client(), path).status_code == 302
    again = Client().get(path)
    assert again.status_code == 410
    assert "This link has already been used" in again.text
    assert 'href="/en/press/sign-in/"' in again.text


def test_a_link_expires_after_48_hours_and_a_new_one_can_be_asked_for(
    client, mailbox, admin_client, monkeypatch
):
    path = _approved(client, mailbox, admin_client)
    made = tokens.now()
    monkeypatch.setattr(tokens, "now", lambda: made + datetime.timedelta(hours=47, minutes=59))
    assert Client().get(path).status_code == 302  # still valid just before 48 hours
    monkeypatch.setattr(tokens, "now", lambda: made + datetime.timedelta(hours=48, minutes=1))
    journalist = Client()
    expired = journalist.get(path)
    assert expired.status_code == 410 and "This link has expired" in expired.text
    assert "no-store" in expired["Cache-Control"]
    mailbox.clear()
    asked = mailbox.run(journalist.post, f"{path}new/")
    assert asked.status_code == 200 and "A new link" in asked.text
    monkeypatch.undo()
    fresh = link_in(mailbox.only(ADDRESS), "/password/")
    assert fresh != path
    assert set_password(Client(), fresh).status_code == 302
    assert Client().post(f"{path}new/").status_code == 400  # used up with the account's password


def test_the_global_password_reset_timeout_does_not_apply(
    client, mailbox, admin_client, settings, monkeypatch
):
    settings.PASSWORD_RESET_TIMEOUT = 60
    path = _approved(client, mailbox, admin_client)
    made = tokens.now()
    monkeypatch.setattr(tokens, "now", lambda: made + datetime.timedelta(hours=24))
    assert set_password(Client(), path).status_code == 302


@pytest.mark.parametrize(
    "path",
    [
        "/en/press/password/MQ/abc-def/",
        "/en/press/password/%ZZ/abc/",
        "/en/press/password/OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5/x-y/",
    ],
)
def test_a_broken_link_says_so(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "This link does not work" in response.text


def test_a_staff_account_cannot_be_given_a_password_through_these_links(officer):
    path = tokens.path(officer, "en")
    assert Client().get(path).status_code == 400


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "someone@mailinator.com"}, "mailinator.com gives out disposable addresses"),
        ({"email": "a@x.yopmail.com"}, "gives out disposable addresses"),
        ({"email": "not-an-address"}, "This is not an e-mail address"),
        ({"email": "a@example.org\r\nBcc: b@example.org"}, "line breaks"),
        ({"email": "Ana <a@example.org>"}, "one e-mail address only"),
        ({"email": f"{'a' * 250}@example.org"}, "at most 254 characters"),
        ({"name": "x" * 201}, "At most 200 characters"),
        ({"languages": "y" * 5000}, "At most 200 characters"),
        ({"work_url": "javascript:alert(1)"}, "Give a web address"),
        ({"work_url": "ftp://example.org/file"}, "Give a web address"),
        ({"outlet": ""}, "This field is needed."),
    ],
)
def test_bad_input_gets_a_clear_message_and_nothing_is_stored(client, mailbox, overrides, message):
    response = apply(client, mailbox, **overrides)
    assert response.status_code == 400
    assert message in response.text
    assert not AccreditationRequest.objects.exists()
    assert mailbox.messages() == []


def test_script_in_fields_is_shown_as_text(client, mailbox, admin_client):
    script = "<script>alert('x')</script>"
    apply(client, mailbox, name=f"Ana {script}", outlet=f"Le {script} Quotidien")
    accreditation = AccreditationRequest.objects.get()
    acknowledgement = mailbox.only(ADDRESS)
    assert script not in html_of(acknowledgement)
    assert "&lt;script&gt;" in html_of(acknowledgement)
    for path in (
        "/admin/accreditation_requests/",
        f"/admin/accreditation_requests/inspect/{accreditation.pk}/",
    ):
        page = admin_client.get(path)
        assert script not in page.text and "&lt;script&gt;" in page.text
    invalid = client.post(APPLY, request_data(name=script, email="bad"))
    assert invalid.status_code == 400 and script not in invalid.text


def test_the_form_is_rate_limited(client, mailbox, settings):
    settings.NEWSROOM_ACCREDITATION_RATE_PER_CLIENT = "3/hour"
    for number in range(3):
        assert apply(client, mailbox, email=f"reporter{number}@example.org").status_code == 200
    refused = apply(client, mailbox, email="reporter9@example.org")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "Too many requests" in refused.text and "no-store" in refused["Cache-Control"]
    assert AccreditationRequest.objects.count() == 3


def test_one_address_is_rate_limited_from_anywhere(client, mailbox, settings):
    settings.NEWSROOM_ACCREDITATION_RATE_PER_ADDRESS = "2/day"
    assert apply(client, mailbox).status_code == 200
    assert apply(Client(REMOTE_ADDR="10.0.0.2"), mailbox).status_code == 200
    assert apply(Client(REMOTE_ADDR="10.0.0.3"), mailbox).status_code == 429


def test_the_form_needs_its_csrf_token(db):
    browser = Client(enforce_csrf_checks=True)
    assert browser.post(APPLY, request_data()).status_code == 403
    assert not AccreditationRequest.objects.exists()


def test_french_form_and_messages(client, mailbox, admin_client):
    form = client.get("/fr/presse/accreditation/")
    assert form.status_code == 200 and "Demander une accréditation presse" in form.text
    answer = apply(client, mailbox, path="/fr/presse/accreditation/")
    assert answer.status_code == 200
    accreditation = AccreditationRequest.objects.get()
    assert accreditation.language == "fr"
    acknowledgement = mailbox.only(ADDRESS)
    assert "Nous avons bien reçu votre demande d’accréditation" in acknowledgement["Subject"]
    mailbox.clear()
    decide(admin_client, mailbox, accreditation, "approve")
    approval = mailbox.only(ADDRESS)
    assert "approuvée" in approval["Subject"]
    path = link_in(approval, "/fr/presse/mot-de-passe/")
    journalist = Client()
    opened = journalist.get(path)
    page = journalist.get(opened["Location"])
    assert "Choisissez votre mot de passe" in page.text


def test_the_form_is_linked_from_the_sign_in_and_refused_pages(client, db):
    assert 'href="/en/press/apply/"' in client.get("/en/press/sign-in/").text
    client.force_login(get_user_model().objects.create_user("reader"))
    refused = client.get("/en/press/")
    assert refused.status_code == 403 and 'href="/en/press/apply/"' in refused.text


def test_the_admin_listing_reads_the_same_queries_for_3_or_30_requests(admin_client):
    def add(count, start):
        AccreditationRequest.objects.bulk_create(
            AccreditationRequest(**request_data(email=f"r{start + n}@example.org"))
            for n in range(count)
        )

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get("/admin/accreditation_requests/").status_code == 200
        # The site and its settings are read again whenever their short-lived cache has
        # expired, whatever the page: left out of the comparison.
        shared = ("wagtailcore_site", "core_organisationsettings")
        return len([q for q in captured if not any(name in q["sql"] for name in shared)])

    add(3, 0)
    queries()  # the first request fills the per-process caches (content types, settings)
    few = queries()
    add(27, 3)
    assert queries() == few
