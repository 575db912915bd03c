"""Queries per page must not grow with the archive: the same count with 12 and 60 items (five
times as many is enough to show a query per item; each publish costs, so not more)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.home.models import FeaturedItem, MoreLink
from newsroom.news.factories import StoryPageFactory, VideoPageFactory
from newsroom.topics.factories import PersonFactory, TopicPageFactory


def add_items(news_index, count, topic, person, start=0):
    for number in range(start, start + count):
        factory = VideoPageFactory if number % 5 == 0 else StoryPageFactory
        factory(
            parent=news_index,
            title=f"Item {number} about defence",
            slug=f"item-{number}",
            # All in 2023, so the archive page below lists items whatever ran before.
            display_date=datetime.date(2023, 11, 17) - datetime.timedelta(days=number),
            with_image=True,
            topics=[topic],
            people=[person],
        )


def publish_with_note(item, note):
    item = type(item).objects.get(pk=item.pk)
    item.change_note = note
    item.save_revision().publish()


def queries_for(client, url):
    """(queries of the first render after another item's publish, queries of a render in the
    same site generation). The first renders create image renditions and fill Wagtail's caches;
    values kept per generation (newsroom/caching/memo.py, seek.py) are read again after a
    publish, pieces kept per live revision (fragments.py) are not."""
    from newsroom.caching import generation

    client.get(url)
    client.get(url)
    generation.bump()  # what publishing another item does: a new generation, the same epoch
    with CaptureQueriesContext(connection) as after_publish:
        response = client.get(url)
    assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as again:
        client.get(url)
    return len(after_publish), len(again)


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_the_archive(client, home, news_index, topic_index):
    topic = TopicPageFactory(parent=topic_index, title="Deterrence and defence")
    person = PersonFactory(name="Jens Stoltenberg", slug="jens-stoltenberg")
    add_items(news_index, 12, topic, person)
    story = news_index.get_children().type(StoryPageFactory._meta.model).first().specific
    video = news_index.get_children().type(VideoPageFactory._meta.model).first().specific
    FeaturedItem.objects.create(page=home, item=story, sort_order=0)
    FeaturedItem.objects.create(page=home, item=video, sort_order=1)
    MoreLink.objects.create(page=home, link_page=topic, sort_order=0)
    MoreLink.objects.create(page=home, link_url="https://example.org/", title="Elsewhere")

    corrected = news_index.get_children().type(StoryPageFactory._meta.model)[1].specific
    publish_with_note(corrected, "Corrected the first figure.")
    urls = {
        "front page": "/en/",
        "story": story.url,
        "corrected story": corrected.url,
        "video": video.url,
        "topic": topic.url,
        "news listing": "/en/news/",
        "news listing, page 2": "/en/news/?page=2&topic=deterrence-and-defence",
        "archive": "/en/news/2023/",
        "person": "/en/people/jens-stoltenberg/",
        "search": "/en/search/?q=defence",
    }
    small = {name: queries_for(client, url) for name, url in urls.items()}
    add_items(news_index, 48, topic, person, start=12)
    for number in range(4):  # "Updates to this page" reads every note in one query
        publish_with_note(corrected, f"Corrected figure {number}.")
    large = {name: queries_for(client, url) for name, url in urls.items()}

    assert small == large
    # Pinned so that an accidental query in a loop shows up as a diff here.
    pinned = dict(PINNED)
    if connection.vendor == "postgresql":
        # The search's time limit (search/limits.py): SET LOCAL and, inside the test's own
        # transaction, a savepoint, its release and the reset (one query outside tests).
        pinned["search"] = (8, 7)
    assert large == pinned


# (first render after another item's publish, a render in the same generation). Every first
# render reads, once per generation, which live items have an expiry time: since listings show
# only what ``NewsItemQuerySet.visible()`` allows, as feeds and the API did, an item past its
# expiry leaves every page at once, not when the scheduler withdraws it (issue 15, part 3).
PINNED = {
    "front page": (15, 1),
    "story": (12, 1),
    "corrected story": (12, 1),
    "video": (12, 1),
    "topic": (8, 1),
    "news listing": (9, 1),
    "news listing, page 2": (9, 1),
    "archive": (10, 1),
    "person": (10, 2),
    "search": (4, 3),
}


def add_press_items(news_index, count, topic, person, start=0):
    """Press releases, speeches and media advisories in turn, each tagged and with an image."""
    from newsroom.news.factories import (
        MediaAdvisoryPageFactory,
        PressReleasePageFactory,
        SpeechPageFactory,
    )

    factories = [PressReleasePageFactory, SpeechPageFactory, MediaAdvisoryPageFactory]
    for number in range(start, start + count):
        extra = {"speaker": person} if factories[number % 3] is SpeechPageFactory else {}
        factories[number % 3](
            parent=news_index,
            title=f"Press item {number} on deterrence",
            slug=f"press-item-{number}",
            display_date=datetime.date(2023, 10, 17) - datetime.timedelta(days=number),
            with_image=True,
            topics=[topic],
            people=[person],
            **extra,
        )


@pytest.mark.django_db
def test_press_office_pages_query_counts_do_not_grow(client, home, news_index, topic_index):
    from newsroom.news.models import MediaAdvisoryPage, PressReleasePage, SpeechPage

    topic = TopicPageFactory(parent=topic_index, title="Deterrence and defence")
    person = PersonFactory(name="Jens Stoltenberg", slug="jens-stoltenberg")
    add_press_items(news_index, 9, topic, person)
    urls = {
        "press release": PressReleasePage.objects.first().url,
        "speech": SpeechPage.objects.first().url,
        "media advisory": MediaAdvisoryPage.objects.first().url,
        "listing of press releases": "/en/news/?type=press-release",
        "listing of speeches": "/en/news/?type=speech",
        "listing of advisories": "/en/news/?type=advisory",
    }
    small = {name: queries_for(client, url) for name, url in urls.items()}
    add_press_items(news_index, 36, topic, person, start=9)  # 15 of each type: listings page
    add_items(news_index, 12, topic, person, start=500)
    large = {name: queries_for(client, url) for name, url in urls.items()}

    assert small == large
    assert large == PRESS_PINNED


PRESS_PINNED = {  # the first renders read the expiring items too, as PINNED says
    "press release": (12, 1),
    "speech": (12, 1),
    "media advisory": (12, 1),
    "listing of press releases": (9, 1),
    "listing of speeches": (9, 1),
    "listing of advisories": (9, 1),
}


def add_photos(gallery, count, start=0):
    """Photos of ``gallery``, which a published item shows: each is in the media library."""
    from newsroom.images.factories import ImageFactory
    from newsroom.images.models import GalleryPhoto

    for number in range(start, start + count):
        image = ImageFactory(title=f"Library photo {number}")
        GalleryPhoto.objects.create(gallery=gallery, image=image, sort_order=number)


@pytest.mark.django_db
def test_media_library_query_counts_do_not_grow(client, home, news_index, topic_index):
    from newsroom.images.models import Gallery

    topic = TopicPageFactory(parent=topic_index, title="Deterrence and defence")
    person = PersonFactory(name="Jens Stoltenberg", slug="jens-stoltenberg")
    gallery = Gallery.objects.create(title="The summit in pictures", slug="summit")
    add_photos(gallery, 30)
    item = StoryPageFactory(
        parent=news_index, title="Summit", with_image=True, topics=[topic], people=[person]
    )
    item.body = [("gallery", gallery)]
    item.save_revision().publish()
    VideoPageFactory(parent=news_index, title="Summit video", with_image=True)
    photo = gallery.photos.first().image
    urls = {
        "media library": "/en/media/",
        "media library, page 2, by topic": "/en/media/?page=2&topic=deterrence-and-defence",
        "media library, by person": "/en/media/?person=jens-stoltenberg",
        "media library, videos": "/en/media/?type=video",
        "media library, galleries": "/en/media/?type=gallery",
        "photo": f"/en/media/photos/{photo.pk}/",
        "gallery": "/en/media/galleries/summit/",
    }
    small = {name: queries_for(client, url) for name, url in urls.items()}
    add_photos(gallery, 170, start=30)  # a 200-photo gallery
    large = {name: queries_for(client, url) for name, url in urls.items()}
    assert small == large
    assert large == MEDIA_PINNED


# The media library's pages keep no listing per generation yet: each render counts and reads its
# page of photos and their renditions (the reader's language, the count, the page, the
# renditions), whatever the number of photos; a gallery reads its photos and their renditions.
MEDIA_PINNED = {
    "media library": (5, 4),
    "media library, page 2, by topic": (5, 4),
    "media library, by person": (5, 4),
    "media library, videos": (5, 1),
    "media library, galleries": (7, 6),
    "photo": (5, 4),
    "gallery": (4, 3),
}


def add_events(news_index, count, topic, place, start=0):
    """Media advisories, half of them past, each tagged with the topic and the place."""
    from django.utils import timezone

    from newsroom.news.factories import MediaAdvisoryPageFactory

    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for number in range(start, start + count):
        days = number + 1 if number % 2 else -(number + 1)
        begins = now + datetime.timedelta(days=days, hours=2)
        MediaAdvisoryPageFactory(
            parent=news_index,
            title=f"Briefing {number} on deterrence",
            slug=f"briefing-{number}",
            event_start=begins,
            event_end=begins + datetime.timedelta(hours=1),
            live_stream_url=f"https://tv.example.org/{number}",
            topics=[topic],
            places=[place],
        )


@pytest.mark.django_db
def test_events_calendar_query_counts_do_not_grow(client, home, news_index, topic_index):
    from newsroom.topics.factories import PlaceFactory

    topic = TopicPageFactory(parent=topic_index, title="Deterrence and defence")
    place = PlaceFactory(name="Belgium", iso_code="BE")
    add_events(news_index, 10, topic, place)
    urls = {
        "events": "/en/events/",
        "events on a topic, in a place": "/en/events/?topic=deterrence-and-defence&place=BE",
        "events calendar": "/en/events/calendar.ics",
        "events calendar of a topic": "/en/events/topics/deterrence-and-defence/calendar.ics",
        "one event's calendar": "/en/events/briefing-1.ics",
    }
    small = {name: queries_for(client, url) for name, url in urls.items()}
    add_events(news_index, 60, topic, place, start=10)
    large = {name: queries_for(client, url) for name, url in urls.items()}

    assert small == large
    assert large == EVENTS_PINNED


# The first renders read the expiring items, then the upcoming and the past events, each with
# its topics and places (one query each); the rest is kept per generation or epoch.
EVENTS_PINNED = {
    "events": (7, 0),
    "events on a topic, in a place": (7, 0),
    "events calendar": (7, 0),
    "events calendar of a topic": (7, 0),
    "one event's calendar": (4, 0),
}
