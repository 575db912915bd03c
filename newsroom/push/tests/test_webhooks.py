"""Webhooks: an endpoint registered in the admin receives each event of an item's life as JSON
with a Standard Webhooks signature that a real receiver checks; a receiver that fails gets
every event again once it is back, in order, none twice, with the same event id; hangs time
out, redirects are not followed, a day of failures disables the endpoint with a notice; and
addresses on private networks or this newsroom itself are refused."""

import datetime
import json

import pytest
from django.utils import timezone

from newsroom.news.factories import PressReleasePageFactory
from newsroom.press.factories import embargo
from newsroom.push import tasks
from newsroom.push.models import Attempt, Delivery, Endpoint

from .conftest import Receiver

pytestmark = pytest.mark.django_db
RELEASE = datetime.datetime(2031, 11, 17, 13, 0, tzinfo=datetime.UTC)


def register(officer, url, **fields):
    data = {"name": "Wire service", "url": url, "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "event_types": ["item.published", "item.updated", "item.unpublished",
                            "item.embargo_shared"], "active": "on", **fields}  # fmt: skip
    return officer.post("/admin/webhook_endpoints/new/", data)


@pytest.fixture
def endpoint(officer, receiver):
    saved = register(officer, receiver.url)
    assert saved.status_code == 302, saved.content.decode()[:2000]
    endpoint = Endpoint.objects.get()
    receiver.secret = endpoint.secret
    return endpoint


def publish(capture, page):
    with capture(execute=True):
        page.save_revision().publish()


def item(news_index, **fields):
    fields.setdefault("title", "Allies agree a readiness plan")
    fields.setdefault("slug", "readiness-plan")
    fields.setdefault("display_date", datetime.date(2023, 11, 17))
    return PressReleasePageFactory(parent=news_index, live=False, **fields)


def test_each_event_arrives_signed_with_the_item_and_its_addresses(
    endpoint, receiver, news_index, django_capture_on_commit_callbacks
):
    page = item(news_index)
    publish(django_capture_on_commit_callbacks, page)
    page.refresh_from_db()
    page.title = "Allies agree a readiness plan (updated)"
    publish(django_capture_on_commit_callbacks, page)
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert [row["good"] for row in receiver.received] == [True, True, True]
    events = receiver.events()
    assert [event["type"] for event in events] == [
        "item.published",
        "item.updated",
        "item.unpublished",
    ]
    first = receiver.received[0]
    assert first["headers"]["webhook-id"].startswith("msg_")
    assert first["headers"]["webhook-signature"].startswith("v1,")
    assert first["headers"]["content-type"] == "application/json"
    data = events[0]["data"]
    assert data["urls"]["html"] == "https://news.example.org/en/news/2023/11/17/readiness-plan/"
    assert data["urls"]["ninjs"].endswith(f"/api/v1/items/{page.pk}/ninjs/")
    assert data["ninjs"]["headlines"][0]["value"] == "Allies agree a readiness plan"
    assert events[1]["data"]["ninjs"]["headlines"][0]["value"].endswith("(updated)")
    assert len({row["headers"]["webhook-id"] for row in receiver.received}) == 3
    assert Attempt.objects.filter(status_code=200).count() == 3
    assert all(attempt.response_ms >= 0 for attempt in Attempt.objects.all())
    # A wrong secret fails the receiver's check: the signature covers the secret.
    receiver.secret = "whsec_" + "A" * 32
    publish(django_capture_on_commit_callbacks, page)
    assert receiver.received[-1]["good"] is False


def test_a_failing_receiver_gets_every_event_in_order_once_it_is_back(
    endpoint, receiver, news_index, django_capture_on_commit_callbacks
):
    receiver.answers = [500, 503]
    first, second = item(news_index), item(news_index, title="Second", slug="second")
    publish(django_capture_on_commit_callbacks, first)
    publish(django_capture_on_commit_callbacks, second)
    # The first failed; the second waits behind it (order), the first is due later.
    assert [row["answer"] for row in receiver.received] == [500]
    waiting = Delivery.objects.order_by("event_id")
    assert [d.status for d in waiting] == ["pending", "pending"]
    assert waiting[0].next_attempt_at > timezone.now()
    assert "the receiver answered 500" in waiting[0].last_error
    tasks.enqueue_due()
    assert len(receiver.received) == 1  # not due yet: nothing is sent early
    # Time passes; the retry is due: it fails once more (503), then all goes through.
    for _round in range(2):
        Delivery.objects.update(next_attempt_at=timezone.now() - datetime.timedelta(seconds=1))
        with django_capture_on_commit_callbacks(execute=True):
            tasks.deliver.call(endpoint.pk)
    answers = [row["answer"] for row in receiver.received]
    assert answers == [500, 503, 200, 200]
    ids = [row["headers"]["webhook-id"] for row in receiver.received]
    assert ids[0] == ids[1] == ids[2] != ids[3]  # every retry carries the same event id
    titles = [event["data"]["title"] for event in receiver.events()]
    assert titles == ["Allies agree a readiness plan", "Second"]
    assert set(Delivery.objects.values_list("status", flat=True)) == {"delivered"}
    # Nothing more is sent, however often the tasks run.
    tasks.enqueue_due()
    tasks.deliver.call(endpoint.pk)
    assert len(receiver.received) == 4


def test_a_hanging_receiver_times_out_and_a_redirect_is_not_followed(
    endpoint, receiver, news_index, django_capture_on_commit_callbacks
):
    receiver.answers = ["hang", "redirect"]
    page = item(news_index)
    publish(django_capture_on_commit_callbacks, page)
    delivery = Delivery.objects.get()
    assert "no answer within 1 s" in delivery.last_error and delivery.status == "pending"
    Delivery.objects.update(next_attempt_at=timezone.now() - datetime.timedelta(seconds=1))
    tasks.deliver.call(endpoint.pk)
    delivery.refresh_from_db()
    assert "redirect to http://127.0.0.1:" in delivery.last_error
    assert "not followed" in delivery.last_error
    assert [row["path"] for row in receiver.received] == ["/hook/", "/hook/"]  # never /elsewhere/
    log = [attempt.error for attempt in Attempt.objects.order_by("at")]
    assert len(log) == 2 and Attempt.objects.filter(status_code=302).count() == 1


def test_a_day_of_failures_disables_the_endpoint_with_a_notice(
    officer, endpoint, receiver, news_index, django_capture_on_commit_callbacks
):
    receiver.answers = [500, 500]
    publish(django_capture_on_commit_callbacks, item(news_index))
    Endpoint.objects.update(failing_since=timezone.now() - datetime.timedelta(hours=25))
    Delivery.objects.update(next_attempt_at=timezone.now() - datetime.timedelta(seconds=1))
    tasks.deliver.call(endpoint.pk)
    endpoint.refresh_from_db()
    assert not endpoint.active and "after failing since" in endpoint.disabled_reason
    assert Delivery.objects.get().status == "failed"
    dashboard = officer.get("/admin/")
    assert "Webhook endpoints disabled" in dashboard.content.decode()
    assert "Wire service" in dashboard.content.decode()
    # Nothing is sent to a disabled endpoint.
    publish(django_capture_on_commit_callbacks, item(news_index, title="Later", slug="later"))
    assert len(receiver.received) == 2


def test_embargoed_items_go_only_to_accredited_endpoints(
    officer, receiver, news_index, django_capture_on_commit_callbacks
):
    press = Receiver()
    try:
        assert register(officer, receiver.url, name="Public aggregator").status_code == 302
        saved = register(officer, press.url, name="Agency (accredited)", accredited="on")
        assert saved.status_code == 302
        receiver.secret = Endpoint.objects.get(name="Public aggregator").secret
        press.secret = Endpoint.objects.get(accredited=True).secret
        with django_capture_on_commit_callbacks(execute=True):
            embargo(item(news_index), RELEASE)
        assert receiver.received == []
        [shared] = press.events()
        assert shared["type"] == "item.embargo_shared"
        assert shared["data"]["embargoedUntil"].startswith("2031-11-17T13:00")
        assert shared["data"]["urls"]["press"].startswith("https://news.example.org/en/press/")
        assert press.received[0]["good"]
    finally:
        press.stop()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        # This machine's own names are refused as the newsroom itself (ALLOWED_HOSTS).
        ("http://127.0.0.1:9/hook/", "may not be sent to this newsroom itself"),
        ("http://localhost/admin/", "may not be sent to this newsroom itself"),
        ("http://10.1.2.3/", "private, loopback or reserved address"),
        ("http://169.254.169.254/latest/meta-data/", "private, loopback or reserved address"),
        ("http://[::1]:8000/", "may not be sent to this newsroom itself"),
        ("http://127.0.0.2:8000/", "private, loopback or reserved address"),
        ("http://192.168.1.10/", "private, loopback or reserved address"),
        ("https://news.example.org/admin/", "may not be sent to this newsroom itself"),
        ("ftp://example.org/", "must start with https://"),
        ("http://user:pw@example.org/", "user name or password"),
    ],
)
def test_private_and_own_addresses_are_refused_unless_allowed(officer, settings, url, message):
    settings.NEWSROOM_WEBHOOKS_ALLOW_PRIVATE = False
    refused = register(officer, url)
    assert refused.status_code == 200
    assert message in refused.content.decode()
    assert not Endpoint.objects.exists()


def test_a_saved_private_address_is_refused_at_sending_time_once_no_longer_allowed(
    endpoint, receiver, settings, news_index, django_capture_on_commit_callbacks
):
    settings.NEWSROOM_WEBHOOKS_ALLOW_PRIVATE = False
    publish(django_capture_on_commit_callbacks, item(news_index))
    assert receiver.received == []
    assert "may not be sent to this newsroom itself" in Delivery.objects.get().last_error
    assert json.loads(Delivery.objects.get().event.body)["type"] == "item.published"
