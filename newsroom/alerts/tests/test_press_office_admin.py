"""The press office's side of alerts, in the Wagtail admin as a signed-in press officer: the
subscriber list (searched, exported as CSV), the counts, each item's sent / queued / failed
messages with the reason, the suppression list, and erasing a person (GDPR)."""

import csv
import datetime
import io
import json
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.test import Client

from newsroom.alerts import digests, links
from newsroom.alerts.models import Subscriber
from newsroom.mailing.models import Delivery, Suppression
from newsroom.press.factories import press_account

from .conftest import story
from .helpers import sign_up, staff_client

pytestmark = pytest.mark.django_db

SUBSCRIBERS = "/admin/alert_subscribers/"
SUMMARY = "/admin/alerts/summary/"
SUPPRESSIONS = "/admin/mailing_suppressions/"


@pytest.fixture
def press_officer(db):
    return staff_client("Moderators", "officer")


def sign_up_unreachable(client, mailbox, email, **choices):
    """Sign up an address the SMTP server refuses: its confirmation never arrives, so the link
    it carried is followed as signed for it."""
    data = {"email": email, "frequency": "immediately", "language": "en", **choices}
    assert mailbox.run(client.post, "/en/alerts/", data).status_code == 200
    confirm = links.path(Subscriber.objects.get(email=email), links.CONFIRM)
    assert mailbox.run(client.post, confirm).status_code == 200


@pytest.fixture
def subscribers(client, mailbox, topic, person):
    sign_up(client, mailbox, "ana@example.org", everything="on")
    sign_up_unreachable(client, mailbox, "reject-bo@example.org", topics=[topic.translation_key])
    sign_up_unreachable(client, mailbox, "later-cy@example.org", topics=[topic.translation_key],
            types=["speech"])  # fmt: skip
    sign_up(client, mailbox, "dee@example.org", language="fr", frequency="daily",
            people=[person.translation_key], topics=[topic.translation_key])  # fmt: skip
    mailbox.run(client.post, "/en/alerts/", {"email": "pending@example.org", "everything": "on"})
    # Its confirmation was refused (550), which suppressed it; an operator lifted that since.
    Suppression.objects.filter(address="reject-bo@example.org").delete()
    mailbox.clear()


@pytest.fixture
def published(mailbox, subscribers, news_index, topic):
    item = story(news_index, title="Readiness plan agreed", slug="readiness-plan", live=False)
    item.topics.set([topic])
    mailbox.run(lambda: item.save_revision().publish())
    return item


def rows_of(html):
    """{table heading: {name: number}} from the summary page."""
    tables = {}
    for section in html.split("<h2>")[1:]:
        heading, rest = section.split("</h2>", 1)
        found = re.findall(r"<tr><td>([^<]*)</td><td>(\d+)</td></tr>", rest.split("</table>")[0])
        tables[heading.strip()] = {name: int(number) for name, number in found}
    return tables


def test_counts_per_topic_type_person_language_and_frequency(subscribers, press_officer):
    response = press_officer.get(SUMMARY)
    assert response.status_code == 200
    html = response.content.decode()
    assert "4 confirmed subscribers" in html and "1 waiting for confirmation" in html
    tables = rows_of(html)
    assert tables["Topics"] == {"Readiness": 3}
    assert tables["People"] == {"Ana Minister": 1}
    assert tables["Types of item"] == {"Speech": 1}
    assert tables["Frequency"] == {"Immediately, one message per item": 3, "A daily digest": 1}
    assert tables["Language"] == {"en": 3, "fr": 1}


def test_the_subscriber_list_is_searchable_and_exported_as_csv(subscribers, press_officer, topic):
    listing = press_officer.get(SUBSCRIBERS)
    assert listing.status_code == 200
    for address in ("ana@example.org", "dee@example.org", "pending@example.org"):
        assert address in listing.content.decode()
    found = press_officer.get(SUBSCRIBERS, {"q": "dee@"}).content.decode()
    assert "dee@example.org" in found and "ana@example.org" not in found

    export = press_officer.get(SUBSCRIBERS, {"export": "csv"})
    assert export.status_code == 200 and export["Content-Type"].startswith("text/csv")
    body = b"".join(export.streaming_content if export.streaming else [export.content])
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    by_address = {row[next(iter(row))]: row for row in rows}
    assert set(by_address) == {"ana@example.org", "reject-bo@example.org",
                               "later-cy@example.org", "dee@example.org",
                               "pending@example.org"}  # fmt: skip
    dee = by_address["dee@example.org"]
    assert (dee["Language"], dee["Frequency"], dee["Digest time"]) == ("fr", "daily", "08:00:00")
    assert f"topic:{topic.translation_key}" in dee["Choices"]
    assert "everything" in by_address["ana@example.org"]["Choices"]
    assert by_address["pending@example.org"]["Confirmed"] in ("", "None")


def test_an_items_messages_sent_queued_and_failed_with_the_reason(
    published, press_officer, mailbox
):
    alerts = Delivery.objects.filter(dispatch__kind="alert")
    assert alerts.get(address="ana@example.org").status == "sent"
    assert alerts.get(address="reject-bo@example.org").status == "failed"
    assert alerts.get(address="later-cy@example.org").status == "queued"
    page = press_officer.get(f"/admin/alerts/items/{published.pk}/").content.decode()
    counts = counts_in(page, "Readiness plan agreed (en)")
    assert (counts["Sent"], counts["Queued"], counts["Failed"]) == (1, 1, 1)
    assert "1 failed:" in page and "550" in page and "No such mailbox here" in page
    # dee has the daily digest: its message listing the item is counted on its own row.
    assert "Readiness plan agreed in digests" in page
    due = Subscriber.objects.get(email="dee@example.org").next_digest_at
    mailbox.run(digests.send_due, due + datetime.timedelta(minutes=1))
    page = press_officer.get(f"/admin/alerts/items/{published.pk}/").content.decode()
    digest_counts = counts_in(page, "Readiness plan agreed in digests")
    assert (digest_counts["Sent"], digest_counts["Queued"]) == (1, 0)

    # The refused address is on the suppression list, which the press office can read.
    assert Suppression.objects.filter(address="reject-bo@example.org").exists()
    suppressions = press_officer.get(SUPPRESSIONS)
    assert suppressions.status_code == 200
    assert "reject-bo@example.org" in suppressions.content.decode()


def test_an_items_failed_digest_messages_are_shown_with_the_reason(
    client, mailbox, press_officer, news_index, topic
):
    sign_up_unreachable(client, mailbox, "reject-eve@example.org", frequency="daily",
                        topics=[topic.translation_key])  # fmt: skip
    Suppression.objects.filter(address="reject-eve@example.org").delete()  # lifted by hand
    item = story(news_index, title="Readiness plan agreed", slug="readiness-plan", live=False)
    item.topics.set([topic])
    mailbox.run(lambda: item.save_revision().publish())
    due = Subscriber.objects.get(email="reject-eve@example.org").next_digest_at
    mailbox.run(digests.send_due, due + datetime.timedelta(minutes=1))

    page = press_officer.get(f"/admin/alerts/items/{item.pk}/").content.decode()
    assert counts_in(page, "Readiness plan agreed in digests")["Failed"] == 1
    assert "1 digests failed:" in page and "550" in page and "No such mailbox here" in page


def counts_in(page, label):
    """{status column: number} of the row named ``label`` on an item's "E-mail alerts" page."""
    header = re.search(r"<thead>(.*?)</thead>", page, re.S).group(1)
    columns = re.findall(r'<th scope="col">([^<]*)</th>', header)[1:]
    row = re.search(rf"<tr><td>{re.escape(label)}</td>(.*?)</tr>", page, re.S).group(1)
    numbers = [int(number) for number in re.findall(r"<td>(\d+)</td>", row)]
    return dict(zip(columns, numbers, strict=True))


def where_the_address_is(address):
    """Every (model, field) of the database that still holds ``address``."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, (models.CharField, models.TextField)):
                if model._default_manager.filter(**{f"{field.name}__icontains": address}).exists():
                    found.append((model._meta.label, field.name))
            elif isinstance(field, models.JSONField):
                values = model._default_manager.values_list(field.name, flat=True)
                if any(address in json.dumps(value) for value in values):
                    found.append((model._meta.label, field.name))
    return found


@pytest.mark.parametrize("address", ["ana@example.org", "reject-bo@example.org"])
def test_removing_a_person_deletes_every_trace_of_the_address(
    published, press_officer, address, mailbox
):
    assert where_the_address_is(address)  # the check finds it while it is there
    subscriber = Subscriber.objects.get(email=address)
    delete = f"{SUBSCRIBERS}delete/{subscriber.pk}/"
    assert press_officer.get(delete).status_code == 200
    response = press_officer.post(delete, follow=True)
    assert response.status_code == 200
    assert "every message sent to it are deleted" in response.content.decode()
    assert not Subscriber.objects.filter(email=address).exists()
    assert where_the_address_is(address) == []
    # A refused address stays suppressed (as a hash): typed in again, it is still not mailed.
    if address.startswith("reject-"):
        client = Client()
        mailbox.run(client.post, "/en/alerts/", {"email": address, "everything": "on"})
        assert mailbox.messages(address) == []
    # The others are untouched.
    assert Delivery.objects.filter(address="later-cy@example.org").exists()


def test_subscribers_are_for_the_press_office_only(subscribers, client):
    reader = get_user_model().objects.create_user("reader", password="a-long-reader-password")
    journalist = press_account("journalist")
    for user in (None, reader, journalist.user):
        browser = Client()
        if user is not None:
            browser.force_login(user)
        for path in (SUBSCRIBERS, f"{SUBSCRIBERS}?export=csv", SUMMARY, SUPPRESSIONS):
            response = browser.get(path)
            assert response.status_code == 302, (user, path)
            assert "/admin/login/" in response["Location"]
            assert b"ana@example.org" not in response.content
        victim = Subscriber.objects.get(email="ana@example.org")
        assert browser.post(f"{SUBSCRIBERS}delete/{victim.pk}/").status_code == 302
    # An editor who writes but is not the press office: signed in to the admin, refused.
    writer = staff_client("Editors", "writer")
    for path in (SUBSCRIBERS, SUMMARY):
        response = writer.get(path)
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert Subscriber.objects.filter(email="ana@example.org").exists()
