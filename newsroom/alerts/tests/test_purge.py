"""Sign-ups nobody confirmed do not stay for ever: the scheduler's periodic job deletes them, and
the messages sent to them, a while after their confirmation link expired."""

import datetime

import pytest
from django.utils import timezone

from newsroom.alerts import tasks
from newsroom.alerts.models import Subscriber
from newsroom.alerts.subscriptions import PENDING_KEPT_FOR
from newsroom.mailing.models import Delivery
from newsroom.scheduling import periodic

from .conftest import links_in
from .helpers import sign_up

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def age(email, by):
    """As if the sign-up (and its last confirmation message) happened ``by`` ago."""
    then = timezone.now() - by
    Subscriber.objects.filter(email=email).update(created_at=then, confirmation_sent_at=then)


def run_the_scheduler_jobs(mailbox, monkeypatch):
    for job in periodic._jobs:
        monkeypatch.setitem(job, "last", None)  # each job is due, whatever ran before
    return mailbox.run(periodic.run_due)


def test_the_periodic_job_deletes_expired_sign_ups_nobody_confirmed(client, mailbox, monkeypatch):
    assert any(job["function"] == tasks.enqueue_purge for job in periodic._jobs)
    for email in ("stale@example.org", "recent@example.org"):
        response = mailbox.run(client.post, "/en/alerts/", {"email": email, "everything": "on"})
        assert response.status_code == 200
    stale_link = links_in(mailbox.only("stale@example.org"))[0]
    sign_up(client, mailbox, "confirmed@example.org", everything="on")
    age("stale@example.org", PENDING_KEPT_FOR + DAY)
    age("recent@example.org", PENDING_KEPT_FOR - DAY)
    age("confirmed@example.org", 10 * PENDING_KEPT_FOR)
    assert Delivery.objects.filter(address="stale@example.org").exists()

    run_the_scheduler_jobs(mailbox, monkeypatch)
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "confirmed@example.org",
        "recent@example.org",
    ]
    assert not Delivery.objects.filter(address="stale@example.org").exists()
    # Its old link now says there is nothing here (and confirms nothing).
    assert client.post(stale_link).status_code == 410
    assert not Subscriber.objects.filter(email="stale@example.org").exists()


def test_press_accounts_subscriptions_are_never_purged(client, mailbox, monkeypatch):
    from newsroom.press.factories import press_account

    account = press_account("journalist")
    Subscriber.objects.create(email="press@example.org", language="en", press_account=account)
    age("press@example.org", 10 * PENDING_KEPT_FOR)
    run_the_scheduler_jobs(mailbox, monkeypatch)
    assert Subscriber.objects.filter(email="press@example.org").exists()
