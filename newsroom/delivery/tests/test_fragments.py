"""Item cards are rendered once per live revision and reused until the epoch changes."""

import datetime

import pytest

from newsroom.caching import fragments, generation
from newsroom.news.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

CARD = "includes/item_card.html"
DAY = datetime.date(2023, 11, 17)


@pytest.fixture(autouse=True)
def _no_fragments():
    fragments.clear()
    yield
    fragments.clear()


@pytest.fixture
def stories(news_index):
    return [
        StoryPageFactory(
            parent=news_index,
            title=f"Story {number}",
            slug=f"story-{number}",
            display_date=DAY - datetime.timedelta(days=number),
            with_image=True,
        )
        for number in range(3)
    ]


def cards_rendered(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [template.name for template in response.templates].count(CARD), response


def test_a_listing_renders_each_card_once(client, stories):
    assert cards_rendered(client, "/en/news/")[0] == 3
    assert cards_rendered(client, "/en/news/")[0] == 0
    # the front page shows the same items as the same compact cards: rendered once for both
    assert cards_rendered(client, "/en/")[0] == 0


def test_publishing_an_item_renders_its_card_again_and_only_its_card(
    client, stories, publish, monkeypatch
):
    # As in a worker other than the one that saved (the saving one starts afresh: its local
    # version changes on every page save).
    monkeypatch.setattr(generation, "local_version", lambda: 0)
    cards_rendered(client, "/en/news/")
    stories[1].title = "Story 1, corrected"
    publish(lambda: stories[1].save_revision().publish())
    count, response = cards_rendered(client, "/en/news/")
    assert count == 1
    assert "Story 1, corrected" in response.text
    assert ">Story 1<" not in response.text


def test_another_worker_knows_a_card_is_outdated_by_the_live_revision(stories, monkeypatch):
    # Another process does not see this one's local version: the revision alone must do.
    monkeypatch.setattr(generation, "local_version", lambda: 0)
    item = stories[0]
    before = fragments.item_key(item, "card")
    item.save_revision().publish()
    # as a listing loads it
    assert fragments.item_key(type(item).objects.get(pk=item.pk), "card") != before


def test_an_image_change_renders_every_card_again(client, stories, publish):
    cards_rendered(client, "/en/news/")
    image = stories[0].listing_image
    image.description = "Ministers around the table"
    publish(image.save)
    count, response = cards_rendered(client, "/en/news/")
    assert count == 3
    assert 'alt="Ministers around the table"' in response.text


def test_renaming_the_news_section_renders_cards_with_the_new_addresses(
    client, stories, news_index, publish
):
    cards_rendered(client, "/en/news/")
    news_index.slug = "press-room"
    publish(lambda: news_index.save_revision().publish())
    count, response = cards_rendered(client, "/en/press-room/")
    assert count == 3
    assert 'href="/en/press-room/2023/11/17/story-0/"' in response.text
    assert "/en/news/2023" not in response.text


def test_search_results_are_not_reused(client, stories):
    assert cards_rendered(client, "/en/search/?q=story")[0] == 3
    assert cards_rendered(client, "/en/search/?q=story")[0] == 3


# --- an item page's <head> and article --------------------------------------------------------
@pytest.fixture
def published_story(news_index, topic_index, publish):
    from newsroom.topics.factories import TopicPageFactory

    topic = TopicPageFactory(parent=topic_index, title="Cyber defence", slug="cyber-defence")
    story = StoryPageFactory(parent=news_index, title="Allies meet", teaser="Ministers meet.")
    story.topics.set([topic])
    publish(lambda: story.save_revision().publish())
    story.refresh_from_db()
    return story, topic


def test_an_item_page_reuses_its_head_and_article_until_its_next_revision(
    client, published_story, publish, monkeypatch
):
    from newsroom.news.models import NewsItemPage

    monkeypatch.setattr(generation, "local_version", lambda: 0)  # as in any other worker
    story, _ = published_story
    assert 'content="Ministers meet."' in client.get(story.url).text
    # A change no publish announces is not seen, even in a new generation of the same epoch:
    # the pieces are kept by the live revision.
    NewsItemPage.objects.filter(pk=story.pk).update(teaser="Written behind the site's back.")
    generation.bump()
    page = client.get(story.url).text
    assert "Written behind" not in page and 'content="Ministers meet."' in page
    story.teaser = "Ministers agree."
    publish(lambda: story.save_revision().publish())
    page = client.get(story.url).text
    assert 'content="Ministers agree."' in page  # the head
    assert '<p class="item__teaser">Ministers agree.</p>' in page  # the article


def test_a_preview_never_shows_the_live_pieces(client, published_story):
    story, _ = published_story
    assert "Allies meet" in client.get(story.url).text
    story.title = "Draft headline"
    preview = story.make_preview_request().content.decode()
    head, body = preview.split("</head>")
    assert "<h1>Draft headline</h1>" in body and "Draft headline" in head
    assert "<h1>Allies meet</h1>" not in preview
    assert "<h1>Allies meet</h1>" in client.get(story.url).text


def test_publishing_a_topic_renames_it_on_the_item_pages(
    client, published_story, publish, monkeypatch
):
    monkeypatch.setattr(generation, "local_version", lambda: 0)
    story, topic = published_story
    assert ">Cyber defence</a>" in client.get(story.url).text
    topic.title = "Cyber security"
    publish(lambda: topic.save_revision().publish())
    page = client.get(story.url).text
    assert ">Cyber security</a>" in page and "Cyber defence" not in page


def test_a_video_whose_player_could_not_be_fetched_gets_it_once_the_provider_answers(
    client, news_index, publish, monkeypatch
):
    from django.test import override_settings
    from wagtail.embeds.finders import get_finders

    from newsroom.news.factories import VideoPageFactory

    video = VideoPageFactory(parent=news_index, title="Exercise footage")
    publish(lambda: video.save_revision().publish())
    video.refresh_from_db()
    unreachable = [{"class": "newsroom.delivery.tests.test_fragments.UnreachableFinder"}]
    with override_settings(WAGTAILEMBEDS_FINDERS=unreachable):
        get_finders.cache_clear()
        assert "<iframe" not in client.get(video.url).text  # the fallback
    get_finders.cache_clear()  # the offline finder of the test settings answers again
    assert "<iframe" not in client.get(video.url).text  # kept for a minute: not asked again...
    monkeypatch.setattr(fragments, "RETRY_SECONDS", 0)
    fragments._incomplete.clear()
    with override_settings(WAGTAILEMBEDS_FINDERS=unreachable):
        get_finders.cache_clear()
        assert "<iframe" not in client.get(video.url).text
    get_finders.cache_clear()
    assert "<iframe" in client.get(video.url).text  # ...then asked again: the player is back


class UnreachableFinder:
    def __init__(self, **options):
        pass

    def accept(self, url):
        return True

    def find_embed(self, url, max_width=None, max_height=None):
        from wagtail.embeds.exceptions import EmbedNotFoundException

        raise EmbedNotFoundException
