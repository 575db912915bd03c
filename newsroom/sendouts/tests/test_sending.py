"""Send-outs of a public item through the admin: the form, the counts before sending, the
preview, a test to yourself, *send now* to lists and contacts (a real SMTP server receives the
messages), no double sending, the warning before a second send-out to the same contacts,
refusals of an empty or fully suppressed send-out, per-recipient states and totals, one-click
unsubscribe, and a correction to everyone who received the original."""

import re

import pytest
from django.test import Client, override_settings

from newsroom.mailing import outbox
from newsroom.mailing.models import Delivery, Suppression
from newsroom.mailing.testing import report_bounce
from newsroom.news.tests.test_corrections import story_form
from newsroom.sendouts import links, tasks
from newsroom.sendouts.models import MediaContact, MediaList, SendOut

from .conftest import html_of, release, staff, text_of
from .helpers import act, contact, hand_list, page_of, prepare

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(news_index):
    return release(news_index, title="Allies agree a readiness plan", slug="readiness-plan",
                   display_date="2023-11-17")  # fmt: skip


@pytest.fixture
def press(db):
    ana = contact(
        "Ana Reporter",
        "ana@quotidien.example",
        outlet="Le Quotidien",
        beats="defence",
        country="BE",
        languages="fr,en",
    )
    bo = contact("Bo Writer", "bo@weekly.example", outlet="Weekly", beats="climate", country="FR")
    cy = contact("Cy Bounced", "cy@gone.example", outlet="Gone", beats="defence")
    outbox.suppress("cy@gone.example", Suppression.Reason.BOUNCE, "550 no such user")
    return {"ana": ana, "bo": bo, "cy": cy, "list": hand_list("Brussels defence", ana, cy)}


def test_a_press_officer_sends_a_public_release_to_a_list_and_a_contact(
    officer, mailbox, item, press
):
    edit = officer.get(f"/admin/pages/{item.pk}/edit/")
    assert f"/admin/sendouts/new/{item.pk}/" in edit.content.decode()  # the header's button
    sendout = prepare(officer, item, lists=[press["list"]], contacts=[press["bo"]])

    before = page_of(officer, sendout)
    reach = before.context["reach"]
    assert (reach.members, reach.suppressed, reach.unsubscribed, reach.receiving) == (3, 1, 0, 2)
    html = before.content.decode()
    assert "2 will receive it" in html
    [(listed, list_reach)] = before.context["lists"]
    assert (listed.name, list_reach.members, list_reach.suppressed) == ("Brussels defence", 2, 1)
    assert not mailbox.messages()  # nothing is sent by preparing

    preview = officer.get(f"/admin/sendouts/send/{sendout.pk}/preview/")
    assert preview.status_code == 200
    assert "Dear colleagues, ahead of the summit." in preview.content.decode()
    assert "Allies agree a readiness plan" in preview.content.decode()

    tested = mailbox.run(act, officer, sendout, "test")
    assert "A test is on its way to officer@press.example.org" in tested.content.decode()
    test = mailbox.only("officer@press.example.org")
    assert test["Subject"] == "[Test] Allies agree a readiness plan"
    assert mailbox.addresses() == ["officer@press.example.org"]
    mailbox.clear()

    sent = mailbox.run(act, officer, sendout, "send-now")
    assert "on its way" in sent.content.decode()
    assert mailbox.addresses() == ["ana@quotidien.example", "bo@weekly.example"]
    message = mailbox.only("ana@quotidien.example")
    assert message["Subject"] == "Allies agree a readiness plan"
    assert message["From"] == "NATO Press Office <newsroom@localhost>"
    assert message["Reply-To"] == "press@nato.example"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].startswith(
        "<https://news.example.org/en/media-mail/unsubscribe/"
    )
    text = text_of(message)
    assert text.index("Dear colleagues, ahead of the summit.") < text.index(
        "Allies agree a readiness plan"
    )
    assert "https://news.example.org/en/news/2023/11/17/readiness-plan/" in text
    assert "Dear colleagues" in html_of(message)
    assert "x-newsroom" not in text + html_of(message)

    after = page_of(officer, sendout)
    states = {row["address"]: row["state"] for row in after.context["recipients"]}
    assert states == {"ana@quotidien.example": "sent", "bo@weekly.example": "sent",
                      "cy@gone.example": "suppressed"}  # fmt: skip
    totals = after.context["totals"]
    assert (totals["sent"], totals["suppressed"], totals["queued"]) == (2, 1, 0)
    assert totals["opened"] is None  # tracking is off unless switched on
    assert 'data-state="sent">sent: 2</li>' in after.content.decode()
    item_page = officer.get(f"/admin/sendouts/items/{item.pk}/")
    assert item_page.context["totals"]["sent"] == 2
    assert SendOut.objects.get().status == SendOut.Status.SENT


def test_a_bounce_reported_by_the_sending_service_shows_and_stops_later_send_outs(
    officer, mailbox, item, press, settings
):
    sendout = prepare(officer, item, contacts=[press["ana"], press["bo"]])
    mailbox.run(act, officer, sendout, "send-now")
    assert sorted(mailbox.addresses()) == ["ana@quotidien.example", "bo@weekly.example"]
    answer = report_bounce(Client(), settings, "Bo@Weekly.example")
    assert answer.status_code == 200
    after = page_of(officer, sendout)
    rows = {row["address"]: row for row in after.context["recipients"]}
    assert rows["bo@weekly.example"]["state"] == "bounced"
    assert "550 5.1.1" in rows["bo@weekly.example"]["reason"]
    assert rows["ana@quotidien.example"]["state"] == "sent"
    assert after.context["totals"]["bounced"] == 1
    mailbox.clear()
    second = prepare(officer, item, contacts=[press["ana"], press["bo"]])
    mailbox.run(act, officer, second, "send-now", again="yes")
    assert mailbox.addresses() == ["ana@quotidien.example"]
    rows = page_of(officer, second).context["recipients"]
    assert {row["address"]: row["state"] for row in rows}["bo@weekly.example"] == "suppressed"


def test_a_double_click_or_two_press_officers_send_it_once(officer, mailbox, item, press, db):
    other = staff("Moderators", "second", "second@press.example.org")
    sendout = prepare(officer, item, contacts=[press["ana"], press["bo"]])
    mailbox.run(act, officer, sendout, "send-now")
    again = mailbox.run(act, officer, sendout, "send-now")
    assert "already sent" in again.content.decode()
    by_other = mailbox.run(act, other, sendout, "send-now")
    assert "already sent" in by_other.content.decode()
    assert mailbox.addresses() == ["ana@quotidien.example", "bo@weekly.example"]
    # The background task run a second time (a retried worker) adds nobody either.
    SendOut.objects.filter(pk=sendout.pk).update(status=SendOut.Status.QUEUED)
    mailbox.run(tasks.send.call, sendout.pk)
    assert len(mailbox.messages()) == 2
    assert Delivery.objects.count() == 2


def test_a_second_send_out_to_the_same_contacts_warns_first(officer, mailbox, item, press):
    first = prepare(officer, item, contacts=[press["ana"]])
    mailbox.run(act, officer, first, "send-now")
    mailbox.clear()
    second = prepare(officer, item, lists=[press["list"]], contacts=[press["bo"]])
    assert (
        "1 of these contacts was already sent this item"
        in page_of(officer, second).content.decode()
    )
    warned = mailbox.run(act, officer, second, "send-now")
    assert "Tick “Send to them again”" in warned.content.decode()
    assert mailbox.messages() == [] and SendOut.objects.get(pk=second.pk).status == "draft"
    mailbox.run(act, officer, second, "send-now", again="yes")
    assert mailbox.addresses() == ["ana@quotidien.example", "bo@weekly.example"]


def test_an_empty_or_fully_suppressed_send_out_is_refused_with_a_message(
    officer, mailbox, item, press
):
    empty = hand_list("Nobody yet")
    sendout = prepare(officer, item, lists=[empty])
    refused = mailbox.run(act, officer, sendout, "send-now")
    assert "Nobody would receive it" in refused.content.decode()
    suppressed = prepare(officer, item, contacts=[press["cy"]])
    refused = mailbox.run(act, officer, suppressed, "send-now")
    assert "Nobody would receive it" in refused.content.decode()
    assert mailbox.messages() == [] and not Delivery.objects.exists()
    # Neither list nor contacts: the form says so.
    form = officer.post(f"/admin/sendouts/new/{item.pk}/", {"note": "x"})
    assert form.status_code == 200
    assert "Choose at least one media list or one contact." in form.content.decode()


def test_a_rule_list_is_evaluated_when_sending(officer, mailbox, item, press):
    rule = MediaList.objects.create(
        name="French-speaking defence", kind="rule", rule_beat="defence", rule_language="fr"
    )
    sendout = prepare(officer, item, lists=[rule])
    assert page_of(officer, sendout).context["reach"].members == 1  # Ana
    # Added after the send-out was prepared, before it is sent: included.
    contact("Dee Late", "dee@radio.example", beats="summits, defence", languages="fr")
    contact("Eve Other", "eve@radio.example", beats="defence", languages="en")
    mailbox.run(act, officer, sendout, "send-now")
    assert mailbox.addresses() == ["ana@quotidien.example", "dee@radio.example"]
    listing = officer.get("/admin/media_lists/")
    assert "2 members, 0 suppressed, 0 unsubscribed" in listing.content.decode()


def test_one_click_unsubscribe_is_shown_on_the_contact_and_respected(officer, mailbox, item, press):
    sendout = prepare(officer, item, contacts=[press["ana"], press["bo"]])
    mailbox.run(act, officer, sendout, "send-now")
    header = mailbox.only("bo@weekly.example")["List-Unsubscribe"]
    address = header.strip("<>").removeprefix("https://news.example.org")
    visitor = Client(enforce_csrf_checks=True)
    looked = visitor.get(address)  # a link scanner: shows the button, changes nothing
    assert looked.status_code == 200 and "Unsubscribe" in looked.content.decode()
    assert MediaContact.objects.get(email="bo@weekly.example").unsubscribed_at is None
    one_click = visitor.post(address, "List-Unsubscribe=One-Click",
                             content_type="application/x-www-form-urlencoded")  # fmt: skip
    assert one_click.status_code == 200  # no redirect, no cookie, no sign-in
    assert MediaContact.objects.get(email="bo@weekly.example").unsubscribed_at is not None
    assert (
        visitor.post(
            address + "x",
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        ).status_code
        == 404
    )

    states = {
        row["address"]: row["state"] for row in page_of(officer, sendout).context["recipients"]
    }
    assert states["bo@weekly.example"] == "unsubscribed"
    assert page_of(officer, sendout).context["totals"]["unsubscribed"] == 1
    contacts_index = officer.get("/admin/media_contacts/?q=bo")
    assert "Bo Writer" in contacts_index.content.decode()
    mailbox.clear()
    again = prepare(officer, item, contacts=[press["ana"], press["bo"]])
    assert page_of(officer, again).context["reach"].unsubscribed == 1
    mailbox.run(act, officer, again, "send-now", again="yes")
    assert mailbox.addresses() == ["ana@quotidien.example"]


def test_a_correction_reaches_everyone_who_received_the_original_and_nobody_else(
    officer, mailbox, item, press
):
    sendout = prepare(officer, item, lists=[press["list"]], contacts=[press["bo"]])
    mailbox.run(act, officer, sendout, "send-now")
    contact("Late Comer", "late@example.org")  # not a recipient of the original
    press["list"].members.add(MediaContact.objects.get(email="late@example.org"))
    mailbox.clear()
    note = "An earlier version gave the wrong date for the summit."
    corrected = mailbox.run(act, officer, sendout, "correct", note=note)
    assert "on its way to everyone who received it" in corrected.content.decode()
    assert mailbox.addresses() == ["ana@quotidien.example", "bo@weekly.example"]
    message = mailbox.only("ana@quotidien.example")
    assert message["Subject"] == "Correction: Allies agree a readiness plan"
    assert "An earlier version gave the wrong date for the summit." in text_of(message)


def test_a_change_note_published_with_the_item_goes_to_the_send_outs_recipients_once(
    officer, mailbox, item, press
):
    """ "Send this correction to those who received the item", ticked beside the change note in
    the item's edit form: the send-out's recipients get the note, once, as from the send-out's
    own *Send a correction*."""
    sendout = prepare(officer, item, lists=[press["list"]], contacts=[press["bo"]])
    mailbox.run(act, officer, sendout, "send-now")
    mailbox.clear()
    note = "Corrected the date of the summit."
    for dateline in ("Brussels, Belgium", "Brussels"):  # the second publish repeats the note
        form = story_form(item, change_note=note, tell_recipients=True, dateline=dateline)
        response = mailbox.run(officer.post, f"/admin/pages/{item.pk}/edit/", form)
        assert response.status_code == 302, response.content.decode()[:3000]
    assert mailbox.addresses() == ["ana@quotidien.example", "bo@weekly.example"]
    message = mailbox.only("bo@weekly.example")
    assert message["Subject"] == "Correction: Allies agree a readiness plan"
    assert note in text_of(message)


def test_an_editor_who_does_not_publish_prepares_but_cannot_send(editor, mailbox, item, press):
    sendout = prepare(editor, item, contacts=[press["ana"]])
    refused = editor.post(f"/admin/sendouts/send/{sendout.pk}/", {"action": "send-now"})
    assert refused.status_code in (302, 403)
    mailbox.run(lambda: None)
    assert mailbox.messages() == [] and SendOut.objects.get().status == "draft"


def test_tracking_opens_only_when_switched_on(officer, mailbox, item, press):
    untracked = prepare(officer, item, contacts=[press["ana"]])
    mailbox.run(act, officer, untracked, "send-now")
    assert "/media-mail/o/" not in html_of(mailbox.only("ana@quotidien.example"))
    mailbox.clear()
    tracked = prepare(officer, item, contacts=[press["bo"]], tracking="on")
    mailbox.run(act, officer, tracked, "send-now")
    html = html_of(mailbox.only("bo@weekly.example"))
    start = html.index("https://news.example.org/en/media-mail/o/")
    pixel = html[start : html.index('"', start)].removeprefix("https://news.example.org")
    assert Client().get(pixel)["Content-Type"] == "image/gif"
    states = {
        row["address"]: row["state"] for row in page_of(officer, tracked).context["recipients"]
    }
    assert states == {"bo@weekly.example": "opened"}
    assert page_of(officer, tracked).context["totals"]["opened"] == 1


def test_tracking_clicks_only_when_switched_on_and_only_to_signed_addresses(
    officer, mailbox, item, press
):
    untracked = prepare(officer, item, contacts=[press["ana"]])
    mailbox.run(act, officer, untracked, "send-now")
    html = html_of(mailbox.only("ana@quotidien.example"))
    assert "/media-mail/c/" not in html and 'href="https://news.example.org/en/news/' in html
    assert page_of(officer, untracked).context["totals"]["clicked"] is None
    mailbox.clear()

    tracked = prepare(officer, item, contacts=[press["bo"]], tracking="on")
    mailbox.run(act, officer, tracked, "send-now")
    html = html_of(mailbox.only("bo@weekly.example"))
    found = re.findall(r'href="https://news\.example\.org(/en/media-mail/c/[^"]+)"', html)
    assert found, "the release's links lead through the click redirect"
    assert "/media-mail/unsubscribe/" in html  # the unsubscribe link is never tracked
    reader = Client()
    followed = reader.get(found[0])
    assert followed.status_code == 302
    assert followed["Location"].startswith("https://news.example.org/en/news/")
    assert "private" in followed["Cache-Control"]
    reader.get(found[0])  # a second click counts once
    states = {
        row["address"]: row["state"] for row in page_of(officer, tracked).context["recipients"]
    }
    assert states == {"bo@weekly.example": "clicked"}
    assert page_of(officer, tracked).context["totals"]["clicked"] == 1

    # A link whose signed address was changed, or cut short, goes nowhere: no open redirect.
    token = found[0].rstrip("/").rsplit("/", 1)[1]
    for broken in (token[:-3], token.replace(token[5], "A" if token[5] != "A" else "B", 1)):
        response = reader.get(f"/en/media-mail/c/{broken}/")
        assert response.status_code == 404 and "Location" not in response
        assert "This link does not work" in response.text
    forged = links.clicked_url(tracked.pk, press["bo"].key.hex, "https://evil.example/")
    signed_elsewhere = forged.replace("https://news.example.org", "")
    with override_settings(SECRET_KEY="another-site"):
        assert Client().get(signed_elsewhere).status_code == 404
