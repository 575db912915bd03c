"""One definition of what readers may see (``NewsItemQuerySet.visible()``): the front page, the
listing, a topic page and its feed, a person page and its feed, the API and the sitemap answer
the same question with the same items, in English and in French.

The archive holds a public story and its French translation (tagged with the English topic, as
happens when a translation keeps its source's tags), and beside them an item past its expiry
time that the scheduler has not withdrawn yet, one in a private section, and one scheduled for
later: none of those three may appear anywhere.
"""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from newsroom.caching import generation
from newsroom.core.i18n import translate
from newsroom.news.factories import StoryPageFactory
from newsroom.news.models import NewsItemPage
from newsroom.press.factories import embargo
from newsroom.syndication.tests.conftest import tag_items
from newsroom.topics.factories import PersonFactory, TopicPageFactory

pytestmark = pytest.mark.django_db
ITEM_ADDRESS = re.compile(r"/(?:en/news|fr/actualites)/\d{4}/\d{2}/\d{2}/([-\w]+)/")


@pytest.fixture
def archive(settings, home, news_index, topic_index):
    settings.NEWSROOM_API_RATE_LIMIT = "off"
    french = Locale.objects.get(language_code="fr")
    topic = TopicPageFactory(parent=topic_index, title="Readiness", slug="readiness")
    person = PersonFactory(name="Ana Minister", slug="ana-minister")
    day = datetime.date(2023, 11, 15)

    def story(slug, **kwargs):
        return StoryPageFactory(
            parent=news_index,
            title=slug.replace("-", " ").title(),
            slug=slug,
            display_date=day,
            **kwargs,
        )

    public = story("allies-meet-in-brussels")
    expired = story("expired-notice")
    private = story("private-briefing")
    scheduled = story("scheduled-statement", live=False)
    embargo(scheduled, timezone.now() + datetime.timedelta(days=2), share=False)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    NewsItemPage.objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    tag_items([public, expired, private, scheduled], topics=[topic], people=[person])

    translate(news_index, french, {news_index.slug: "actualites"})
    french_topic = translate(
        topic, french, {"Readiness": "Préparation", "readiness": "preparation"}
    )
    french_item = translate(
        public, french, {public.title: "Les Alliés à Bruxelles", public.slug: "allies-a-bruxelles"}
    )
    french_item.topics.set([topic])  # the English topic: the translation kept its source's tags
    french_person = translate(person, french)
    tag_items([french_item], people=[french_person])
    translate(home, french)
    generation.bump(hard=True)  # the changes above were made without a publish
    return {
        "topic": topic,
        "french_topic": french_topic,
        "person": person,
        "french_person": french_person,
        "public": public.slug,
        "french": french_item.slug,
    }


def items_in(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return set(ITEM_ADDRESS.findall(response.content.decode()))


def test_every_channel_shows_the_same_items(client, archive):
    english, french = {archive["public"]}, {archive["french"]}
    topic, french_topic = archive["topic"], archive["french_topic"]
    channels = {
        "front page": ("/en/", english),
        "listing": ("/en/news/", english),
        "topic page": (topic.url, english),
        "topic feed": (f"{topic.url}feed/json/", english),
        "person page": ("/en/people/ana-minister/", english),
        "person feed": ("/en/people/ana-minister/feed/json/", english),
        "news feed": ("/en/news/feed/json/", english),
        "API": ("/api/v1/items/?lang=en&topic=readiness", english),
        "API person": ("/api/v1/items/?lang=en&person=ana-minister", english),
        "French front page": ("/fr/", french),
        "French listing": ("/fr/actualites/", french),
        "French topic page": (french_topic.url, french),
        "French topic feed": (f"{french_topic.url}feed/json/", french),
        "French news feed": ("/fr/actualites/feed/json/", french),
        "French API": (f"/api/v1/items/?lang=fr&topic={french_topic.slug}", french),
        "sitemap": ("/sitemap-items.xml", english | french),
    }
    seen = {name: items_in(client, url) for name, (url, _) in channels.items()}
    assert seen == {name: expected for name, (_, expected) in channels.items()}
