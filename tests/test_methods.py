"""Every address a reader reads answers a method it does not take (DELETE, PUT, POST, …) with
405 Method Not Allowed and the methods it does take in ``Allow``, through the CSRF check as a
browser or API client meets it (it answered 403 before the view was reached), and OPTIONS with
those methods; a form still takes its POST with a valid CSRF token, and refuses one without."""

import datetime

import pytest
from django.test import Client

from newsroom.news.factories import StoryPageFactory
from newsroom.topics.factories import PersonFactory, TopicPageFactory

pytestmark = pytest.mark.django_db
DAY = datetime.date(2023, 11, 15)


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def reader_addresses(home, news_index, topic_index):
    topic = TopicPageFactory(parent=topic_index, title="Readiness", slug="readiness")
    PersonFactory(name="Ana Minister", slug="ana-minister")
    item = StoryPageFactory(parent=news_index, slug="allies-meet", display_date=DAY)
    item_address = "/en/news/2023/11/15/allies-meet/"
    return [
        "/en/",
        "/en/news/",
        "/en/news/2023/11/",
        item_address,
        f"{item_address}ninjs.json",
        "/en/news/feed/rss/",
        "/en/topics/",
        topic.url,
        "/en/people/ana-minister/",
        "/en/search/?q=allies",
        "/en/search/suggest/?q=all",
        "/en/media/",
        "/en/events/",
        "/en/events/calendar.ics",
        "/robots.txt",
        "/sitemap.xml",
        "/api/v1/",
        "/api/v1/items/",
        f"/api/v1/items/{item.pk}/",
        "/api/v1/topics/readiness/",
        f"/api/oembed/?url=http://testserver{item_address}",
    ]


@pytest.mark.parametrize("method", ["DELETE", "PUT", "PATCH", "POST", "TRACE"])
def test_readers_addresses_answer_405_with_allow(csrf_client, reader_addresses, method):
    for address in reader_addresses:
        response = csrf_client.generic(method, address)
        assert response.status_code == 405, (method, address, response.status_code)
        assert response["Allow"] == "GET, HEAD", address
        assert method in response.content.decode(), address
        if address.startswith("/api/"):
            assert response.json()["error"]["status"] == 405


def test_options_names_the_methods(csrf_client, reader_addresses):
    for address in reader_addresses:
        response = csrf_client.options(address)
        assert response.status_code == 204 and response["Allow"] == "GET, HEAD", address


def test_reading_still_works(csrf_client, reader_addresses):
    for address in reader_addresses:
        assert csrf_client.get(address).status_code == 200, address
        assert csrf_client.head(address).status_code == 200, address


def test_a_form_keeps_its_post_and_its_csrf_check(csrf_client, home):
    page = csrf_client.get("/en/alerts/")
    assert page.status_code == 200
    # Without a token the CSRF check still refuses the POST; the form is not a reader's page.
    assert csrf_client.post("/en/alerts/", {"email": "a@example.org"}).status_code == 403
    token = page.cookies["csrftoken"].value
    answer = csrf_client.post(
        "/en/alerts/", {"email": "a@example.org", "csrfmiddlewaretoken": token}
    )
    # Past the CSRF check, the form itself answers (400: the sign-up lacks its other fields).
    assert answer.status_code not in (403, 405)
