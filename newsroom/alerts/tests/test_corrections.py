"""Corrections: an editor opens an item's "E-mail alerts" page in the Wagtail admin and sends a
short note; those who were sent the item (at once or in a digest) get it, nobody else does."""

import datetime

import pytest
from django.test import Client

from newsroom.alerts import digests
from newsroom.alerts.models import Subscriber
from newsroom.news.tests.test_corrections import story_form

from .conftest import html_of, links_in, path_of, story, text_of
from .helpers import sign_up, staff_client

pytestmark = pytest.mark.django_db

NOTE = "An earlier version gave the wrong date for the summit."


@pytest.fixture
def press_officer(db):
    # Wagtail's Moderators publish; they are the press office.
    return staff_client("Moderators", "officer")


@pytest.fixture
def published(client, mailbox, news_index, topic, other_topic):
    sign_up(client, mailbox, "sent@example.org", topics=[topic.translation_key])
    sign_up(client, mailbox, "other@example.org", topics=[other_topic.translation_key])
    sign_up(client, mailbox, "digest@example.org", frequency="daily", everything="on")
    mailbox.clear()
    item = story(news_index, title="Summit dates announced", slug="summit-dates", live=False)
    item.topics.set([topic])
    mailbox.run(lambda: item.save_revision().publish())
    due = Subscriber.objects.get(email="digest@example.org").next_digest_at
    mailbox.run(digests.send_due, due + datetime.timedelta(minutes=1))
    assert "Summit dates announced" in text_of(mailbox.only("digest@example.org"))
    # Signed up after the item went out: was never sent it.
    sign_up(client, mailbox, "late@example.org", everything="on")
    mailbox.clear()
    return item


def test_a_correction_reaches_those_who_were_sent_the_item_and_nobody_else(
    mailbox, published, press_officer
):
    edit = press_officer.get(f"/admin/pages/{published.pk}/edit/")
    assert edit.status_code == 200
    alerts_page = f"/admin/alerts/items/{published.pk}/"
    assert alerts_page in edit.content.decode()  # the header's "E-mail alerts" button

    page = press_officer.get(alerts_page)
    assert page.status_code == 200 and "Tell readers of a correction" in page.content.decode()
    response = mailbox.run(press_officer.post, alerts_page, {"note": f"  {NOTE}\n "})
    assert response.status_code == 302

    assert sorted(message["To"] for message in mailbox.messages()) == [
        "digest@example.org",
        "sent@example.org",
    ]
    message = mailbox.only("sent@example.org")
    assert message["Subject"] == "Correction: Summit dates announced"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    for part in (text_of(message), html_of(message)):
        assert NOTE in part
        assert "https://news.example.org/en/news/2023/11/17/summit-dates/" in part
    assert Client().get(path_of(links_in(message)[0])).status_code == 200

    # The page now counts the correction's messages with the item's.
    listing = press_officer.get(alerts_page).content.decode()
    assert "Summit dates announced (en)" in listing

    # The same note sent twice (a double click) is not sent twice.
    mailbox.clear()
    mailbox.run(press_officer.post, alerts_page, {"note": NOTE})
    assert mailbox.messages() == []


def test_a_correction_needs_a_note_and_a_public_item(mailbox, published, press_officer):
    alerts_page = f"/admin/alerts/items/{published.pk}/"
    empty = mailbox.run(press_officer.post, alerts_page, {"note": "   "})
    assert empty.status_code == 200 and "error-message" in empty.content.decode()
    too_long = mailbox.run(press_officer.post, alerts_page, {"note": "x" * 501})
    assert too_long.status_code == 200
    published.refresh_from_db()
    published.unpublish()
    refused = mailbox.run(press_officer.post, alerts_page, {"note": NOTE})
    assert "Only a public item" in refused.content.decode()
    assert mailbox.messages() == []


def test_an_editor_who_cannot_publish_cannot_send_a_correction(mailbox, published):
    editor = staff_client("Editors", "writer")
    alerts_page = f"/admin/alerts/items/{published.pk}/"
    assert editor.get(alerts_page).status_code == 200
    assert "Tell readers of a correction" not in editor.get(alerts_page).content.decode()
    refused = mailbox.run(editor.post, alerts_page, {"note": NOTE})
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # Wagtail's refusal
    assert mailbox.messages() == []
    reader = Client()
    assert reader.get(alerts_page).status_code == 302  # to the admin's sign-in
    assert mailbox.run(reader.post, alerts_page, {"note": NOTE}).status_code == 302
    assert mailbox.messages() == []


def test_a_change_note_published_with_the_item_is_sent_once_to_those_who_were_sent_it(
    mailbox, published, press_officer, topic
):
    """The editor ticks "Send this correction to those who received the item" next to the
    note in the item's edit form and publishes: the correction goes out, once."""
    edit_url = f"/admin/pages/{published.pk}/edit/"
    form = story_form(
        published, topics=[topic.pk], change_note=NOTE, tell_recipients=True, dateline="Rome"
    )
    response = mailbox.run(press_officer.post, edit_url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    corrections = [m for m in mailbox.messages() if m["Subject"].startswith("Correction:")]
    # (late@, who signed up after the item went out, is sent the item itself: any publish
    # adds those who match since; never the correction of a version they were not sent.)
    assert sorted(m["To"] for m in corrections) == ["digest@example.org", "sent@example.org"]
    message = mailbox.only("sent@example.org")
    assert message["Subject"] == "Correction: Summit dates announced"
    assert NOTE in text_of(message) and NOTE in html_of(message)
    assert NOTE in Client().get(published.url).text  # and readers see it on the page

    # The same note published again, box ticked (the editor re-publishes a fix): not resent.
    mailbox.clear()
    form = story_form(
        published, topics=[topic.pk], change_note=NOTE, tell_recipients=True, dateline="Milan"
    )
    assert mailbox.run(press_officer.post, edit_url, form).status_code == 302
    assert [(m["To"], m["Subject"]) for m in mailbox.messages()] == []

    # A note without the box ticked is only shown, never sent.
    form = story_form(published, topics=[topic.pk], change_note="Added the venue.")
    assert mailbox.run(press_officer.post, edit_url, form).status_code == 302
    assert mailbox.messages() == []
    assert "Added the venue." in Client().get(published.url).text
