"""newsroom generate: ordinary, editable Wagtail pages with a correct tree, revisions and index."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from newsroom.delivery.tests.admin_forms import edit_form_data, with_body
from newsroom.news.models import NewsItemPage, StoryPage, VideoPage
from newsroom.topics.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated(home, news_index):
    out, err = io.StringIO(), io.StringIO()
    call_command("generate", items=200, batch_size=64, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_adds_the_items_with_a_progress_report(generated, news_index):
    out, err = generated
    assert "Added 200 items" in out
    assert "200/200 items" in err
    assert NewsItemPage.objects.child_of(news_index).live().count() == 200
    assert StoryPage.objects.exists() and VideoPage.objects.exists()
    span = NewsItemPage.objects.order_by("display_date").values_list("display_date", flat=True)
    assert (span.last() - span.first()).days > 365 * 10  # spread over the years
    assert NewsItemPage.topics.through.objects.count() >= 200
    assert Person.objects.count() > 10


def test_the_tree_is_correct(generated, news_index):
    problems = Page.find_problems()
    assert all(not found for found in problems), problems
    news_index.refresh_from_db()
    assert news_index.numchild == 200
    paths = list(Page.objects.child_of(news_index).values_list("path", flat=True))
    assert len(set(paths)) == 200
    item = NewsItemPage.objects.child_of(news_index).first()
    assert item.url_path == f"{news_index.url_path}{item.slug}/"
    assert item.get_parent().specific == news_index


def test_every_item_has_a_live_revision(generated):
    for item in NewsItemPage.objects.all():
        assert item.live_revision_id == item.latest_revision_id
        assert item.live_revision.as_object().title == item.title
    assert Revision.objects.count() >= 200


def test_items_can_be_found_by_search(generated, client):
    item = NewsItemPage.objects.order_by("?").first()
    found = NewsItemPage.objects.live().search(item.title)
    assert item.pk in [result.pk for result in found]


def test_a_generated_item_opens_in_the_admin_and_can_be_published(generated, admin_client, client):
    item = StoryPage.objects.order_by("pk").first()
    edit_url = f"/admin/pages/{item.pk}/edit/"
    response = admin_client.get(edit_url)
    assert response.status_code == 200
    data = with_body(edit_form_data(response.content), ["A corrected body."])
    data.update({"title": "Edited after generation", "action-publish": "action-publish"})
    assert admin_client.post(edit_url, data).status_code == 302
    item.refresh_from_db()
    assert item.title == "Edited after generation" and item.live
    assert "A corrected body." in client.get(item.url).content.decode()


def test_generated_items_can_be_moved_and_deleted(generated, news_index):
    first, second = NewsItemPage.objects.child_of(news_index).order_by("path")[:2]
    Page.objects.get(pk=second.pk).move(first, pos="left")
    Page.objects.get(pk=first.pk).delete()
    assert all(not found for found in Page.find_problems())


def test_generating_twice_adds_more(generated, news_index):
    call_command("generate", items=20, seed=9, stdout=io.StringIO(), stderr=io.StringIO())
    assert NewsItemPage.objects.child_of(news_index).count() == 220
    assert all(not found for found in Page.find_problems())


def test_bad_numbers_are_refused(home):
    with pytest.raises(CommandError, match="positive"):
        call_command("generate", items=0)


def test_generated_items_photos_are_in_the_media_library(generated, client):
    from newsroom.news.models import NewsItemPage

    item = NewsItemPage.objects.live().exclude(listing_image=None).first()
    assert client.get(f"/en/media/photos/{item.listing_image_id}/").status_code == 200
