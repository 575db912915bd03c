"""The demo newsroom's commands: `newsroom setup` and `load-demo` into an empty newsroom, with
what they refuse and what they print. Each test loads the demo itself (test_demo.py shares one
load between its tests)."""

import io
import re
from unittest import mock

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.models import Page

from demo import content, content_fr, loader
from demo.loader import load_demo
from demo.management.commands.load_demo import Command as LoadDemo
from newsroom.core.models import StandardPage
from newsroom.images.models import NewsroomImage
from newsroom.news.models import NewsItemPage, StoryPage, VideoPage
from newsroom.topics.models import Person, TopicPage


def quiet_setup():
    call_command("newsroom_setup", stdout=io.StringIO())


def english(model):
    return model.objects.filter(locale__language_code="en")


@pytest.fixture
def demo(home):
    # Loaded for this test alone: the embargo below ends an hour after the load.
    with mock.patch.dict(loader.TRANSLATIONS, clear=True):
        load_demo(home, stdout=io.StringIO())
    home.refresh_from_db()
    return home


# --- commands --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_setup_twice_loads_the_demo_once_and_keeps_an_editors_change(empty_site):
    out = io.StringIO()
    call_command("newsroom_setup", stdout=out)
    assert "Demo newsroom loaded" in out.getvalue()
    assert english(NewsItemPage).live().count() == 15
    assert english(StoryPage).count() == 11 and english(VideoPage).count() == 1
    assert "Demo in fr:" in out.getvalue()
    french = NewsItemPage.objects.filter(locale__language_code="fr")
    assert french.count() == len(content_fr.ITEMS) == 9

    story = StoryPage.objects.get(slug=content.ITEMS[1]["slug"])
    story.title = "Edited by the press office"
    story.save_revision().publish()

    out = io.StringIO()
    call_command("newsroom_setup", stdout=out)
    assert "content left as it is" in out.getvalue()
    assert english(NewsItemPage).live().count() == 15
    assert french.count() == 9
    assert sorted(english(NewsItemPage).live().values_list("slug", flat=True)) == sorted(
        item["slug"] for item in content.ITEMS
    )
    assert StoryPage.objects.get(slug=content.ITEMS[1]["slug"]).title == (
        "Edited by the press office"
    )
    assert english(TopicPage).count() == len(content.TOPICS)
    assert english(Person).count() == len(content.PEOPLE)
    # The explainer and the footer's pages, once in each language.
    assert english(StandardPage).count() == 1 + len(content.ABOUT_PAGES)
    languages = TopicPage.objects.count() // len(content.TOPICS)
    assert StandardPage.objects.count() == languages * (1 + len(content.ABOUT_PAGES)) == 8


@pytest.mark.django_db
def test_load_demo_refuses_a_newsroom_that_already_has_items(empty_site):
    quiet_setup()
    images_before = NewsroomImage.objects.count()
    with pytest.raises(CommandError, match="already has items"):
        call_command(LoadDemo(), stdout=io.StringIO())
    home = Page.objects.get(depth=2, locale__language_code="en").specific
    with pytest.raises(CommandError, match="only loaded into an empty one"):
        load_demo(home, stdout=io.StringIO())
    assert english(NewsItemPage).live().count() == 15
    assert NewsroomImage.objects.count() == images_before


@pytest.mark.django_db
def test_load_demo_creates_nothing_when_it_fails_half_way(home):
    with (
        mock.patch("demo.loader._front_page", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError),
    ):
        load_demo(home, stdout=io.StringIO())
    assert not NewsItemPage.objects.exists()
    assert not NewsroomImage.objects.exists()
    assert not TopicPage.objects.exists()


@pytest.mark.django_db
def test_demo_is_english_only_when_french_is_not_configured(settings, empty_site):
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [("en", "English")]
    out = io.StringIO()
    call_command(LoadDemo(), stdout=out)
    assert "Demo in fr" not in out.getvalue()
    assert NewsItemPage.objects.live().count() == 15
    assert not Page.objects.filter(locale__language_code="fr").exists()
    assert TopicPage.objects.count() == len(content.TOPICS)


# --- the press account --------------------------------------------------------------------


def test_demo_has_an_embargoed_story_and_a_press_account(client, demo):
    from newsroom.press.embargo import embargoed_pages

    [entry] = embargoed_pages("en")
    minutes = (entry.until - timezone.now()).total_seconds() / 60
    assert 55 <= minutes <= 61
    assert client.get(entry.item.url).status_code == 404  # nothing leaks before release
    assert entry.item.title not in client.get("/en/").content.decode()


def test_demo_prints_the_press_password_once(client, home):
    output = io.StringIO()
    with mock.patch.dict(loader.TRANSLATIONS, clear=True):
        load_demo(home, stdout=output)
    text = output.getvalue()
    password = re.search(r"user name: press\s+password:\s+(\S+)", text).group(1)
    response = client.post("/en/press/sign-in/", {"username": "press", "password": password})
    assert response.status_code == 302
    page = client.get("/en/press/").content.decode()
    assert "EMBARGOED until" in page and "undersea infrastructure" in page
