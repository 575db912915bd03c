import pytest

from newsroom.news.factories import StoryPageFactory
from newsroom.topics.factories import PersonFactory, TopicPageFactory

pytestmark = pytest.mark.django_db


def test_topic_index_and_topic_page(client, news_index, topic_index):
    ukraine = TopicPageFactory(
        parent=topic_index, title="Ukraine", introduction="Support to Ukraine."
    )
    TopicPageFactory(parent=topic_index, title="Resilience")
    for n in range(12):
        StoryPageFactory(parent=news_index, title=f"Ukraine story {n}", topics=[ukraine])
    StoryPageFactory(parent=news_index, title="Something else")

    index = client.get("/en/topics/").text
    assert index.index("Resilience") < index.index("Ukraine")
    page = client.get("/en/topics/ukraine/")
    assert page.status_code == 200
    assert "Support to Ukraine." in page.text
    assert page.text.count("<article") == 10
    assert "Something else" not in page.text
    assert client.get("/en/topics/ukraine/?page=2").text.count("<article") == 2
    assert client.get("/en/topics/ukraine/?page=3").status_code == 404
    assert client.get("/en/topics/atlantis/").status_code == 404


def test_person_page_lists_the_items_that_involve_them(client, news_index):
    person = PersonFactory(
        name="Mircea Geoană", slug="mircea-geoana", role="Deputy Secretary General"
    )
    StoryPageFactory(parent=news_index, title="Deputy visits Bulgaria", people=[person])
    StoryPageFactory(parent=news_index, title="Not about him")
    people = client.get("/en/people/").text
    assert '<a href="/en/people/mircea-geoana/">Mircea Geoană</a>' in people
    page = client.get("/en/people/mircea-geoana/")
    assert page.status_code == 200
    assert "Deputy Secretary General" in page.text
    assert "Deputy visits Bulgaria" in page.text and "Not about him" not in page.text


def test_unknown_person_is_a_helpful_404(client, home):
    response = client.get("/en/people/nobody/")
    assert response.status_code == 404
    assert "Nobody with that name is listed in this newsroom." in response.text
