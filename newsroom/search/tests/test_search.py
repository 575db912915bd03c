"""Search: accent-insensitive, ranked or newest first, filtered, highlighted, escaped."""

import datetime

import pytest

from newsroom.news.factories import StoryPageFactory, VideoPageFactory
from newsroom.topics.factories import PersonFactory, TopicPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(news_index, topic_index):
    black_sea = TopicPageFactory(parent=topic_index, title="Black Sea")
    geoana = PersonFactory(name="Mircea Geoană", slug="mircea-geoana")
    return {
        "bulgaria": StoryPageFactory(
            parent=news_index,
            title="Deputy Secretary General Geoană visits Bulgaria",
            teaser="Mircea Geoană watched the Iron Strike exercise.",
            display_date=datetime.date(2023, 11, 10),
            topics=[black_sea],
            people=[geoana],
        ),
        "latvia": StoryPageFactory(
            parent=news_index,
            title="Latvian President Rinkēvičs at NATO",
            teaser="Edgars Rinkēvičs discussed support for Ukraine.",
            display_date=datetime.date(2023, 11, 16),
        ),
        "video": VideoPageFactory(
            parent=news_index,
            title="Video: the Black Sea exercise",
            teaser="Iron Strike seen from above; Geoană speaks to troops.",
            display_date=datetime.date(2023, 11, 12),
        ),
    }


def result_titles(response):
    return [
        card.split("</a>")[0].split(">")[-1]
        for card in response.text.split('class="card__title"')[1:]
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "Geoana",
            {"Deputy Secretary General Geoană visits Bulgaria", "Video: the Black Sea exercise"},
        ),
        (
            "geoană",
            {"Deputy Secretary General Geoană visits Bulgaria", "Video: the Black Sea exercise"},
        ),
        ("Rinkevics", {"Latvian President Rinkēvičs at NATO"}),
        ("RINKĒVIČS", {"Latvian President Rinkēvičs at NATO"}),
        ("submarine", set()),
    ],
)
def test_accent_insensitive_search(client, items, query, expected):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert set(result_titles(response)) == expected


def test_search_finds_words_in_the_body_and_people(client, items):
    assert result_titles(client.get("/en/search/?q=press+office"))  # factory body text
    person_only = client.get("/en/search/", {"q": "Mircea"})
    assert "Deputy Secretary General Geoană visits Bulgaria" in result_titles(person_only)


def test_newest_first_switch_and_filters(client, items):
    newest = client.get("/en/search/?q=Geoana&sort=newest")
    assert result_titles(newest) == [
        "Video: the Black Sea exercise",
        "Deputy Secretary General Geoană visits Bulgaria",
    ]
    by_type = client.get("/en/search/?q=Geoana&type=video")
    assert result_titles(by_type) == ["Video: the Black Sea exercise"]
    by_topic = client.get("/en/search/?q=Geoana&topic=black-sea")
    assert result_titles(by_topic) == ["Deputy Secretary General Geoană visits Bulgaria"]
    by_date = client.get("/en/search/?q=Geoana&from=2023-11-11&to=2023-11-30")
    assert result_titles(by_date) == ["Video: the Black Sea exercise"]


def test_matches_are_highlighted_in_the_teaser(client, items):
    html = client.get("/en/search/?q=Geoana").text
    assert "Mircea <mark>Geoană</mark> watched the Iron Strike exercise." in html
    assert "2 results for “Geoana”" in html


def test_hostile_query_is_escaped(client, items):
    response = client.get("/en/search/", {"q": '<script>alert("x")</script>'})
    assert response.status_code == 200
    assert "<script>alert" not in response.text
    assert "&lt;script&gt;" in response.text


def test_bad_filters_on_search_say_what_was_wrong(client, items):
    response = client.get("/en/search/?q=Geoana&from=yesterday&page=abc")
    assert response.status_code == 400
    assert "Enter the start date as YYYY-MM-DD" in response.text
    assert len(result_titles(response)) == 2
    assert client.get("/en/search/?q=Geoana&page=50").status_code == 404


def test_empty_search_shows_the_form(client, home):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert 'name="q"' in response.text and "results for" not in response.text
