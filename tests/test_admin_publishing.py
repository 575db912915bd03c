"""An editor writes and publishes a story in the Wagtail admin, and edits the front page."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from newsroom.images.factories import ImageFactory
from newsroom.news.factories import StoryPageFactory
from newsroom.news.models import StoryPage
from newsroom.topics.factories import TopicPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", password="long-enough-password")
    client.force_login(user)
    return user


def story_form(**overrides):
    data = {
        "title": "Allies open a new training centre",
        "slug": "new-training-centre",
        "display_date": "2023-11-18",
        "dateline": "Bucharest",
        "teaser": "A new centre will train civil experts in resilience.",
        "body": streamfield([("paragraph", rich_text("<p>The centre opened on Saturday.</p>"))]),
        "related_links": inline_formset([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    topics = overrides.pop("topics", [])
    data.update(overrides)
    form = nested_form_data(data)
    form["topics"] = topics  # a multiple choice: a list, not a nested form
    return form


def test_editor_publishes_a_story_that_leads_the_front_page(
    client, editor, news_index, topic_index
):
    StoryPageFactory(parent=news_index, title="An older story")
    topic = TopicPageFactory(parent=topic_index, title="Resilience")
    image = ImageFactory(description="A lecture hall")
    response = client.post(
        f"/admin/pages/add/news/storypage/{news_index.pk}/",
        story_form(listing_image=image.pk, topics=[topic.pk]),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    story = StoryPage.objects.get(slug="new-training-centre")
    assert story.live and story.topics.get() == topic
    client.logout()

    front = client.get("/en/").text
    latest = front.split('id="latest-heading"')[1]
    assert latest.index("Allies open a new training centre") < latest.index("An older story")
    assert "18 November 2023" in latest
    page = client.get("/en/news/2023/11/18/new-training-centre/")
    assert page.status_code == 200 and "The centre opened on Saturday." in page.text
    assert "Allies open a new training centre" in client.get("/en/topics/resilience/").text


def test_admin_refuses_a_story_without_a_teaser_and_keeps_the_input(client, editor, news_index):
    response = client.post(
        f"/admin/pages/add/news/storypage/{news_index.pk}/", story_form(teaser="")
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert "Allies open a new training centre" in response.content.decode()
    assert not StoryPage.objects.exists()


def test_editor_changes_the_featured_highlights(client, editor, home, news_index):
    first = StoryPageFactory(parent=news_index, title="First highlight")
    second = StoryPageFactory(parent=news_index, title="Second highlight")
    data = nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "latest_count": 10,
            "more_links_heading": "",
            "featured_items": inline_formset([{"item": second.pk}, {"item": first.pk}]),
            "more_links": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/{home.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()
    featured = client.get("/en/").text.split('class="featured"')[1].split("</section>")[0]
    assert featured.index("Second highlight") < featured.index("First highlight")
