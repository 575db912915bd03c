"""Journalists' alerts: an accredited journalist signs in, chooses alerts (embargoed material
included) in the press area, and receives an embargoed item when an editor shares it with the
press; readers get it only once it is public. Each embargoed message is in the audit log."""

import datetime
import zoneinfo

import pytest
from django.test import Client

from newsroom.alerts import tasks
from newsroom.alerts.models import Subscriber
from newsroom.core.i18n import translate
from newsroom.mailing.models import Delivery
from newsroom.press.factories import embargo, press_account
from newsroom.press.models import AuditEntry

from .conftest import html_of, links_in, path_of, story, text_of
from .helpers import sign_up, staff_client

pytestmark = pytest.mark.django_db

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
RELEASE = datetime.datetime(2031, 11, 17, 14, 0, tzinfo=BRUSSELS)
BANNER = "EMBARGOED until 14:00 CET, 17 November 2031"
PASSWORD = "a-long-press-password"


def journalist(username, email):
    account = press_account(username, password=PASSWORD)
    account.user.email = email
    account.user.save()
    browser = Client()
    signed_in = browser.post("/en/press/sign-in/", {"username": username, "password": PASSWORD})
    assert signed_in.status_code == 302, signed_in.content.decode()
    return account, browser


def choose_alerts(browser, mailbox, language="en", **choices):
    path = "/en/alerts/press/" if language == "en" else "/fr/alertes/presse/"
    page = browser.get(path)
    assert page.status_code == 200, page.content.decode()
    data = {"frequency": "immediately", "language": language, **choices}
    saved = mailbox.run(browser.post, path, data)
    assert saved.status_code == 200 and "alerts__saved" in saved.content.decode()
    return saved


@pytest.fixture
def people(client, mailbox):
    sign_up(client, mailbox, "reader@example.org", everything="on")
    ana, ana_browser = journalist("ana", "Ana@Quotidien.example")
    choose_alerts(ana_browser, mailbox, everything="on", embargoed="on")
    bo, bo_browser = journalist("bo", "bo@weekly.example")
    choose_alerts(bo_browser, mailbox, everything="on")  # no embargoed material
    mailbox.clear()
    return {"ana": (ana, ana_browser), "bo": (bo, bo_browser)}


def item(news_index, title="Ministers agree a new readiness plan", slug="readiness-plan"):
    return story(news_index, title=title, slug=slug, live=False,
                 teaser="A plan agreed behind closed doors.")  # fmt: skip


def test_a_journalist_who_chose_embargoed_material_receives_it_when_shared(
    mailbox, people, news_index
):
    ana, ana_browser = people["ana"]
    # No confirmation message for a press account: its address is the account's.
    subscriber = Subscriber.objects.get(press_account=ana)
    assert subscriber.email == "ana@quotidien.example" and subscriber.is_confirmed

    shared = mailbox.run(embargo, item(news_index), RELEASE)
    message = mailbox.only("ana@quotidien.example")
    assert message["Subject"] == f"{BANNER}: Ministers agree a new readiness plan"
    text, html = text_of(message), html_of(message)
    assert text.startswith(BANNER)
    assert html.index(BANNER) < html.index("Ministers agree a new readiness plan")
    assert "A plan agreed behind closed doors." in text
    press_link = path_of(links_in(message)[0])
    assert press_link == f"/en/press/items/{shared.pk}/"
    assert ana_browser.get(press_link).status_code == 200
    assert Client().get(press_link).status_code in (302, 403)  # not for the public
    # Readers, and the journalist who did not ask for embargoed items, get nothing yet.
    assert [m["To"] for m in mailbox.messages()] == ["ana@quotidien.example"]

    entry = AuditEntry.objects.get(channel="e-mail")
    assert (entry.user, entry.page_id, entry.outlet) == (ana.user, shared.pk, "Le Quotidien")
    assert entry.item_title == "Ministers agree a new readiness plan"

    # The embargo is lifted (the editor publishes now): readers are told, as for any item.
    mailbox.clear()
    shared.go_live_at = None
    mailbox.run(lambda: shared.save_revision().publish())
    assert "reader@example.org" in [m["To"] for m in mailbox.messages()]
    assert AuditEntry.objects.filter(channel="e-mail").count() == 1  # public: not audited


def test_a_moved_embargo_is_told_once_with_the_old_time_and_a_republish_sends_nothing(
    mailbox, people, news_index
):
    shared = mailbox.run(embargo, item(news_index), RELEASE)
    assert mailbox.only("ana@quotidien.example")["Subject"].startswith(BANNER)
    mailbox.clear()

    # Published again at the same time (a typo fixed): nothing new is sent.
    shared.teaser = "A plan agreed behind closed doors, in full."
    mailbox.run(embargo, shared, RELEASE)
    assert mailbox.messages() == []

    # Moved two hours later: one message with the new time, saying what the old one was.
    later = RELEASE + datetime.timedelta(hours=2)
    mailbox.run(embargo, shared, later)
    message = mailbox.only("ana@quotidien.example")
    assert message["Subject"].startswith("EMBARGOED until 16:00 CET, 17 November 2031: ")
    moved = "The embargo has moved: it was until 14:00 CET, 17 November 2031."
    assert moved in text_of(message) and moved in html_of(message)
    assert "in full" in text_of(message)  # the version shared now
    mailbox.clear()

    # And back to the first time: told again, since the last message gave 16:00.
    mailbox.run(embargo, shared, RELEASE)
    message = mailbox.only("ana@quotidien.example")
    assert message["Subject"].startswith(BANNER)
    assert "it was until 16:00 CET, 17 November 2031." in text_of(message)
    assert [m["To"] for m in mailbox.messages()] == ["ana@quotidien.example"]  # readers: no
    assert AuditEntry.objects.filter(channel="e-mail").count() == 3


def test_an_item_not_shared_with_the_press_is_sent_to_nobody(mailbox, people, news_index):
    mailbox.run(embargo, item(news_index), RELEASE, share=False)
    assert mailbox.messages() == []
    assert not AuditEntry.objects.exists()


def test_a_deactivated_press_account_stops_receiving_at_once(
    mailbox, people, news_index, django_capture_on_commit_callbacks
):
    ana, _browser = people["ana"]
    # Shared and queued; the account is deactivated before the worker sends.
    with django_capture_on_commit_callbacks(execute=False):
        queued = embargo(item(news_index), RELEASE)
    tasks.fan_out_embargo.call(queued.pk, queued.latest_revision.pk)
    assert Delivery.objects.filter(dispatch__kind="embargo", status="queued").count() == 1
    ana.active = False
    ana.save()
    mailbox.run(lambda: None)
    assert mailbox.messages() == []
    assert not AuditEntry.objects.exists()

    # Nor is anything queued for them afterwards (the account's user disabled instead).
    ana.active = True
    ana.save()
    ana.user.is_active = False
    ana.user.save()
    mailbox.run(embargo, item(news_index, "A second plan", "second-plan"), RELEASE)
    assert mailbox.messages() == []


def test_each_journalist_gets_the_embargoed_version_in_their_language_only(
    mailbox, people, news_index, french, django_capture_on_commit_callbacks
):
    _account, browser = journalist("claire", "claire@journal.example")
    choose_alerts(browser, mailbox, language="fr", everything="on", embargoed="on")
    mailbox.clear()
    english = item(news_index)
    french_item = translate(english, french, {english.title: "Un nouveau plan de préparation",
                                              english.slug: "plan-preparation"},
                            publish=False)  # fmt: skip
    # Both shared in one go (the fan-outs run after both are scheduled).
    with django_capture_on_commit_callbacks(execute=False):
        embargo(french_item, RELEASE)
        embargo(english, RELEASE)
    for version in (english, french_item):
        mailbox.run(tasks.fan_out_embargo.call, version.pk, version.latest_revision.pk)
    message = mailbox.only("claire@journal.example")
    assert message["Subject"] == (
        "SOUS EMBARGO jusqu’à 14 h 00 CET, le 17 novembre 2031 : Un nouveau plan de préparation"
    )
    assert text_of(message).startswith("SOUS EMBARGO jusqu’à 14 h 00 CET, le 17 novembre 2031")
    assert mailbox.only("ana@quotidien.example")["Subject"] == (
        f"{BANNER}: Ministers agree a new readiness plan"
    )
    assert AuditEntry.objects.filter(channel="e-mail").count() == 2
    # Shared again (a new embargo time): the French journalist still gets no English copy.
    mailbox.clear()
    mailbox.run(embargo, english, RELEASE + datetime.timedelta(hours=1))
    assert [m["To"] for m in mailbox.messages()] == ["ana@quotidien.example"]


def test_the_first_version_shared_goes_to_every_journalist_once(mailbox, news_index, french):
    _account, browser = journalist("claire", "claire@journal.example")
    choose_alerts(browser, mailbox, language="fr", everything="on", embargoed="on")
    mailbox.clear()
    english = item(news_index)
    mailbox.run(embargo, english, RELEASE)
    assert mailbox.only("claire@journal.example")["Subject"].startswith("EMBARGOED")
    french_item = translate(english, french, {english.title: "Un nouveau plan"}, publish=False)
    mailbox.run(embargo, french_item, RELEASE)
    assert len(mailbox.messages("claire@journal.example")) == 1


def test_erasing_a_journalists_subscription_keeps_the_audit_row_without_the_address(
    mailbox, people, news_index
):
    ana, _browser = people["ana"]
    shared = mailbox.run(embargo, item(news_index), RELEASE)
    assert mailbox.only("ana@quotidien.example")
    entry = AuditEntry.objects.get(channel="e-mail")
    assert entry.path == "mailto:ana@quotidien.example"

    officer = staff_client("Moderators", "officer")
    subscriber = Subscriber.objects.get(press_account=ana)
    erased = officer.post(f"/admin/alert_subscribers/delete/{subscriber.pk}/")
    assert erased.status_code == 302

    entry.refresh_from_db()  # the press office still knows an embargoed copy went out ...
    assert (entry.user, entry.page_id) == (ana.user, shared.pk)
    assert entry.path.startswith("mailto:sha256:")  # ... but not to which address
    assert not AuditEntry.objects.filter(path__icontains="quotidien").exists()
    assert not Delivery.objects.filter(address="ana@quotidien.example").exists()
