"""Factories for every item type, with the variants tests and benchmarks need.

StoryPageFactory(parent=news_index)                      a plain story
StoryPageFactory(parent=news_index, with_image=True)     with a listing image
StoryPageFactory(parent=news_index, topics=[topic])      tagged with topics
VideoPageFactory(parent=news_index)                      an external video
PressReleasePageFactory(parent=news_index)               a press release, numbered when live
SpeechPageFactory(parent=news_index)                     a speech by a named speaker
SpeechPageFactory(parent=news_index, as_delivered=True)  ... marked "As delivered"
MediaAdvisoryPageFactory(parent=news_index)              an event invitation, open to media
MediaAdvisoryPageFactory(parent=news_index, pool_only=True)
"""

import datetime
import zoneinfo

import factory
import wagtail_factories
from django.utils.text import slugify

from newsroom.images.factories import ImageFactory

from .models import MediaAdvisoryPage, PressReleasePage, SpeechPage, StoryPage, VideoPage


class NewsItemFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Allies agree on item number {n}")
    slug = factory.LazyAttribute(lambda item: slugify(item.title)[:80])
    display_date = factory.Sequence(lambda n: datetime.date(2023, 11, 17) - datetime.timedelta(n))
    teaser = factory.LazyAttribute(lambda item: f"Short summary of: {item.title}.")
    dateline = "Brussels"
    body = factory.LazyAttribute(
        lambda item: [
            ("paragraph", f"<p>Full text of {item.title}, written by the press office.</p>")
        ]
    )

    class Params:
        with_image = factory.Trait(listing_image=factory.SubFactory(ImageFactory))

    # Topics and people are set first and published together, once (factory_boy runs
    # post-generation hooks in the order they are declared): each publish costs a revision,
    # the search index and the page cache's invalidation.
    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.set(extracted)

    @factory.post_generation
    def people(self, create, extracted, **kwargs):
        if extracted:
            self.people.set(extracted)

    @factory.post_generation
    def publish_relations(self, create, extracted, **kwargs):
        if create and (self.topics.all() or self.people.all()):
            self.save_revision().publish()


class StoryPageFactory(NewsItemFactory):
    class Meta:
        model = StoryPage
        skip_postgeneration_save = True


class VideoPageFactory(NewsItemFactory):
    title = factory.Sequence(lambda n: f"Video: a look at exercise {n}")
    video_url = "https://video.example.org/watch/12345"
    duration = datetime.timedelta(minutes=3, seconds=25)
    transcript = "<p>Narrator: the exercise brought together troops from many Allies.</p>"

    class Meta:
        model = VideoPage
        skip_postgeneration_save = True


class PressReleasePageFactory(NewsItemFactory):
    title = factory.Sequence(lambda n: f"Allies issue statement number {n}")

    class Meta:
        model = PressReleasePage
        skip_postgeneration_save = True


class SpeechPageFactory(NewsItemFactory):
    title = factory.Sequence(lambda n: f"Speech at conference number {n}")
    speaker_name = "Secretary General"
    event = "Annual security conference"
    place = "Brussels, NATO Headquarters"

    class Meta:
        model = SpeechPage
        skip_postgeneration_save = True


def _brussels(year, month, day, hour, minute=0):
    return datetime.datetime(
        year, month, day, hour, minute, tzinfo=zoneinfo.ZoneInfo("Europe/Brussels")
    )


class MediaAdvisoryPageFactory(NewsItemFactory):
    title = factory.Sequence(lambda n: f"Media advisory: press conference number {n}")
    event_start = factory.LazyAttribute(
        lambda item: (
            _brussels(item.display_date.year, item.display_date.month, item.display_date.day, 10)
            + datetime.timedelta(days=3)
        )
    )
    venue = "NATO Headquarters, Brussels"
    access = MediaAdvisoryPage.Access.OPEN
    accreditation_instructions = "<p>Register with the press office before the deadline.</p>"

    class Meta:
        model = MediaAdvisoryPage
        skip_postgeneration_save = True

    class Params:
        pool_only = factory.Trait(access=MediaAdvisoryPage.Access.POOL)
