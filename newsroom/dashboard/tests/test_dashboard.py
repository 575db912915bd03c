"""The admin's home page, as a press officer opens it after signing in: what goes live in the
coming 7 days (scheduled, embargoed) with times in the organisation's zone, what waits for
review, what was published today and the e-mail alerts and send-outs sent recently; in English
and in French."""

import datetime
import zoneinfo

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Workflow
from wagtail.users.models import UserProfile

from newsroom.mailing.models import Delivery, Dispatch
from newsroom.news.factories import PressReleasePageFactory, StoryPageFactory
from newsroom.news.workflow import ensure_press_review
from newsroom.press.factories import embargo
from newsroom.sendouts.models import SendOut

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client):
    user = get_user_model().objects.create_superuser("officer", password="long-enough-password")
    client.force_login(user)
    return user


@pytest.fixture
def newsroom(settings, news_index, officer):
    settings.TIME_ZONE = "Europe/Brussels"
    now = timezone.now()
    # Two days ahead at 09:30 in Brussels: the dashboard must say 09:30 whatever the server's zone.
    brussels = zoneinfo.ZoneInfo("Europe/Brussels")
    release_at = (now.astimezone(brussels) + datetime.timedelta(days=2)).replace(
        hour=9, minute=30, second=0, microsecond=0
    )
    scheduled = StoryPageFactory(parent=news_index, title="Scheduled statement", live=False)
    embargo(scheduled, release_at + datetime.timedelta(hours=1), share=False)
    embargoed = PressReleasePageFactory(parent=news_index, title="Embargoed release", live=False)
    embargo(embargoed, release_at)
    later = StoryPageFactory(parent=news_index, title="Next month's story", live=False)
    embargo(later, now + datetime.timedelta(days=30), share=False)

    ensure_press_review()
    waiting = StoryPageFactory(parent=news_index, title="Draft for review", live=False)
    waiting.save_revision(user=officer)
    Workflow.objects.get(name="Press officer review").start(waiting, officer)

    today = StoryPageFactory(parent=news_index, title="Published this morning")
    StoryPageFactory(parent=news_index, title="Published last week")
    type(today).objects.filter(pk=today.pk).update(first_published_at=now)
    type(today).objects.filter(title="Published last week").update(
        first_published_at=now - datetime.timedelta(days=7)
    )
    dispatch = Dispatch.objects.create(
        key="alert-1", kind="alert", composer="x", params={"page": today.pk}, released_at=now
    )
    for number in range(3):
        Delivery.objects.create(
            dispatch=dispatch, address=f"reader{number}@example.org", status="sent"
        )
    SendOut.objects.create(page=today, status=SendOut.Status.SENT, sent_at=now)
    return {"release_at": release_at}


def panel(client, language="en"):
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<section class="panel press-office"' in html, html[:3000]
    start = html.index('<section class="panel press-office"')
    return html[start : html.index("</section>", start)]


def test_the_dashboard_shows_what_the_press_office_needs(client, newsroom):
    html = panel(client)
    release_at = newsroom["release_at"]
    assert "Times are in the organisation’s time zone, Europe/Brussels." in html
    coming = html.split("Scheduled and embargoed in the coming 7 days")[1].split("Waiting")[0]
    assert "Embargoed release" in coming and "Embargoed: shared with the press" in coming
    assert f"{release_at:%-d %B %Y} 09:30 CE" in coming  # CET or CEST, as the date says
    assert "Scheduled statement" in coming and "10:30" in coming
    assert coming.index("Embargoed release") < coming.index("Scheduled statement")
    assert "Next month" not in coming

    review = html.split("Waiting for review")[1].split("Published today")[0]
    assert "Draft for review" in review and "officer" in review

    today = html.split("Published today")[1].split("E-mail alerts and send-outs")[0]
    assert "Published this morning" in today and "last week" not in today

    mail = html.split("E-mail alerts and send-outs of the last 7 days")[1]
    assert "E-mail alert: alert" in mail and "Published this morning" in mail
    assert "<td>3</td>" in mail and "Send-out" in mail


def test_the_zone_is_the_organisations_not_the_editors(client, newsroom, officer):
    # An editor whose own profile says Tokyo still reads the organisation's times.
    profile = UserProfile.get_for_user(officer)
    profile.current_time_zone = "Asia/Tokyo"
    profile.save()
    assert "09:30" in panel(client)


def test_the_dashboard_speaks_french(client, newsroom, officer):
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "fr"
    profile.save()
    html = panel(client, "fr")
    assert "Service de presse" in html
    assert "Programmés et sous embargo dans les 7 prochains jours" in html
    assert "En attente de relecture" in html


def test_an_empty_dashboard_says_so(client, officer, home):
    html = panel(client)
    assert "Nothing is scheduled for the coming 7 days." in html
    assert "Nothing waits for review." in html
