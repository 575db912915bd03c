"""Daily and weekly digests: subscribers sign up over HTTP, items are published the way editors
publish, and the scheduler's job (``digests.send_due``, given the moment it runs at) sends to a
real SMTP server; the messages are parsed as received."""

import datetime
import zoneinfo

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Site

from newsroom.alerts import digests, links, tasks
from newsroom.alerts.models import Subscriber
from newsroom.core.models import OrganisationSettings
from newsroom.mailing.models import Delivery
from newsroom.news.factories import SpeechPageFactory

from .conftest import html_of, links_in, path_of, story, text_of
from .helpers import sign_up

pytestmark = pytest.mark.django_db

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
MINUTE = datetime.timedelta(minutes=1)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture(autouse=True)
def newsroom_title(home):
    organisation = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    organisation.newsroom_title = "NATO Newsroom"
    organisation.save()


def publish(mailbox, page):
    return mailbox.run(lambda: page.save_revision().publish())


def subscriber(email):
    return Subscriber.objects.get(email=email)


def british_day(moment):
    """The date the digest names, written independently of the code under test."""
    local = moment.astimezone(BRUSSELS)
    return f"{local.day} {local:%B %Y}"


def test_a_daily_digest_lists_every_matching_item_newest_first_once(
    client, mailbox, news_index, topic
):
    sign_up(client, mailbox, "daily@example.org", frequency="daily", digest_time="07:00",
            topics=[topic.translation_key])  # fmt: skip
    sign_up(client, mailbox, "now@example.org", topics=[topic.translation_key])
    mailbox.clear()
    due = subscriber("daily@example.org").next_digest_at
    local_due = due.astimezone(BRUSSELS)
    assert local_due.time() == datetime.time(7, 0)
    assert timezone.now() < due <= timezone.now() + datetime.timedelta(days=1)

    titles = []
    for day in (14, 17, 13, 16, 15):  # published in a muddled order
        item = story(news_index, title=f"Readiness update of {day} November", live=False,
                     slug=f"update-{day}", display_date=datetime.date(2023, 11, day))  # fmt: skip
        item.topics.set([topic])
        publish(mailbox, item)
        titles.append(item.title)
    publish(mailbox, story(news_index, title="Unrelated story", slug="unrelated", live=False))
    # The immediate subscriber had each at once; the daily one nothing yet.
    assert len(mailbox.messages("now@example.org")) == 5
    assert mailbox.messages("daily@example.org") == []
    mailbox.clear()

    assert mailbox.run(digests.send_due, due - MINUTE) == 0
    assert mailbox.messages() == []
    assert mailbox.run(digests.send_due, due + MINUTE) == 1
    message = mailbox.only("daily@example.org")
    assert message["Subject"] == f"NATO Newsroom: 5 new items, {british_day(due)}"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    newest_first = [f"Readiness update of {day} November" for day in (17, 16, 15, 14, 13)]
    for part in (text_of(message), html_of(message)):
        positions = [part.index(title) for title in newest_first]
        assert positions == sorted(positions), part
        assert "Unrelated story" not in part
    assert "17 November 2023" in text_of(message)
    item_links = [path_of(link) for link in links_in(message) if "/news/" in link]
    assert item_links[0] == "/en/news/2023/11/17/update-17/" and len(item_links) == 5
    assert Client().get(item_links[0]).status_code == 200

    # The scheduler runs again (another server, the next minute): the period is not sent twice.
    assert mailbox.run(digests.send_due, due + 2 * MINUTE) == 0
    assert mailbox.run(tasks.send_digests.call) == 0
    assert len(mailbox.messages()) == 1
    assert Delivery.objects.filter(dispatch__kind="digest").count() == 1


def test_no_digest_when_nothing_matched_and_the_next_period_starts_where_the_last_ended(
    client, mailbox, news_index, topic
):
    sign_up(client, mailbox, "daily@example.org", frequency="daily",
            topics=[topic.translation_key])  # fmt: skip
    mailbox.clear()
    first = subscriber("daily@example.org").next_digest_at
    assert first.astimezone(BRUSSELS).time() == datetime.time(8, 0)  # the default time
    publish(mailbox, story(news_index, title="Not on the topic", slug="off-topic", live=False))

    assert mailbox.run(digests.send_due, first + MINUTE) == 0
    assert mailbox.messages() == []
    second = subscriber("daily@example.org").next_digest_at
    assert second.astimezone(BRUSSELS).date() == first.astimezone(BRUSSELS).date() + (
        datetime.timedelta(days=1)
    )
    assert second.astimezone(BRUSSELS).time() == datetime.time(8, 0)

    # An item that became public after the first digest's moment belongs to the second.
    item = story(news_index, title="Readiness after the first digest", slug="later", live=False)
    item.topics.set([topic])
    publish(mailbox, item)
    type(item).objects.filter(pk=item.pk).update(first_published_at=first + 3 * MINUTE)
    assert mailbox.run(digests.send_due, second + MINUTE) == 1
    message = mailbox.only("daily@example.org")
    assert message["Subject"] == f"NATO Newsroom: 1 new item, {british_day(second)}"
    assert "Readiness after the first digest" in text_of(message)


def test_an_item_already_in_a_digest_is_not_in_the_next(client, mailbox, news_index):
    sign_up(client, mailbox, "daily@example.org", frequency="daily", types=["speech"])
    mailbox.clear()
    first = subscriber("daily@example.org").next_digest_at
    publish(mailbox, SpeechPageFactory(parent=news_index, title="First speech", live=False))
    assert mailbox.run(digests.send_due, first + MINUTE) == 1
    second = subscriber("daily@example.org").next_digest_at
    mailbox.clear()
    assert mailbox.run(digests.send_due, second + MINUTE) == 0
    assert mailbox.messages() == []


def test_a_weekly_digest_comes_on_its_weekday_at_its_time(client, mailbox, news_index):
    sign_up(client, mailbox, "weekly@example.org", frequency="weekly", digest_weekday="3",
            digest_time="17:00", everything="on")  # fmt: skip
    sign_up(client, mailbox, "monday@example.org", frequency="weekly", everything="on")
    mailbox.clear()
    thursday = subscriber("weekly@example.org").next_digest_at.astimezone(BRUSSELS)
    assert (thursday.weekday(), thursday.time()) == (3, datetime.time(17, 0))
    assert thursday - timezone.now() <= datetime.timedelta(days=7)
    monday = subscriber("monday@example.org").next_digest_at.astimezone(BRUSSELS)
    assert (monday.weekday(), monday.time()) == (0, datetime.time(8, 0))  # the defaults

    publish(mailbox, story(news_index, title="A week's news", slug="weeks-news", live=False))
    assert mailbox.run(digests.send_due, thursday - MINUTE) == (1 if monday < thursday else 0)
    mailbox.clear()
    Delivery.objects.all().delete()
    assert mailbox.run(digests.send_due, thursday + MINUTE) in (1, 2)
    assert mailbox.only("weekly@example.org")["Subject"] == (
        f"NATO Newsroom: 1 new item, {british_day(thursday)}"
    )
    after = subscriber("weekly@example.org").next_digest_at.astimezone(BRUSSELS)
    assert after == thursday + datetime.timedelta(days=7)  # wall clock: 17:00 even across DST
    assert after.time() == datetime.time(17, 0)


def test_changing_the_time_on_the_manage_page_moves_the_next_digest(client, mailbox):
    sign_up(client, mailbox, "daily@example.org", frequency="daily", everything="on")
    manage = links.path(subscriber("daily@example.org"), links.MANAGE)
    response = client.post(manage, {"frequency": "daily", "digest_time": "18:00",
                                                "everything": "on", "language": "en"})  # fmt: skip
    assert response.status_code == 200
    moment = subscriber("daily@example.org").next_digest_at.astimezone(BRUSSELS)
    assert moment.time() == datetime.time(18, 0) and moment > timezone.now()


def test_no_digest_for_a_subscriber_who_left_or_is_suppressed(client, mailbox, news_index):
    from newsroom.mailing import outbox

    sign_up(client, mailbox, "left@example.org", frequency="daily", everything="on")
    sign_up(client, mailbox, "bounced@example.org", frequency="daily", everything="on")
    mailbox.clear()
    due = max(subscriber(email).next_digest_at for email in ("left@example.org",
                                                             "bounced@example.org"))  # fmt: skip
    publish(mailbox, story(news_index, title="For nobody", slug="for-nobody", live=False))
    subscriber("left@example.org").delete()
    outbox.suppress("bounced@example.org", "bounce")
    mailbox.run(digests.send_due, due + MINUTE)
    assert mailbox.messages() == []


def test_switching_from_immediate_alerts_to_a_digest_sends_nothing_twice(
    client, mailbox, news_index
):
    sign_up(client, mailbox, "switch@example.org", everything="on")
    mailbox.clear()
    publish(mailbox, story(news_index, title="Sent at once", slug="sent-at-once", live=False))
    assert mailbox.only("switch@example.org")["Subject"] == "Sent at once"
    manage = links.path(subscriber("switch@example.org"), links.MANAGE)
    response = client.post(manage, {"frequency": "daily", "everything": "on", "language": "en"})
    assert response.status_code == 200
    mailbox.clear()
    publish(mailbox, story(news_index, title="After the switch", slug="after", live=False))
    assert mailbox.messages() == []  # a digest subscriber now
    due = subscriber("switch@example.org").next_digest_at
    assert mailbox.run(digests.send_due, due + MINUTE) == 1
    text = text_of(mailbox.only("switch@example.org"))
    assert "After the switch" in text and "Sent at once" not in text


FRENCH_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                 "septembre", "octobre", "novembre", "décembre"]  # fmt: skip


def test_a_french_subscribers_digest_is_in_french(client, mailbox, news_index):
    sign_up(client, mailbox, "fr@example.org", frequency="daily", everything="on", language="fr")
    mailbox.clear()
    for slug in ("one", "two"):
        publish(mailbox, story(news_index, title=f"Item {slug}", slug=slug, live=False))
    due = subscriber("fr@example.org").next_digest_at
    assert mailbox.run(digests.send_due, due + MINUTE) == 1
    local = due.astimezone(BRUSSELS)
    date = f"{local.day} {FRENCH_MONTHS[local.month - 1]} {local.year}"
    message = mailbox.only("fr@example.org")
    assert message["Subject"] == f"NATO Newsroom : 2 nouveaux contenus, {date}"
    assert "/fr/alertes/desabonnement/" in message["List-Unsubscribe"]


def test_the_schedulers_periodic_job_sends_the_digests_that_are_due(
    client, mailbox, news_index, monkeypatch
):
    from newsroom.scheduling import periodic

    sign_up(client, mailbox, "daily@example.org", frequency="daily", everything="on")
    mailbox.clear()
    item = story(news_index, title="Yesterday's news", slug="yesterday", live=False)
    publish(mailbox, item)
    now = timezone.now()
    # As if the subscriber's 08:00 passed an hour ago, the item having become public before.
    type(item).objects.filter(pk=item.pk).update(first_published_at=now - 2 * HOUR)
    Subscriber.objects.filter(email="daily@example.org").update(
        last_digest_at=now - 25 * HOUR, next_digest_at=now - HOUR
    )
    for job in periodic._jobs:
        monkeypatch.setitem(job, "last", None)
    mailbox.run(periodic.run_due)
    assert "Yesterday's news" in text_of(mailbox.only("daily@example.org"))
    assert subscriber("daily@example.org").next_digest_at > now
    # The scheduler of another server, the same minute: nothing more.
    for job in periodic._jobs:
        monkeypatch.setitem(job, "last", None)
    mailbox.run(periodic.run_due)
    assert len(mailbox.messages()) == 1
