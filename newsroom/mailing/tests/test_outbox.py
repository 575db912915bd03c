"""The outbox API, sending to a real SMTP server (aiosmtpd in its own process)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from newsroom.mailing import outbox
from newsroom.mailing.models import Delivery, Dispatch, Suppression
from newsroom.mailing.outbox import Recipient
from newsroom.mailing.testing import deliver_now

COMPOSER = "newsroom.mailing.composers.same_for_all"
PARAMS = {
    "subject": "NATO Newsroom: a new press release",
    "text": "Read it at https://news.example.org/en/news/1/",
    "html": "<p>Read <a href='https://news.example.org/en/news/1/'>it</a></p>",
    "unsubscribe": "https://news.example.org/en/alerts/unsubscribe/",
}

pytestmark = pytest.mark.django_db


def dispatch(key="alert:item:1:en:immediate", **params):
    found, _ = outbox.open_dispatch(
        key, kind="alert", composer=COMPOSER, params={**PARAMS, **params}
    )
    return found


def test_opening_a_key_twice_returns_the_same_dispatch():
    first, created = outbox.open_dispatch("k", kind="alert", composer=COMPOSER, params=PARAMS)
    again, created_again = outbox.open_dispatch("k", kind="digest", composer="x", params={})
    assert created and not created_again
    assert again.pk == first.pk and again.kind == "alert"


def test_recipients_are_streamed_and_duplicates_suppressed_and_bad_addresses_skipped():
    outbox.suppress("gone@example.org", Suppression.Reason.BOUNCE)
    one = dispatch()

    def recipients():
        for number in range(5000):
            yield Recipient(f"reader{number}@example.org", {"n": number})
        yield Recipient("READER1@Example.org", {})  # the same address, spelt otherwise
        yield Recipient("gone@example.org", {})
        yield Recipient("evil@example.org\r\nBcc: victim@example.org", {})
        yield Recipient("x" * 250 + "@example.org", {})
        yield Recipient("Someone <someone@example.org>", {})

    added = outbox.add_recipients(one, recipients())
    assert added == 5000
    assert (added.duplicate, added.suppressed, added.invalid) == (1, 1, 3)
    assert one.deliveries.count() == 5000
    assert not Delivery.objects.filter(address__contains="victim").exists()
    # Adding the same again adds nothing.
    assert outbox.add_recipients(one, [Recipient("reader7@example.org")]) == 0


def test_strict_adding_names_what_is_wrong():
    with pytest.raises(outbox.InvalidAddress, match="line break"):
        outbox.add_recipients(dispatch(), [Recipient("a@example.org\nBcc: b@x.org")], strict=True)


def test_nothing_is_sent_before_release(mail_via_smtp):
    one = dispatch()
    outbox.add_recipients(one, [Recipient("a@example.org")])
    assert deliver_now() == 0
    assert mail_via_smtp.received() == []


def test_released_messages_arrive_with_both_parts_and_the_bulk_headers(mail_via_smtp, settings):
    settings.DEFAULT_FROM_EMAIL = "NATO Newsroom <newsroom@news.example.org>"
    settings.NEWSROOM_MAIL_MESSAGE_ID_DOMAIN = "news.example.org"
    one = dispatch()
    outbox.add_recipients(one, [Recipient(f"r{n}@example.org", {"n": n}) for n in range(3)])
    outbox.release(one)
    assert deliver_now() == 3
    mail_via_smtp.wait_for(3)
    messages = sorted(mail_via_smtp.messages(), key=lambda message: message["To"])
    assert [message["To"] for message in messages] == [f"r{n}@example.org" for n in range(3)]
    deliveries = {d.address: d for d in one.deliveries.all()}
    for message in messages:
        delivery = deliveries[message["To"]]
        assert delivery.status == Delivery.Status.SENT and delivery.sent_at
        assert message["Message-ID"] == f"<{delivery.message_id}>"
        assert delivery.message_id.endswith("@news.example.org")
        assert message["Subject"] == PARAMS["subject"]
        assert message["From"] == "NATO Newsroom <newsroom@news.example.org>"
        assert message["Auto-Submitted"] == "auto-generated"
        assert message["Date"].datetime.tzinfo is not None
        assert message["List-Unsubscribe"] == f"<{PARAMS['unsubscribe']}{delivery.pk}>"
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message.get_body(("plain",)).get_content().strip() == PARAMS["text"]
        assert "<a href=" in message.get_body(("html",)).get_content()


def test_the_message_id_is_the_same_on_every_attempt(mail_via_smtp):
    one = dispatch()
    outbox.add_recipients(one, [Recipient("a@example.org")])
    outbox.release(one)
    deliver_now()
    delivery = one.deliveries.get()
    # As if the worker had died before recording it: it goes again, with the same Message-ID.
    Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.QUEUED)
    deliver_now()
    first, second = mail_via_smtp.wait_for(2)
    assert first[0] == second[0] == f"<{delivery.message_id}>"


def test_a_permanent_refusal_fails_and_suppresses_the_address(mail_via_smtp):
    one = dispatch()
    outbox.add_recipients(one, [Recipient("reject-me@example.org"), Recipient("ok@example.org")])
    outbox.release(one)
    assert deliver_now() == 1
    refused = one.deliveries.get(address="reject-me@example.org")
    assert refused.status == Delivery.Status.FAILED
    assert "550" in refused.last_error
    assert outbox.is_suppressed("reject-me@example.org")
    assert Suppression.objects.get(address="reject-me@example.org").reason == "rejected"
    # A later dispatch skips the address.
    later = dispatch("alert:item:2:en:immediate")
    assert outbox.add_recipients(later, [Recipient("Reject-Me@example.org")]).suppressed == 1


def test_a_temporary_refusal_waits_and_is_retried(mail_via_smtp):
    one = dispatch()
    outbox.add_recipients(one, [Recipient("later-please@example.org")])
    outbox.release(one)
    before = timezone.now()
    assert deliver_now() == 0
    waiting = one.deliveries.get()
    assert waiting.status == Delivery.Status.QUEUED
    assert waiting.next_attempt_at >= before + timedelta(seconds=59)
    assert "451" in waiting.last_error
    assert not outbox.is_suppressed("later-please@example.org")


def test_retrying_gives_up_after_the_retry_period_and_keeps_the_reason(mail_via_smtp, settings):
    settings.NEWSROOM_MAIL_RETRY_HOURS = 24
    one = dispatch()
    outbox.add_recipients(one, [Recipient("later-again@example.org")])
    outbox.release(one)
    Dispatch.objects.filter(pk=one.pk).update(released_at=timezone.now() - timedelta(hours=25))
    deliver_now()
    failed = one.deliveries.get()
    assert failed.status == Delivery.Status.FAILED
    assert "gave up after 1 attempts" in failed.last_error and "451" in failed.last_error


def test_a_composer_that_no_longer_wants_a_message_cancels_it(mail_via_smtp):
    one = dispatch()
    outbox.add_recipients(
        one, [Recipient("a@example.org", {"unwanted": True}), Recipient("b@example.org")]
    )
    outbox.release(one)
    assert deliver_now() == 1
    assert one.deliveries.get(address="a@example.org").status == Delivery.Status.CANCELLED


class Item:
    """Stands for a page: what counts() and cancel() need of a model instance."""

    class _meta:  # noqa: N801 - the shape of a model's _meta
        label_lower = "news.storypage"

    pk = 42


def test_counts_and_cancel_by_source(mail_via_smtp):
    one, _ = outbox.open_dispatch(
        "alert:item:42:en:immediate", kind="alert", composer=COMPOSER, params=PARAMS, source=Item
    )
    outbox.add_recipients(one, [Recipient(f"r{n}@example.org") for n in range(4)])
    assert outbox.counts(Item)["queued"] == 4
    assert outbox.cancel(source=Item) == 4
    outbox.release(one)
    assert deliver_now() == 0
    assert outbox.counts(Item) == {
        "queued": 0, "sending": 0, "sent": 0, "failed": 0, "suppressed": 0, "cancelled": 4,
    }  # fmt: skip


def test_send_one(mail_via_smtp):
    outbox.send_one(
        "confirmation:7", kind="confirmation", composer=COMPOSER, address="New@Example.org",
        data={}, params=PARAMS,
    )  # fmt: skip
    deliver_now()
    (message,) = mail_via_smtp.messages()
    assert message["To"] == "new@example.org"


def test_delivery_sent_is_signalled_once_the_server_accepted(mail_via_smtp):
    from newsroom.mailing.signals import delivery_sent

    seen = []

    def record(sender, delivery, **kwargs):
        seen.append((delivery.address, delivery.status, delivery.dispatch.key))

    delivery_sent.connect(record)
    try:
        one = dispatch()
        outbox.add_recipients(one, [Recipient("a@example.org"), Recipient("reject-x@example.org")])
        outbox.release(one)
        deliver_now()
    finally:
        delivery_sent.disconnect(record)
    assert seen == [("a@example.org", "sent", one.key)]


def test_forget_deletes_deliveries_and_keeps_only_a_hash_of_a_suppressed_address():
    outbox.suppress("bounced@example.org", Suppression.Reason.BOUNCE, "550 user unknown")
    one = dispatch()
    outbox.add_recipients(one, [Recipient("other@example.org")])
    Delivery.objects.create(dispatch=one, address="bounced@example.org", status="suppressed")
    assert outbox.forget("Bounced@example.org") == 1
    assert not Delivery.objects.filter(address="bounced@example.org").exists()
    assert not Suppression.objects.filter(address__contains="bounced").exists()
    (kept,) = Suppression.objects.all()
    assert kept.address.startswith("sha256:") and kept.detail == ""
    assert outbox.is_suppressed("bounced@example.org")
    assert outbox.add_recipients(dispatch("k2"), [Recipient("bounced@example.org")]) == 0


def test_release_enqueues_a_background_task_after_the_commit(django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    one = dispatch()
    outbox.add_recipients(one, [Recipient("a@example.org")])
    with django_capture_on_commit_callbacks(execute=True):
        outbox.release(one)
        assert not DBTaskResult.objects.exists()
    task = DBTaskResult.objects.get()
    assert task.task_path == "newsroom.mailing.tasks.send_dispatch"
    assert task.args_kwargs["args"] == [one.pk]
