"""English and French side by side: each language only ever shows its own items, readers can
switch between versions, and editors see what is not translated yet."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from newsroom.core.i18n import translate
from newsroom.home.models import FeaturedItem
from newsroom.news.factories import StoryPageFactory
from newsroom.topics.factories import TopicPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def french():
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def newsroom(home, news_index, topic_index, french):
    topic = TopicPageFactory(parent=topic_index, title="Resilience", slug="resilience")
    translated = StoryPageFactory(
        parent=news_index,
        title="Allies train civil experts",
        slug="allies-train-civil-experts",
        teaser="A new course on resilience.",
        display_date=datetime.date(2023, 11, 10),
        topics=[topic],
    )
    english_only = StoryPageFactory(
        parent=news_index,
        title="Only in English",
        slug="only-in-english",
        teaser="Not translated.",
        display_date=datetime.date(2023, 11, 17),
        topics=[topic],
    )
    FeaturedItem.objects.create(page=home, item=english_only, sort_order=0)
    FeaturedItem.objects.create(page=home, item=translated, sort_order=1)
    home.save_revision().publish()
    french_topic = translate(
        topic, french, {"Resilience": "Résilience", "resilience": "resilience"}
    )
    french_item = translate(
        translated,
        french,
        {
            translated.title: "Les Alliés forment des experts civils",
            translated.slug: "les-allies-forment-des-experts-civils",
            translated.teaser: "Un nouveau cours consacré à la résilience.",
        },
    )
    french_home = translate(home, french)
    return {
        "topic": topic,
        "french_topic": french_topic,
        "translated": translated,
        "french_item": french_item,
        "english_only": english_only,
        "french_home": french_home,
    }


def test_french_front_page_shows_only_french_items(client, newsroom):
    html = client.get("/fr/").text
    assert '<html lang="fr">' in html
    assert "Les Alliés forment des experts civils" in html
    assert "Only in English" not in html and "Allies train civil experts" not in html
    featured = html.split('class="featured"')[1].split("</section>")[0]
    assert featured.count('class="featured__link"') == 1
    assert "10 novembre 2023" in html and "Lire la suite" in html


def test_french_item_address_date_and_cross_links(client, newsroom):
    item = newsroom["french_item"]
    assert item.url == "/fr/actualites/2023/11/10/les-allies-forment-des-experts-civils/"
    html = client.get(item.url).text
    assert "10 novembre 2023" in html
    assert f'href="{newsroom["french_topic"].url}">Résilience</a>' in html
    assert "/en/topics/" not in html.split("<main")[1]


def test_language_switcher_and_hreflang_lead_to_the_same_item(client, newsroom):
    english_url = newsroom["translated"].url
    french_url = newsroom["french_item"].url
    english = client.get(english_url).text
    assert f'<a href="{french_url}" lang="fr" hreflang="fr">Français</a>' in english
    assert f'hreflang="fr" href="http://testserver{french_url}"' in english
    assert f'hreflang="en" href="http://testserver{english_url}"' in english
    french = client.get(french_url).text
    assert f'<a href="{english_url}" lang="en" hreflang="en">English</a>' in french


def test_untranslated_item_switches_to_the_french_front_page_with_a_notice(client, newsroom):
    html = client.get(newsroom["english_only"].url).text
    assert '<a href="/fr/?untranslated=en" lang="fr" hreflang="fr" rel="nofollow">' in html
    assert 'hreflang="fr"' not in html.split("</head>")[0]
    notice = client.get("/fr/?untranslated=en").text
    assert "pas encore disponible dans cette langue" in notice


def test_archives_and_listings_keep_their_language(client, newsroom):
    french = client.get("/fr/actualites/2023/11/").text
    assert "Les Alliés forment des experts civils" in french and "Only in English" not in french
    switch = client.get("/en/news/2023/11/").text
    assert 'href="/fr/actualites/2023/11/" lang="fr"' in switch
    topic = client.get(newsroom["french_topic"].url).text
    assert "Les Alliés forment des experts civils" in topic and "Only in English" not in topic
    assert "Only in English" in client.get("/en/topics/resilience/").text


def test_french_search_finds_only_french_items(client, newsroom):
    html = client.get("/fr/recherche/", {"q": "experts"}).text
    assert "Les Alliés forment des experts civils" in html
    assert "Allies train civil experts" not in html
    assert "1 résultat pour « experts »" in html


@pytest.mark.parametrize(
    ("accept", "expected"), [("fr-BE,fr;q=0.9,en;q=0.5", "/fr/"), ("de-DE,de", "/en/")]
)
def test_root_follows_accept_language(client, home, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302 and response["Location"] == expected


def test_translation_report_lists_missing_and_out_of_date_translations(client, newsroom):
    admin = get_user_model().objects.create_superuser("editor", password="a-long-password-1")
    client.force_login(admin)
    missing = client.get("/admin/reports/translations/").text
    assert "Only in English" in missing and "Allies train civil experts" not in missing
    assert "Not translated" in missing

    translated = newsroom["translated"]
    translated.teaser = "A new course on resilience, now with dates."
    translated.save_revision().publish()
    every = client.get("/admin/reports/translations/?show=all").text
    row = every.split("Allies train civil experts")[1].split("</tr>")[0]
    assert "Source changed since translation" in row


def test_feeds_sitemap_and_api_per_language(client, newsroom):
    french_feed = client.get("/fr/actualites/feed/rss/").content.decode()
    assert "Les Alliés forment des experts civils" in french_feed
    assert "Only in English" not in french_feed and "<language>fr</language>" in french_feed
    english_feed = client.get("/en/news/feed/rss/").content.decode()
    assert "Only in English" in english_feed and "Les Alliés" not in english_feed

    sitemap = client.get("/sitemap.xml").content.decode()
    english_url = f"http://testserver{newsroom['translated'].url}"
    french_url = f"http://testserver{newsroom['french_item'].url}"
    assert f'<xhtml:link rel="alternate" hreflang="fr" href="{french_url}"/>' in sitemap
    assert f'<xhtml:link rel="alternate" hreflang="en" href="{english_url}"/>' in sitemap

    french_api = client.get("/api/v1/items/?lang=fr").json()
    assert [item["title"] for item in french_api["results"]] == [
        "Les Alliés forment des experts civils"
    ]
