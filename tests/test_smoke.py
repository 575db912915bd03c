import pytest

from newsroom.news.factories import StoryPageFactory, VideoPageFactory
from newsroom.topics.factories import TopicPageFactory


@pytest.mark.django_db
def test_front_page_lists_latest_items(client, news_index, topic_index):
    topic = TopicPageFactory(parent=topic_index, title="Ukraine")
    story = StoryPageFactory(parent=news_index, with_image=True, topics=[topic])
    video = VideoPageFactory(parent=news_index)
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert story.title in html and video.title in html
    assert "Watch Video" in html and "Read more" in html
    item = client.get(story.url)
    assert item.status_code == 200, story.url
    assert client.get("/en/news/").status_code == 200
    assert client.get(topic.url).status_code == 200
