"""What is sent when an item becomes public, to whom, and what the message looks like: the
real fan-out task, the real sender and a real SMTP server; messages parsed as received."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from newsroom.alerts import matching
from newsroom.alerts.models import Subscriber
from newsroom.core.i18n import translate
from newsroom.mailing import outbox
from newsroom.mailing.models import Delivery
from newsroom.news.factories import PressReleasePageFactory, SpeechPageFactory
from newsroom.press.factories import embargo

from .conftest import html_of, links_in, path_of, story, text_of
from .helpers import sign_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscribers(client, mailbox, topic, person):
    sign_up(client, mailbox, "all@example.org", everything="on")
    sign_up(client, mailbox, "topic@example.org", topics=[topic.translation_key])
    sign_up(client, mailbox, "person@example.org", people=[person.translation_key])
    sign_up(client, mailbox, "speeches@example.org", types=["speech"])
    sign_up(client, mailbox, "many@example.org", everything="on", types=["story"],
            topics=[topic.translation_key], people=[person.translation_key])  # fmt: skip
    Subscriber.objects.create(email="pending@example.org", language="en", everything=True)
    mailbox.clear()


def publish(mailbox, page):
    return mailbox.run(lambda: page.save_revision().publish())


def recipients(mailbox):
    return sorted(message["To"] for message in mailbox.messages())


def test_a_published_item_reaches_each_matching_subscriber_once(
    mailbox, subscribers, news_index, topic, person
):
    item = story(news_index, title="Allies agree a readiness plan", live=False)
    item.topics.set([topic])
    item.people.set([person])
    publish(mailbox, item)
    assert recipients(mailbox) == [
        "all@example.org", "many@example.org", "person@example.org", "topic@example.org"
    ]  # fmt: skip
    # Published again (an edit): nothing is sent again.
    item.title = "Allies agree a readiness plan (updated)"
    publish(mailbox, item)
    assert len(mailbox.messages()) == 4


def test_type_choices_match_the_item_type(mailbox, subscribers, news_index):
    publish(mailbox, SpeechPageFactory(parent=news_index, live=False))
    assert recipients(mailbox) == ["all@example.org", "many@example.org", "speeches@example.org"]
    mailbox.clear()
    publish(mailbox, PressReleasePageFactory(parent=news_index, live=False))
    assert recipients(mailbox) == ["all@example.org", "many@example.org"]


def test_the_message_has_both_parts_the_headers_and_links_that_work(
    mailbox, subscribers, news_index
):
    item = story(news_index, title="Allies agree a readiness plan", live=False, with_image=True,
                 teaser="A plan for faster reinforcement.")  # fmt: skip
    publish(mailbox, item)
    message = mailbox.only("all@example.org")
    assert message["Subject"] == "Allies agree a readiness plan"
    assert message["Auto-Submitted"] == "auto-generated" and message["Message-ID"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe.startswith("https://news.example.org/en/alerts/unsubscribe/")
    text, html = text_of(message), html_of(message)
    for part in (text, html):
        assert "Allies agree a readiness plan" in part
        assert "17 November 2023" in part and "A plan for faster reinforcement." in part
        assert "https://news.example.org/en/news/2023/11/17/" in part
    assert 'alt="' in html and "<img" in html and "max-width:600px" in html
    assert 'name="viewport"' in html
    reader = Client()
    item_link, manage, leave = links_in(message)[0], links_in(message)[-2], links_in(message)[-1]
    assert reader.get(path_of(item_link)).status_code == 200
    assert reader.get(path_of(manage)).status_code == 200
    assert path_of(leave) == path_of(unsubscribe)
    # Another subscriber's links are their own.
    other = mailbox.only("many@example.org")
    assert other["List-Unsubscribe"] != message["List-Unsubscribe"]


@pytest.mark.parametrize("state", ["draft", "scheduled", "embargoed", "private", "expired"])
def test_nothing_is_sent_for_an_item_that_is_not_public(
    mailbox, subscribers, news_index, state, home
):
    item = story(news_index, title=f"A {state} item", live=False)
    later = timezone.now() + datetime.timedelta(days=2)
    if state == "draft":
        mailbox.run(item.save_revision)
    elif state == "scheduled":
        item.go_live_at = later
        publish(mailbox, item)
    elif state == "embargoed":
        mailbox.run(embargo, item, later)
    elif state == "private":
        PageViewRestriction.objects.create(page=news_index, restriction_type="password",
                                           password="x")  # fmt: skip
        publish(mailbox, item)
    elif state == "expired":
        item.expire_at = timezone.now() - datetime.timedelta(minutes=1)
        item.save()
        publish(mailbox, item)
        item.refresh_from_db()
    assert mailbox.messages() == []
    assert not Delivery.objects.filter(dispatch__kind="alert").exists()


def test_an_item_unpublished_before_its_messages_left_sends_no_more(
    mailbox, subscribers, news_index, django_capture_on_commit_callbacks
):
    item = story(news_index, title="Published by mistake", live=False)
    # The fan-out has run, the messages are queued; the sender has not run yet.
    with django_capture_on_commit_callbacks(execute=False):
        item.save_revision().publish()
    from newsroom.alerts import tasks

    tasks.fan_out_item.call(item.pk)
    assert Delivery.objects.filter(status="queued").count() == 2
    item.refresh_from_db()
    item.unpublish()
    assert outbox.counts(matching.source(item))["cancelled"] == 2
    mailbox.run(lambda: None)
    assert mailbox.messages() == []


def test_an_item_made_private_after_queueing_is_not_sent(
    mailbox, subscribers, news_index, django_capture_on_commit_callbacks
):
    item = story(news_index, title="Soon private", live=False)
    with django_capture_on_commit_callbacks(execute=False):
        item.save_revision().publish()
    from newsroom.alerts import tasks

    tasks.fan_out_item.call(item.pk)
    PageViewRestriction.objects.create(page=item, restriction_type="password", password="x")
    mailbox.run(lambda: None)
    assert mailbox.messages() == []  # asked again at render time


def test_a_subscriber_who_left_after_queueing_is_not_sent(
    mailbox, subscribers, news_index, django_capture_on_commit_callbacks
):
    item = story(news_index, title="After leaving", live=False)
    with django_capture_on_commit_callbacks(execute=False):
        item.save_revision().publish()
    from newsroom.alerts import tasks

    tasks.fan_out_item.call(item.pk)
    Subscriber.objects.filter(email="all@example.org").delete()
    mailbox.run(lambda: None)
    assert recipients(mailbox) == ["many@example.org"]


def test_suppressed_addresses_are_not_sent(mailbox, subscribers, news_index):
    outbox.suppress("all@example.org", "bounce")
    publish(mailbox, story(news_index, title="Not to a bouncing address", live=False))
    assert recipients(mailbox) == ["many@example.org"]


def test_language_a_translation_replaces_the_other_version(
    client, mailbox, news_index, french, topic
):
    sign_up(client, mailbox, "en@example.org", everything="on", language="en")
    sign_up(client, mailbox, "fr@example.org", everything="on", language="fr")
    sign_up(client, mailbox, "fr-late@example.org", everything="on", language="fr")
    mailbox.clear()
    # Published in both languages: each gets their own language only.
    both = story(news_index, title="Allies train civil experts", slug="civil-experts", live=False)
    publish(mailbox, both)
    assert sorted(m["To"] for m in mailbox.messages()) == [
        "en@example.org",
        "fr-late@example.org",
        "fr@example.org",
    ]  # fmt: skip  (no French version yet: the English one goes to everyone)
    mailbox.clear()
    french_item = mailbox.run(
        translate, both, french,
        {both.title: "Les Alliés forment des experts civils", both.slug: "experts-civils"},
    )  # fmt: skip
    assert french_item.live
    assert mailbox.messages() == []  # they had the English version: not sent again

    # Translated before the English is published: the French readers get the French one.
    second = story(news_index, title="Second item", slug="second-item")
    mailbox.clear()
    Delivery.objects.all().delete()
    second_fr = translate(second, french, {"Second item": "Deuxième contenu",
                                           "second-item": "deuxieme-contenu"})  # fmt: skip
    mailbox.run(lambda: None)
    from newsroom.alerts import tasks

    mailbox.run(tasks.fan_out_item.call, second.pk)
    mailbox.run(tasks.fan_out_item.call, second_fr.pk)
    got = {message["To"]: message["Subject"] for message in mailbox.messages()}
    assert got == {
        "en@example.org": "Second item",
        "fr@example.org": "Deuxième contenu",
        "fr-late@example.org": "Deuxième contenu",
    }
    french_message = mailbox.only("fr@example.org")
    assert "/fr/alertes/desabonnement/" in french_message["List-Unsubscribe"]
    assert "Lire la suite" in text_of(french_message)
