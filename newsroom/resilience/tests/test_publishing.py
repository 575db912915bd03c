"""A publish is all or nothing, through the admin's Add and Edit forms and through
``Revision.publish()``: one that fails half-way leaves no live page and no publish log entry
(nor a cache bump: that is an on-commit callback of the rolled-back publish), and keeps the
editor's revision. The SIGKILL version runs against real servers in tests/cluster/test_faults.py."""

import pytest
from django.contrib.auth import get_user_model
from django.core import checks
from wagtail.models import PageLogEntry, get_page_models
from wagtail.signals import page_published
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from newsroom.core.publishing import AtomicPublish
from newsroom.news.factories import StoryPageFactory
from newsroom.news.models import StoryPage
from newsroom.resilience.apps import check_pages_publish_in_one_transaction

pytestmark = pytest.mark.django_db


class PublishFailed(Exception):
    pass


@pytest.fixture
def failing_publish():
    """Every publish fails where a server could be killed: after the page is saved as live,
    before the log entries."""

    def fail(sender, instance, **kwargs):
        raise PublishFailed(instance.title)

    page_published.connect(fail, dispatch_uid="test-failing-publish")
    yield
    page_published.disconnect(dispatch_uid="test-failing-publish")


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", password="long-enough-password")
    client.force_login(user)
    return user


def story_form(title, slug):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "display_date": "2023-11-18",
            "dateline": "Bucharest",
            "teaser": "A new centre will train civil experts.",
            "body": streamfield([("paragraph", rich_text("<p>The centre opened.</p>"))]),
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    ) | {"topics": []}


def published_logs(page):
    return PageLogEntry.objects.filter(page=page, action="wagtail.publish").count()


def test_a_new_page_whose_publish_fails_stays_a_draft_with_its_revision(
    client, editor, news_index, failing_publish
):
    with pytest.raises(PublishFailed):
        client.post(
            f"/admin/pages/add/news/storypage/{news_index.pk}/",
            story_form("A statement being published", "interrupted"),
        )
    page = StoryPage.objects.get(slug="interrupted")
    assert page.live is False and page.first_published_at is None
    assert page.latest_revision.content["title"] == "A statement being published"
    assert published_logs(page) == 0


@pytest.fixture
def story(news_index):
    return StoryPageFactory(parent=news_index, title="The live title", slug="live-story")


def test_an_edit_whose_publish_fails_keeps_the_live_version_and_the_revision(
    client, editor, story, failing_publish
):
    logs = published_logs(story)
    with pytest.raises(PublishFailed):
        client.post(f"/admin/pages/{story.pk}/edit/", story_form("A new title", "live-story"))
    story.refresh_from_db()
    assert story.live and story.title == "The live title"
    assert story.latest_revision.content["title"] == "A new title"
    assert story.live_revision != story.latest_revision
    assert published_logs(story) == logs


def test_a_scheduled_or_workflow_publish_through_revision_publish_is_rolled_back(
    news_index, failing_publish
):
    page = StoryPage(title="Drafted", slug="drafted", display_date="2023-11-18", teaser="T.")
    page.live = False
    news_index.add_child(instance=page)
    revision = page.save_revision()
    with pytest.raises(PublishFailed):
        revision.publish()
    page.refresh_from_db()
    assert page.live is False and page.live_revision is None
    assert published_logs(page) == 0


def test_the_admin_still_publishes(client, editor, news_index):
    response = client.post(
        f"/admin/pages/add/news/storypage/{news_index.pk}/",
        story_form("Allies open a centre", "centre"),
    )
    assert response.status_code == 302
    page = StoryPage.objects.get(slug="centre")
    assert page.live and page.first_published_at and published_logs(page) == 1


def test_every_page_type_of_the_project_publishes_in_one_transaction():
    project = [model for model in get_page_models() if model.__module__.startswith("newsroom.")]
    assert project and all(issubclass(model, AtomicPublish) for model in project)
    assert check_pages_publish_in_one_transaction() == []


def test_the_check_names_a_page_type_without_it(monkeypatch):
    class PlainPage:
        __module__ = "newsroom.example"

    monkeypatch.setattr("wagtail.models.get_page_models", lambda: [PlainPage])
    (error,) = check_pages_publish_in_one_transaction()
    assert isinstance(error, checks.Error) and error.id == "newsroom.E001"
    assert "PlainPage" in error.msg


def test_a_publish_through_the_admin_api_that_fails_is_rolled_back(
    client, editor, news_index, failing_publish
):
    page = StoryPage(title="Drafted", slug="drafted", display_date="2023-11-18", teaser="T.")
    page.live = False
    news_index.add_child(instance=page)
    page.save_revision()
    with pytest.raises(PublishFailed):
        client.post(f"/admin/api/main/pages/{page.pk}/action/publish/")
    page.refresh_from_db()
    assert page.live is False and published_logs(page) == 0
