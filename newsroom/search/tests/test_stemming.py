"""Search matches word forms in the page's language (French on /fr/, English on /en/), on the
search page and in the API, still ignoring accents and highlighting what it matched."""

import datetime

import pytest
from wagtail.models import Locale

from newsroom.core.i18n import translate
from newsroom.news.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

FRENCH_TITLE = "Reprise de la négociation avec un allié"


@pytest.fixture
def items(home, news_index):
    french = Locale.objects.get(language_code="fr")
    english = StoryPageFactory(
        parent=news_index,
        title="Allies resume negotiations",
        slug="allies-resume-negotiations",
        teaser="The meeting gathered international experts on security.",
        display_date=datetime.date(2023, 11, 10),
    )
    StoryPageFactory(
        parent=news_index,
        title="Exercise in the Baltic",
        slug="exercise-in-the-baltic",
        teaser="Ships and aircraft trained together.",
        display_date=datetime.date(2023, 11, 12),
    )
    translate(home, french)
    translate(
        english,
        french,
        {
            english.title: FRENCH_TITLE,
            english.slug: "reprise-de-la-negociation",
            english.teaser: "La réunion a rassemblé une experte internationale de la sécurité.",
        },
    )
    return english


def titles(response):
    assert response.status_code == 200
    return [
        card.split("</a>")[0].split(">")[-1]
        for card in response.text.split('class="card__title"')[1:]
    ]


@pytest.mark.parametrize(
    "query",
    [
        "négociations",  # plural finds the singular
        "negociations",  # typed without accents
        "NÉGOCIATIONS",
        "alliés",
        "alliees",
        "internationaux",  # French plural of "internationale": no English stemmer joins them
        "securite",  # unaccented, though the French stemmer reads "sécurité" differently
        "sécurités",
        "réunions experts",  # every word must match
    ],
)
def test_french_search_matches_french_word_forms(client, items, query):
    assert titles(client.get("/fr/recherche/", {"q": query})) == [FRENCH_TITLE]


@pytest.mark.parametrize("query", ["navires", "réunions navires"])
def test_french_search_does_not_match_other_words(client, items, query):
    assert titles(client.get("/fr/recherche/", {"q": query})) == []


@pytest.mark.parametrize(
    "query", ["negotiating", "negotiation", "meetings", "ally", "securities", "expert meet"]
)
def test_english_search_matches_english_word_forms(client, items, query):
    assert titles(client.get("/en/search/", {"q": query})) == ["Allies resume negotiations"]


def test_french_matches_are_highlighted_in_their_written_form(client, items):
    html = client.get("/fr/recherche/", {"q": "reunions internationaux securite"}).text
    assert (
        "La <mark>réunion</mark> a rassemblé une experte <mark>internationale</mark> de la "
        "<mark>sécurité</mark>." in html
    )


def test_english_matches_are_highlighted(client, items):
    html = client.get("/en/search/", {"q": "meetings"}).text
    assert "The <mark>meeting</mark> gathered international experts on security." in html


def test_news_listing_keyword_filter_stems_too(client, items):
    assert titles(client.get("/fr/actualites/", {"q": "négociations"})) == [FRENCH_TITLE]


def test_api_keyword_search_stems_in_the_requested_language(client, items):
    french = client.get("/api/v1/items/", {"lang": "fr", "q": "négociations alliés"}).json()
    assert [item["title"] for item in french["results"]] == [FRENCH_TITLE]
    english = client.get("/api/v1/items/", {"lang": "en", "q": "negotiating"}).json()
    assert [item["title"] for item in english["results"]] == ["Allies resume negotiations"]
    nothing = client.get("/api/v1/items/", {"lang": "en", "q": '"'}).json()
    assert len(nothing["results"]) == 2  # a query of quotes only is no keyword search


def test_speech_and_advisory_facts_are_found_by_their_word_forms(client, home, news_index):
    """The press office types add their own fields to the index (event, venue), stemmed too."""
    from newsroom.news.factories import MediaAdvisoryPageFactory, SpeechPageFactory

    SpeechPageFactory(parent=news_index, title="Remarks", event="Conference of defence ministers")
    MediaAdvisoryPageFactory(parent=news_index, title="Briefing", venue="Main press theatres")
    assert titles(client.get("/en/search/?q=minister")) == ["Remarks"]
    assert titles(client.get("/en/search/?q=theatre")) == ["Briefing"]
