"""Fixtures for the syndication tests: a small newsroom with every kind of item and tag."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

HOSTILE_TITLE = "Allies & partners <agree> on “Ukraine” — Ελλάδα, Україна, 北约 'quoted' \"double\""


@pytest.fixture(autouse=True)
def _syndication_settings(settings):
    from wagtail.embeds.finders import get_finders

    settings.WAGTAILEMBEDS_FINDERS = [
        {"class": "newsroom.syndication.tests.fake_embeds.FakeVideoFinder"}
    ]
    settings.NEWSROOM_API_RATE_LIMIT = "off"
    get_finders.cache_clear()
    cache.clear()
    yield
    get_finders.cache_clear()
    cache.clear()


@pytest.fixture
def topic(topic_index):
    from newsroom.topics.factories import TopicPageFactory

    return TopicPageFactory(parent=topic_index, title="Ukraine & Allies")


@pytest.fixture
def person(db):
    from newsroom.topics.factories import PersonFactory

    return PersonFactory(name="Jens Stoltenberg", slug="jens-stoltenberg")


@pytest.fixture
def place(db):
    from newsroom.topics.factories import PlaceFactory

    return PlaceFactory(name="Belgium", iso_code="BE")


def publish_now(item, when=None):
    """Pretend the item was first published at ``when`` (default: now, on its display date)."""
    when = when or timezone.now()
    type(item).objects.filter(pk=item.pk).update(first_published_at=when, last_published_at=when)
    item.refresh_from_db()
    return item


@pytest.fixture
def story(news_index, topic, person, place):
    from newsroom.news.factories import StoryPageFactory

    item = StoryPageFactory(
        parent=news_index,
        title=HOSTILE_TITLE,
        teaser="Teaser with & and <b>not bold</b> and “quotes”.",
        display_date=timezone.localdate(),
        with_image=True,
        topics=[topic],
        people=[person],
    )
    item.places.set([place])
    item.save_revision().publish()
    return publish_now(item)


@pytest.fixture
def video(news_index, topic):
    from newsroom.news.factories import VideoPageFactory

    item = VideoPageFactory(
        parent=news_index,
        title="Video: exercise Steadfast",
        display_date=timezone.localdate() - datetime.timedelta(days=1),
        with_image=True,
        topics=[topic],
    )
    return publish_now(item, timezone.now() - datetime.timedelta(days=1))


def tag_items(items, *, topics=(), people=(), places=()):
    """Tag many items straight in the M2M tables (much faster than publishing each again)."""
    from newsroom.news.models import NewsItemPage

    for relation, objects, column in (
        (NewsItemPage.topics.through, topics, "topicpage"),
        (NewsItemPage.people.through, people, "person"),
        (NewsItemPage.places.through, places, "place"),
    ):
        relation.objects.bulk_create(
            [
                relation(newsitempage_id=item.pk, **{column: obj})
                for item in items
                for obj in objects
            ]
        )


@pytest.fixture
def many_items(news_index, topic, person, place):
    """make(n): n more published stories, each with its own image, tagged with the topic, person
    and place. Written in bulk (newsroom/synthetic/bulk_pages.py): the same rows a publish
    writes, at a small part of the cost of publishing each one."""
    from newsroom.delivery.invalidation import content_changed
    from newsroom.images.factories import ImageFactory
    from newsroom.news.factories import StoryPageFactory
    from newsroom.news.models import ChangeNote
    from newsroom.synthetic.bulk_pages import add_live_children

    def make(count):
        now = timezone.now()
        items = []
        for image in ImageFactory.create_batch(count):
            item = StoryPageFactory.build(
                listing_image=image, first_published_at=now, last_updated_at=now
            )
            item.topics, item.people, item.places = [topic], [person], [place]
            items.append(item)
        add_live_children(news_index, items)
        # Every item has been corrected once and every other twice: feeds and items read
        # their notes in a number of queries that does not grow with them.
        ChangeNote.objects.bulk_create(
            ChangeNote(page_id=item.pk, published_at=now, text=f"Correction {number}")
            for item in items
            for number in range(1 + items.index(item) % 2)
        )
        content_changed()  # bulk writes send no signals: what a publish tells every cache
        return items

    return make
