"""The front page: featured highlights, the newest date, the latest items and further links."""

import datetime

import pytest

from newsroom.home.models import FeaturedItem, MoreLink
from newsroom.news.factories import StoryPageFactory, VideoPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(news_index):
    stories = [
        StoryPageFactory(
            parent=news_index,
            title=f"Story {n}",
            display_date=datetime.date(2023, 11, 1) + datetime.timedelta(days=n),
            with_image=True,
        )
        for n in range(12)
    ]
    video = VideoPageFactory(
        parent=news_index, title="A unique partner", display_date=datetime.date(2023, 11, 20)
    )
    return stories, video


def section(html, start, end):
    return html.split(start, 1)[1].split(end, 1)[0]


def test_featured_highlights_in_the_editors_order(client, home, items):
    stories, video = items
    FeaturedItem.objects.create(page=home, item=stories[3], sort_order=0)
    FeaturedItem.objects.create(page=home, item=video, sort_order=1)
    featured = section(client.get("/en/").text, 'class="featured"', "</section>")
    assert featured.index("Story 3") < featured.index("Video: A unique partner")
    assert featured.count('class="featured__link"') == 2
    assert f'href="{stories[3].url}"' in featured


def test_unpublished_featured_item_disappears(client, home, items):
    stories, _ = items
    FeaturedItem.objects.create(page=home, item=stories[0], sort_order=0)
    stories[0].unpublish()
    assert 'class="featured"' not in client.get("/en/").text


def test_latest_items_date_and_calls_to_action(client, home, items):
    html = client.get("/en/").text
    latest = section(html, 'id="latest-heading"', "</section>")
    assert '<time datetime="2023-11-20">20 November 2023</time>' in latest
    assert latest.count('class="card"') + latest.count('class="card card--wide"') == 10
    assert latest.index("A unique partner") < latest.index("Story 11") < latest.index("Story 3")
    assert "Story 1<" not in latest  # only the newest ten
    assert latest.count("Watch Video") == 1 and latest.count("Read more") == 9


def test_editor_sets_the_number_of_latest_items(client, home, items):
    home.latest_count = 3
    home.save_revision().publish()
    latest = section(client.get("/en/").text, 'id="latest-heading"', "</section>")
    assert latest.count("<article") == 3


def test_further_links_to_pages_and_addresses(client, home, items, topic_index):
    stories, _ = items
    MoreLink.objects.create(page=home, link_page=stories[0], sort_order=0)
    MoreLink.objects.create(page=home, link_page=topic_index, title="All our topics", sort_order=1)
    MoreLink.objects.create(
        page=home, link_url="https://example.org/explainer", title="An explainer", sort_order=2
    )
    links = section(client.get("/en/").text, 'id="more-links-heading"', "</section>")
    assert f'<a href="{stories[0].url}">Story 0</a>' in links
    assert '<a href="/en/topics/">All our topics</a>' in links
    assert '<a href="https://example.org/explainer">An explainer</a>' in links


def test_more_link_needs_exactly_one_target(home):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        MoreLink(page=home, title="Nowhere").clean()
    with pytest.raises(ValidationError):
        MoreLink(page=home, link_url="https://example.org/").clean()  # no title


def test_empty_newsroom_front_page(client, home):
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Nothing has been published yet." in response.text


def test_root_redirects_to_the_readers_language(client, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 302 and response["Location"] == "/en/"


def test_page_is_accessible_html(client, home, items):
    html = client.get("/en/").text
    assert html.count("<h1") == 1
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html and "<header" in html and "<footer" in html
    assert 'role="search"' in html
    assert '<html lang="en">' in html
    # Nothing needs JavaScript: the only scripts are structured data for machines.
    assert html.count("<script") == html.count('<script type="application/ld+json">')
