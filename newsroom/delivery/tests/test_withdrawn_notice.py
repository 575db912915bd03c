"""A withdrawn item's notice (410 Gone) through the page cache, in both languages: kept like any
public page, so a withdrawal that makes the news costs one render, and replaced by the item the
moment it is published again."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale

from newsroom.news.factories import StoryPageFactory
from newsroom.news.models import NewsIndexPage, NewsItemPage

pytestmark = pytest.mark.django_db
DAY = datetime.date(2023, 11, 17)

REASONS = {
    "en": "This statement was published before it was agreed.",
    "fr": "Cette déclaration a été publiée avant d’avoir été approuvée.",
}
NOTICES = {"en": "This item has been withdrawn", "fr": "Ce contenu a été retiré"}
WITHDRAWN_ON = {"en": "Withdrawn on", "fr": "Retiré le"}
FRENCH_MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre"
FRENCH_MONTHS = [*FRENCH_MONTHS.split(), "décembre"]


def local_moment(moment, language):
    moment = timezone.localtime(moment)
    month = FRENCH_MONTHS[moment.month - 1] if language == "fr" else f"{moment:%B}"
    return f"{moment.day} {month} {moment.year}, {moment:%H:%M}"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_notice_is_cached_and_gives_way_to_the_item_published_again(
    cached_site, news_index, publish, language
):
    index = NewsIndexPage.objects.get(locale=Locale.objects.get(language_code=language))
    story = StoryPageFactory(
        parent=index, title="Ministers meet", slug="ministers-meet", display_date=DAY
    )
    story.save_revision().publish()
    url = story.url
    assert cached_site.get(url).status_code == 200

    publish(NewsItemPage.objects.get(pk=story.pk).specific.withdraw, REASONS[language])
    first = cached_site.get(url)
    assert first.status_code == 410 and first.cache == "MISS"
    again = cached_site.get(url)
    assert again.status_code == 410 and again.cache == "HIT"
    assert again.content == first.content
    assert "s-maxage=" in again.headers["cache-control"]
    html = again.content.decode()
    withdrawn = NewsItemPage.objects.get(pk=story.pk)
    assert f'<html lang="{language}"' in html
    assert NOTICES[language] in html and REASONS[language] in html
    assert f"{WITHDRAWN_ON[language]} " in html
    assert local_moment(withdrawn.withdrawn_at, language) in html

    publish(withdrawn.specific.save_revision().publish)
    back = cached_site.get(url)
    assert back.status_code == 200 and back.cache == "MISS"
    assert REASONS[language] not in back.content.decode()
    assert cached_site.get(url).cache == "HIT"
