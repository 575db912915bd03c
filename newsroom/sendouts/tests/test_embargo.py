"""Embargoed items: before the release only accredited contacts (linked to an active press
account) are sent the item, marked EMBARGOED in the subject and at the top, each message a row
in the embargo audit log; everyone else on the chosen lists receives it when the embargo ends.

``test_no_way_reaches_a_non_accredited_address_before_the_release`` tries every way we know an
embargoed release could leave early, and checks the SMTP server received nothing for the
non-accredited addresses until the release."""

import datetime

import pytest

from newsroom.mailing.models import Delivery
from newsroom.press.factories import embargo
from newsroom.press.models import AuditEntry
from newsroom.sendouts import tasks
from newsroom.sendouts.models import MediaList, SendOut

from .conftest import BANNER, RELEASE, accredited, html_of, release, text_of
from .helpers import act, contact, hand_list, page_of, prepare

pytestmark = pytest.mark.django_db

ACCREDITED = {"ana@quotidien.example", "old@wire.example"}


@pytest.fixture
def people(db):
    account = accredited("ana", "ana@quotidien.example")
    ana = contact("Ana Reporter", "ana@quotidien.example", outlet="Le Quotidien",
                  press_account=account, beats="defence")  # fmt: skip
    bo = contact("Bo Writer", "bo@weekly.example", outlet="Weekly", beats="defence")
    # A press account that was closed: no longer accredited.
    closed = accredited("closed", "closed@wire.example")
    closed.active = False
    closed.save()
    cy = contact("Cy Closed", "closed@wire.example", press_account=closed, beats="defence")
    # Accredited, but the account's user was switched off.
    off = accredited("off", "off@wire.example")
    off.user.is_active = False
    off.user.save()
    dee = contact("Dee Off", "off@wire.example", press_account=off, beats="defence")
    return {"ana": ana, "bo": bo, "cy": cy, "dee": dee,
            "list": hand_list("Defence desk", ana, bo, cy, dee)}  # fmt: skip


@pytest.fixture
def shared(news_index, mailbox):
    item = release(news_index, live=False)
    return mailbox.run(embargo, item, RELEASE)


def queue_only(mailbox, client, sendout, **data):
    """Send now, but stop once the messages are queued (no worker has sent them yet)."""
    with mailbox.capture(execute=False):
        act(client, sendout, "send-now", **data)
    with mailbox.capture(execute=False):  # the outbox's sending task is not run
        tasks.send.call(sendout.pk)


def publish_now(item):
    """The embargo is lifted: the press officer publishes now (as the scheduler does at the
    go-live time)."""
    item.refresh_from_db()
    item.go_live_at = None
    item.save_revision().publish()


def test_under_embargo_only_accredited_contacts_receive_it_marked_and_audited(
    officer, mailbox, shared, people
):
    sendout = prepare(officer, shared, lists=[people["list"]])
    before = page_of(officer, sendout)
    assert "Under embargo until" in before.content.decode()
    assert before.context["reach"].accredited == 1

    done = mailbox.run(act, officer, sendout, "send-now")
    assert "the others will receive it when the embargo ends" in done.content.decode()
    assert mailbox.addresses() == ["ana@quotidien.example"]
    message = mailbox.only("ana@quotidien.example")
    assert message["Subject"] == f"{BANNER}: Ministers agree a new readiness plan"
    text, html = text_of(message), html_of(message)
    assert text.startswith(BANNER)
    body = html[html.index("<body") :]
    assert body.index(BANNER) < body.index("Dear colleagues") < body.index("Ministers agree")
    assert f"https://news.example.org/en/press/items/{shared.pk}/" in text
    [entry] = AuditEntry.objects.filter(channel="e-mail")
    assert (entry.user.username, entry.outlet, entry.page_id) == ("ana", "Le Quotidien", shared.pk)
    assert entry.path == "mailto:ana@quotidien.example"
    status = page_of(officer, sendout)
    assert status.context["sendout"].status == SendOut.Status.EMBARGO
    assert status.context["waiting"] == 3

    # The embargo ends: the others get the public item, Ana no second copy, no audit rows.
    mailbox.clear()
    mailbox.run(publish_now, shared)
    assert mailbox.addresses() == ["bo@weekly.example", "closed@wire.example", "off@wire.example"]
    public = mailbox.only("bo@weekly.example")
    assert public["Subject"] == "Ministers agree a new readiness plan"
    assert "EMBARGOED" not in text_of(public)
    assert "https://news.example.org/en/news/2031/11/17/readiness-plan/" in text_of(public)
    assert AuditEntry.objects.filter(channel="e-mail").count() == 1
    assert SendOut.objects.get().status == SendOut.Status.SENT


def test_no_way_reaches_a_non_accredited_address_before_the_release(
    officer, editor, mailbox, shared, people, news_index
):
    early = set()

    def check(step):
        received = {m["To"] for m in mailbox.messages()}
        leaked = received - ACCREDITED - {"officer@press.example.org"}
        early.update(leaked)
        assert not leaked, f"{step}: {sorted(leaked)}"

    # 1. Send now to a list and to a non-accredited contact chosen by hand.
    first = prepare(officer, shared, lists=[people["list"]], contacts=[people["bo"]])
    mailbox.run(act, officer, first, "send-now")
    check("send now")
    # 2. A double click, and a second press officer, on the same send-out.
    mailbox.run(act, officer, first, "send-now")
    check("double click")
    # 3. The background task run again (a retried worker) while still under embargo.
    mailbox.run(tasks.send.call, first.pk)
    mailbox.run(tasks.item_public.call, shared.pk)
    check("tasks run again")
    # 4. "Send when it is public": nothing at all before the release, accredited or not.
    later = prepare(officer, shared, contacts=[people["bo"], people["ana"]])
    mailbox.run(act, officer, later, "send-when-public", again="yes")
    check("send when public")
    assert SendOut.objects.get(pk=later.pk).status == SendOut.Status.WAITING
    # 5. A rule list of non-accredited contacts only, and one of everyone.
    rule = MediaList.objects.create(name="Not accredited", kind="rule", rule_accredited="no")
    everyone = MediaList.objects.create(name="Everyone", kind="rule")
    third = prepare(officer, shared, lists=[rule, everyone])
    mailbox.run(act, officer, third, "send-now", again="yes")
    check("rule lists")
    # 6. A test to yourself is for the press officer's own address only.
    mailbox.run(act, officer, third, "test")
    check("test to yourself")
    assert len(mailbox.messages("officer@press.example.org")) == 1
    # 7. A correction of the embargoed send-out goes only to those who received it.
    mailbox.run(act, officer, first, "correct", note="The date was wrong.")
    check("correction")
    # 8. An accredited contact loses accreditation while their message is queued.
    new = contact(
        "Eve Wire", "eve@wire.example", press_account=accredited("eve", "eve@wire.example")
    )
    fourth = prepare(officer, shared, contacts=[new])
    queue_only(mailbox, officer, fourth, again="yes")  # the "everyone" rule list has her too
    assert Delivery.objects.filter(address="eve@wire.example", status="queued").count() == 1
    new.press_account.active = False
    new.press_account.save()
    mailbox.run(lambda: None)
    check("accreditation withdrawn while queued")
    assert not mailbox.messages("eve@wire.example")
    # 9. The contact's link to a press account is removed while queued.
    fay = contact(
        "Fay Wire", "fay@wire.example", press_account=accredited("fay", "fay@wire.example")
    )
    fifth = prepare(officer, shared, contacts=[fay])
    queue_only(mailbox, officer, fifth, again="yes")
    assert Delivery.objects.filter(address="fay@wire.example", status="queued").count() == 1
    type(fay).objects.filter(pk=fay.pk).update(press_account=None)
    mailbox.run(lambda: None)
    check("press account unlinked while queued")
    # 10. The embargo is moved later (a new scheduled revision): still nobody else.
    mailbox.run(embargo, shared, RELEASE + datetime.timedelta(days=1))
    mailbox.run(tasks.item_public.call, shared.pk)
    check("embargo moved")
    # 11. An editor (who cannot publish) tries to send.
    sixth = prepare(editor, shared, contacts=[people["bo"]])
    editor.post(f"/admin/sendouts/send/{sixth.pk}/", {"action": "send-now", "again": "yes"})
    mailbox.run(lambda: None)
    check("editor")
    # (Sharing withdrawn while copies are queued, and unpublishing: tests of their own below.)
    assert not early
    accredited_so_far = {m["To"] for m in mailbox.messages()} - {"officer@press.example.org"}
    assert accredited_so_far == {"ana@quotidien.example"}

    # Then the release: everyone on the send-outs gets it, once.
    mailbox.clear()
    mailbox.run(publish_now, shared)
    received = [m["To"] for m in mailbox.messages()]
    assert sorted(set(received)) == sorted(
        {
            "ana@quotidien.example",
            "bo@weekly.example",
            "closed@wire.example",
            "off@wire.example",
            "eve@wire.example",
            "fay@wire.example",
        }  # fmt: skip
    )
    # Bo was on three send-outs (the press officer said "send again" twice): once each.
    assert received.count("bo@weekly.example") == 3
    assert received.count("ana@quotidien.example") == 1  # the "send when public" send-out


def test_an_item_neither_public_nor_shared_cannot_be_sent_now(officer, mailbox, news_index, people):
    draft = release(news_index, title="A draft", slug="a-draft", live=False)
    sendout = prepare(officer, draft, contacts=[people["ana"], people["bo"]])
    refused = mailbox.run(act, officer, sendout, "send-now")
    assert "cannot be sent now" in refused.content.decode()
    test = mailbox.run(act, officer, sendout, "test")
    assert "publish it, or share it with the press" in test.content.decode()
    assert mailbox.messages() == []
    assert officer.get(f"/admin/sendouts/send/{sendout.pk}/preview/").status_code == 200
    mailbox.run(act, officer, sendout, "send-when-public")
    assert mailbox.messages() == []
    mailbox.run(lambda: draft.save_revision().publish())
    assert mailbox.addresses() == ["ana@quotidien.example", "bo@weekly.example"]


def test_unpublishing_cancels_what_was_not_sent(officer, mailbox, news_index, people):
    public = release(news_index, title="Public now", slug="public-now")
    sendout = prepare(officer, public, contacts=[people["bo"]])
    queue_only(mailbox, officer, sendout)
    assert Delivery.objects.filter(status="queued").count() == 1
    public.unpublish()
    mailbox.run(lambda: None)
    assert mailbox.messages() == []
    assert Delivery.objects.get().status == "cancelled"


def test_an_embargo_withdrawn_from_the_press_stops_queued_copies(officer, mailbox, shared, people):
    sendout = prepare(officer, shared, lists=[people["list"]])
    queue_only(mailbox, officer, sendout)
    assert Delivery.objects.filter(status="queued").count() == 1
    mailbox.run(embargo, shared, RELEASE, share=False)  # still scheduled, no longer shared
    mailbox.run(lambda: None)
    assert mailbox.messages() == []
    assert not AuditEntry.objects.filter(channel="e-mail").exists()
