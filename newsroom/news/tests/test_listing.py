"""The news listing, its filters and the date archive, through HTTP, including bad input."""

import datetime

import pytest

from newsroom.news.factories import StoryPageFactory, VideoPageFactory
from newsroom.topics.factories import TopicPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(news_index, topic_index):
    ukraine = TopicPageFactory(parent=topic_index, title="Ukraine")
    items = [
        StoryPageFactory(
            parent=news_index,
            title=f"Story {n}",
            slug=f"story-{n}",
            display_date=datetime.date(2023, 11, 1) + datetime.timedelta(days=n),
        )
        for n in range(12)
    ]
    video = VideoPageFactory(
        parent=news_index,
        title="Video on Ukraine",
        display_date=datetime.date(2022, 5, 4),
        topics=[ukraine],
    )
    return {"items": items, "video": video, "ukraine": ukraine}


def titles(response):
    return [
        card.split("</a>")[0].split(">")[-1]
        for card in response.text.split('class="card__title"')[1:]
    ]


def test_listing_pages_ten_items_newest_first(client, archive):
    first = client.get("/en/news/")
    assert first.status_code == 200
    assert titles(first) == [f"Story {n}" for n in range(11, 1, -1)]
    second = client.get("/en/news/?page=2")
    assert titles(second) == ["Story 1", "Story 0", "Video on Ukraine"]
    assert 'rel="prev"' in second.text and "Page 2 of 2" in second.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=video", ["Video on Ukraine"]),
        ("topic=ukraine", ["Video on Ukraine"]),
        ("from=2023-11-10&to=2023-11-11", ["Story 10", "Story 9"]),
        ("to=2022-12-31", ["Video on Ukraine"]),
        ("type=story&from=2023-11-12", ["Story 11"]),
        ("q=Ukraine", ["Video on Ukraine"]),
    ],
)
def test_filters(client, archive, query, expected):
    response = client.get(f"/en/news/?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("page=abc", 200, None),  # not a number: the first page
        ("page=-3", 200, None),
        ("page=99999", 404, "There is no page 99999 here: this list has 2 page(s)."),
        ("from=yesterday", 400, "Enter the start date as YYYY-MM-DD"),
        ("to=2023-02-30", 400, "Enter the end date as YYYY-MM-DD"),
        ("from=2023-12-01&to=2023-11-01", 400, "The end date is before the start date."),
        ("topic=atlantis", 400, "There is no topic called “atlantis”."),
        ("type=podcast", 400, "There is no item type called “podcast”."),
        ("q=" + "x" * 201, 400, "Ensure this value has at most 200 characters"),
    ],
)
def test_bad_input_gets_a_clear_answer(client, archive, query, status, message):
    response = client.get(f"/en/news/?{query}")
    assert response.status_code == status
    if message:
        assert message in response.text
    if status == 400:
        # The bad filter is left out and the rest of the page still works.
        assert titles(response)[0] == "Story 11"


def test_script_in_query_is_escaped(client, archive):
    response = client.get("/en/news/", {"q": "<script>alert(1)</script>", "topic": "<b>x</b>"})
    assert response.status_code == 400
    assert "<script>alert(1)" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "<b>x</b>" not in response.text


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/en/news/2023/", [f"Story {n}" for n in range(11, 1, -1)]),
        ("/en/news/2023/11/", [f"Story {n}" for n in range(11, 1, -1)]),
        ("/en/news/2023/11/05/", ["Story 4"]),
        ("/en/news/2022/05/", ["Video on Ukraine"]),
        ("/en/news/2021/", []),
    ],
)
def test_date_archive(client, archive, path, expected):
    response = client.get(path)
    assert response.status_code == 200
    assert titles(response) == expected


def test_archive_links_years_and_months(client, archive):
    response = client.get("/en/news/2023/")
    assert 'href="/en/news/2022/"' in response.text
    assert 'href="/en/news/2023/11/"' in response.text
    assert "News from 2023" in response.text
    assert "News from 5 November 2023" in client.get("/en/news/2023/11/05/").text


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/en/news/2023/13/", "There is no month 13"),
        ("/en/news/2023/00/", "There is no month 0"),
        ("/en/news/2023/02/30/", "There is no day 30 in that month: it has 28 days."),
        ("/en/news/0000/", "0 is not a year we can show."),
        ("/en/news/2023/11/17/no-such-item/", "No published item has this address."),
        ("/en/news/20233/", None),
        ("/en/news/2023/1/", None),
    ],
)
def test_impossible_archive_dates_are_404_with_a_reason(client, archive, path, message):
    response = client.get(path)
    assert response.status_code == 404
    if message:
        assert message in response.text
    assert "See all news" in response.text
