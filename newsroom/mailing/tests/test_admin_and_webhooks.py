"""What the press office sees in the admin, and a sending service's bounce webhook."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from newsroom.mailing import outbox
from newsroom.mailing.models import Delivery, Suppression
from newsroom.mailing.outbox import Recipient
from newsroom.mailing.testing import POSTMARK_BOUNCE, basic_auth

pytestmark = pytest.mark.django_db
COMPOSER = "newsroom.mailing.composers.same_for_all"


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", password="long-enough-password")
    client.force_login(user)
    return user


def sample_dispatch():
    dispatch, _ = outbox.open_dispatch(
        "alert:item:9:en:immediate", kind="alert", composer=COMPOSER,
        params={"subject": "s", "text": "t"},
    )  # fmt: skip
    outbox.add_recipients(dispatch, [Recipient(f"r{n}@example.org") for n in range(5)])
    outbox.release(dispatch)
    rows = list(dispatch.deliveries.order_by("id"))
    Delivery.objects.filter(pk=rows[0].pk).update(status="sent", sent_at=timezone.now())
    Delivery.objects.filter(pk=rows[1].pk).update(
        status="failed", last_error="refused (550): 5.1.1 No such mailbox here"
    )
    Delivery.objects.filter(pk=rows[2].pk).update(
        next_attempt_at=timezone.now(), last_error="server unreachable: Connection refused"
    )
    return dispatch


def test_dispatches_show_their_figures_and_why_deliveries_fail_or_wait(client, editor):
    dispatch = sample_dispatch()
    listing = client.get("/admin/mailing_dispatches/")
    assert listing.status_code == 200
    assert dispatch.key in listing.content.decode()
    page = client.get(f"/admin/mailing_dispatches/inspect/{dispatch.pk}/").content.decode()
    assert "of the queued, waiting for a retry: 1" in page
    assert "failed: 1" in page and "sent: 1" in page
    assert "1 × waiting: server unreachable: Connection refused" in page
    assert "1 × failed: refused (550): 5.1.1 No such mailbox here" in page


def test_the_admin_says_when_mail_is_only_written_to_files(client, editor, settings):
    settings.EMAIL_BACKEND = "newsroom.mailing.backends.EmlFileBackend"
    assert "written as .eml files" in client.get("/admin/").content.decode()
    assert "written as .eml files" in client.get("/admin/mailing_dispatches/").content.decode()
    settings.EMAIL_BACKEND = "newsroom.mailing.backends.SMTPBackend"
    assert "written as .eml files" not in client.get("/admin/").content.decode()


def test_deliveries_of_a_dispatch_export_as_csv(client, editor):
    dispatch = sample_dispatch()
    other, _ = outbox.open_dispatch("other", kind="alert", composer=COMPOSER, params={})
    outbox.add_recipients(other, [Recipient("elsewhere@example.org")])
    answer = client.get(f"/admin/mailing_deliveries/?dispatch={dispatch.pk}&export=csv")
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("text/csv")
    text = b"".join(answer.streaming_content).decode()
    lines = text.strip().splitlines()
    assert len(lines) == 6  # a header and five deliveries
    assert "elsewhere@example.org" not in text
    assert "refused (550)" in text


def test_the_suppression_list_is_searchable_and_editable(client, editor):
    outbox.suppress("bounced@example.org", Suppression.Reason.BOUNCE, "550 user unknown")
    outbox.suppress("other@example.org", Suppression.Reason.COMPLAINT)
    found = client.get("/admin/mailing_suppressions/?q=bounced").content.decode()
    assert "bounced@example.org" in found and "other@example.org" not in found
    dispatch, _ = outbox.open_dispatch("k", kind="alert", composer=COMPOSER, params={})
    outbox.add_recipients(dispatch, [Recipient("typed@example.org")])
    added = client.post(
        "/admin/mailing_suppressions/new/",
        {"address": " Typed@Example.org ", "reason": "manual", "detail": "asked by phone"},
    )
    assert added.status_code == 302
    assert outbox.is_suppressed("typed@example.org")
    assert dispatch.deliveries.get().status == "suppressed"  # queued mail to it stops too
    bad = client.post(
        "/admin/mailing_suppressions/new/",
        {"address": "a@example.org\r\nBcc: b@example.org", "reason": "manual", "detail": ""},
    )
    assert bad.status_code == 200 and "line break" in bad.content.decode()
    suppression = Suppression.objects.get(address="typed@example.org")
    removed = client.post(f"/admin/mailing_suppressions/delete/{suppression.pk}/")
    assert removed.status_code == 302
    assert not outbox.is_suppressed("typed@example.org")


def test_a_postmark_bounce_webhook_suppresses_the_address(client, settings):
    settings.ANYMAIL = {**settings.ANYMAIL, "WEBHOOK_SECRET": "hook:s3cret-shared"}
    url = "/mail/webhooks/anymail/postmark/tracking/"
    client.raise_request_exception = False  # as a sending service sees it: the status only
    refused = client.post(
        url, json.dumps(POSTMARK_BOUNCE), content_type="application/json",
        HTTP_AUTHORIZATION=basic_auth("hook:wrong"),
    )  # fmt: skip
    assert refused.status_code == 400
    assert not outbox.is_suppressed("gone.reader@example.org")
    answer = client.post(
        url, json.dumps(POSTMARK_BOUNCE), content_type="application/json",
        HTTP_AUTHORIZATION=basic_auth("hook:s3cret-shared"),
    )  # fmt: skip
    assert answer.status_code == 200
    suppression = Suppression.objects.get(address="gone.reader@example.org")
    assert suppression.reason == "bounce"
    assert suppression.detail.startswith("Postmark: bounced")
    assert "550 5.1.1" in suppression.detail


def test_a_complaint_suppresses_and_a_delivery_event_does_not(client, settings):
    settings.ANYMAIL = {**settings.ANYMAIL, "WEBHOOK_SECRET": "hook:s3cret-shared"}
    url = "/mail/webhooks/anymail/postmark/tracking/"
    complaint = {**POSTMARK_BOUNCE, "Type": "SpamComplaint", "TypeCode": 512,
                 "Email": "annoyed@example.org"}  # fmt: skip
    delivered = {"RecordType": "Delivery", "MessageID": "x", "Recipient": "fine@example.org",
                 "DeliveredAt": "2026-12-02T10:15:31Z", "Details": "ok", "Tag": "",
                 "ServerID": 23, "Metadata": {}, "MessageStream": "outbound"}  # fmt: skip
    for payload in (complaint, delivered):
        answer = client.post(
            url, json.dumps(payload), content_type="application/json",
            HTTP_AUTHORIZATION=basic_auth("hook:s3cret-shared"),
        )  # fmt: skip
        assert answer.status_code == 200
    assert Suppression.objects.get(address="annoyed@example.org").reason == "complaint"
    assert not outbox.is_suppressed("fine@example.org")
