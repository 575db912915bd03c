"""Signing up over HTTP, double opt-in, and every kind of bad input to the form."""

import datetime

import pytest
from django.core import signing
from django.utils import timezone

from newsroom.alerts.models import Subscriber
from newsroom.mailing.models import Delivery

from .conftest import html_of, links_in, path_of, text_of

pytestmark = pytest.mark.django_db


def post(client, mailbox, data, **extra):
    return mailbox.run(client.post, "/en/alerts/", data, **extra)


def test_the_page_exists_in_both_languages_and_is_linked_from_every_page(client, home, topic):
    english = client.get("/en/alerts/")
    french = client.get("/fr/alertes/")
    assert english.status_code == french.status_code == 200
    assert "private" in english["Cache-Control"]
    assert '<label for="id_email">' in english.text and 'type="email"' in english.text
    assert "Alertes par e-mail" in french.text
    assert 'href="/en/alerts/"' in client.get("/en/").text  # the footer
    topic_page = client.get(topic.url).text
    assert f'name="topic" value="{topic.translation_key}"' in topic_page
    assert 'action="/en/alerts/"' in topic_page


def test_a_topic_page_form_opens_the_sign_up_with_that_topic_chosen(client, topic, other_topic):
    response = client.get(f"/en/alerts/?topic={topic.translation_key}&email=ana@example.org")
    page = response.text
    assert 'value="ana@example.org"' in page
    chosen = [line for line in page.splitlines() if str(topic.translation_key) in line]
    assert any("checked" in line for line in chosen)
    assert not any(
        "checked" in line for line in page.splitlines() if str(other_topic.translation_key) in line
    )


def test_sign_up_sends_only_a_confirmation_until_the_link_is_followed(
    client, mailbox, topic, news_index
):
    response = post(
        client, mailbox, {"email": " Ana@Example.ORG ", "topics": [topic.translation_key]}
    )
    assert response.status_code == 200
    assert "ana@example.org" in response.text and "seven days" in response.text
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "ana@example.org" and subscriber.confirmed_at is None
    assert subscriber.choice_values("topic") == [str(topic.translation_key)]

    message = mailbox.only("ana@example.org")
    assert "Confirm" in message["Subject"]
    assert message["Message-ID"] and message["Date"]
    assert "List-Unsubscribe" not in message  # not a bulk message
    confirm = links_in(message)[0]
    assert confirm in html_of(message)
    assert path_of(confirm).startswith("/en/alerts/confirm/")

    # A link scanner's GET confirms nothing; the button's POST does.
    assert client.get(path_of(confirm)).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None
    confirmed = client.post(path_of(confirm))
    assert confirmed.status_code == 200 and "confirmed" in confirmed.text
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None
    # Following the link again changes nothing.
    assert client.post(path_of(confirm)).status_code == 200


def test_the_answer_is_the_same_for_a_new_a_pending_and_a_confirmed_address(client, mailbox):
    data = {"email": "ana@example.org", "everything": "on"}
    new = post(client, mailbox, data)
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - datetime.timedelta(hours=1))
    pending = post(client, mailbox, data)
    Subscriber.objects.update(
        confirmed_at=timezone.now(),
        confirmation_sent_at=timezone.now() - datetime.timedelta(hours=1),
    )
    confirmed = post(client, mailbox, {**data, "everything": "", "types": ["speech"]})
    assert new.status_code == pending.status_code == confirmed.status_code == 200
    assert new.content == pending.content == confirmed.content

    first, second, third = mailbox.messages("ana@example.org")
    assert "Confirm" in first["Subject"] and "Confirm" in second["Subject"]
    # The confirmed subscriber is told how to manage, and a stranger changed nothing.
    assert "Confirm" not in third["Subject"]
    assert "/en/alerts/manage/" in text_of(third)
    subscriber = Subscriber.objects.get()
    assert subscriber.everything and subscriber.choice_values("type") == []


def test_no_second_confirmation_within_ten_minutes(client, mailbox):
    data = {"email": "ana@example.org", "everything": "on"}
    for _ in range(3):
        assert post(client, mailbox, data).status_code == 200
    assert len(mailbox.messages("ana@example.org")) == 1
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - datetime.timedelta(minutes=11))
    post(client, mailbox, data)
    assert len(mailbox.messages("ana@example.org")) == 2


def test_an_expired_link_offers_a_new_one(client, mailbox, monkeypatch):
    post(client, mailbox, {"email": "ana@example.org", "everything": "on"})
    subscriber = Subscriber.objects.get()
    eight_days_ago = timezone.now().timestamp() - 8 * 86400
    monkeypatch.setattr(signing.time, "time", lambda: eight_days_ago)
    from newsroom.alerts import links

    old = links.path(subscriber, links.CONFIRM)
    monkeypatch.undo()
    expired = client.get(old)
    assert expired.status_code == 410
    assert "expired" in expired.text and "Send me a new confirmation link" in expired.text
    assert client.post(old).status_code == 410
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None

    # Within ten minutes of the first message, the answer is the same but nothing is sent.
    again = mailbox.run(client.post, f"{old}again/")
    assert again.status_code == 200
    assert len(mailbox.messages("ana@example.org")) == 1
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - datetime.timedelta(minutes=11))
    mailbox.run(client.post, f"{old}again/")
    fresh = mailbox.messages("ana@example.org")[-1]
    assert client.post(path_of(links_in(fresh)[0])).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None


@pytest.mark.parametrize(
    "address, reason",
    [
        ("", "Give your e-mail address"),
        ("not-an-address", "not an e-mail address"),
        ("ana@", "not an e-mail address"),
        ("a" * 65 + "@example.org", "before the @"),
        ("ana@" + "x" * 250 + ".org", "at most 254"),
        ("ana@example.org\r\nBcc: victim@example.org", "line breaks"),
        ("ana@example.org\nSubject: hello", "line breaks"),
        ("Ana <ana@example.org>", "one e-mail address"),
        ("ana@example.org, bob@example.org", "one e-mail address"),
        ("ana@example.org\x00", "Null characters are not allowed"),
    ],
)
def test_bad_addresses_get_a_clear_400_and_nothing_is_stored_or_sent(
    client, mailbox, address, reason
):
    response = post(client, mailbox, {"email": address, "everything": "on"})
    assert response.status_code == 400
    assert reason in response.text
    assert not Subscriber.objects.exists()
    assert not Delivery.objects.exists() and mailbox.messages() == []


@pytest.mark.parametrize(
    "data, reason",
    [
        ({"types": ["podcast"]}, "Select a valid choice"),
        ({"topics": ["00000000-0000-0000-0000-000000000000"]}, "Select a valid choice"),
        ({"people": ["not-a-key"]}, "Select a valid choice"),
        ({"frequency": "hourly"}, "Select a valid choice"),
        ({"language": "de"}, "Select a valid choice"),
        ({"digest_time": "25:00"}, "Select a valid choice"),
        ({"digest_weekday": "9"}, "Select a valid choice"),
        ({}, "Choose everything, or at least one"),
    ],
)
def test_unknown_choices_get_a_400_and_nothing_is_stored(client, mailbox, data, reason):
    response = post(client, mailbox, {"email": "ana@example.org", **data})
    assert response.status_code == 400
    assert reason in response.text
    assert not Subscriber.objects.exists() and mailbox.messages() == []


def test_a_burst_from_one_client_is_refused_with_429(client, mailbox, settings):
    settings.NEWSROOM_ALERTS_RATE_PER_CLIENT = "3/hour"
    answers = [
        post(client, mailbox, {"email": f"victim{n}@example.org", "everything": "on"}).status_code
        for n in range(5)
    ]
    assert answers == [200, 200, 200, 429, 429]
    refused = post(client, mailbox, {"email": "late@example.org", "everything": "on"})
    assert "Too many sign-ups" in refused.text and int(refused["Retry-After"]) > 0
    assert Subscriber.objects.count() == 3 and len(mailbox.messages()) == 3
    # Another client is not held back.
    other = post(client, mailbox, {"email": "other@example.org", "everything": "on"},
                 REMOTE_ADDR="198.51.100.9")  # fmt: skip
    assert other.status_code == 200


def test_a_burst_for_one_address_from_many_clients_is_refused(client, mailbox, settings):
    settings.NEWSROOM_ALERTS_RATE_PER_ADDRESS = "2/hour"
    answers = []
    for n in range(4):
        response = post(
            client, mailbox, {"email": "victim@example.org", "everything": "on"},
            REMOTE_ADDR=f"198.51.100.{n + 1}",
        )  # fmt: skip
        answers.append(response.status_code)
    assert answers == [200, 200, 429, 429]
    assert len(mailbox.messages("victim@example.org")) == 1  # and the ten-minute rule


def test_the_form_page_works_without_javascript_and_names_every_field(client, topic, person):
    page = client.get("/en/alerts/").text
    assert "<script" not in page.split("<main")[1].split("</main>")[0]
    for name in ("email", "everything", "types", "topics", "people", "frequency", "digest_time",
                 "digest_weekday", "language"):  # fmt: skip
        assert f'name="{name}"' in page
    assert page.count("<fieldset") >= 4 and page.count("<legend>") == page.count("<fieldset")
    assert "Ana Minister" in page and "Readiness" in page
