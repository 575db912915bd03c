import datetime
from xml.etree import ElementTree

import pytest
from django.utils import timezone

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)  # noqa: S314 - our own output


def test_sitemap_lists_pages_items_and_people_with_images(client, story, video, topic):
    root = xml(client, "/sitemap.xml")
    assert root.tag == f"{{{NS['s']}}}urlset"
    urls = {url.findtext("s:loc", namespaces=NS): url for url in root.findall("s:url", NS)}
    for path in ("/en/", "/en/news/", "/en/topics/", topic.url, "/en/people/jens-stoltenberg/"):
        assert f"http://testserver{path}" in urls, path
    entry = urls[f"http://testserver{story.url}"]
    lastmod = datetime.datetime.fromisoformat(entry.findtext("s:lastmod", namespaces=NS))
    assert abs(lastmod - story.last_published_at) < datetime.timedelta(seconds=1)
    image = entry.findtext("image:image/image:loc", namespaces=NS)
    assert image.startswith("http://testserver/media/original_images/")
    assert f"http://testserver{video.url}" in urls


def test_sitemap_becomes_an_index_past_the_limit(client, settings, story, video, topic):
    settings.NEWSROOM_SITEMAP_LIMIT = 2
    root = xml(client, "/sitemap.xml")
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    locations = [node.text for node in root.findall("s:sitemap/s:loc", NS)]
    assert "http://testserver/sitemap-items.xml" in locations
    assert "http://testserver/sitemap-pages.xml?p=2" in locations
    every_url = set()
    for location in locations:
        part = xml(client, location.removeprefix("http://testserver"))
        urls = [node.text for node in part.findall("s:url/s:loc", NS)]
        assert 1 <= len(urls) <= 2
        every_url.update(urls)
    assert f"http://testserver{story.url}" in every_url
    assert client.get("/sitemap-nonsense.xml").status_code == 404


def test_news_sitemap_holds_the_last_two_days_only(client, story, news_index):
    from newsroom.news.factories import StoryPageFactory

    from .conftest import publish_now

    old = StoryPageFactory(
        parent=news_index,
        title="Old news",
        display_date=timezone.localdate() - datetime.timedelta(days=5),
    )
    publish_now(old, timezone.now() - datetime.timedelta(days=5))
    root = xml(client, "/sitemap-news.xml")
    entries = root.findall("s:url", NS)
    assert [entry.findtext("s:loc", namespaces=NS) for entry in entries] == [
        f"http://testserver{story.url}"
    ]
    news = entries[0].find("news:news", NS)
    assert news.findtext("news:publication/news:name", namespaces=NS) == "Newsroom"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "en"
    assert news.findtext("news:title", namespaces=NS) == story.title
    published = datetime.datetime.fromisoformat(
        news.findtext("news:publication_date", namespaces=NS)
    )
    assert published.tzinfo is not None


@pytest.mark.django_db
def test_news_sitemap_is_capped(client, settings, many_items):
    from newsroom.syndication.sitemaps import views

    many_items(4)
    views.NEWS_SITEMAP_LIMIT, old = 3, views.NEWS_SITEMAP_LIMIT
    try:
        from newsroom.news.models import NewsItemPage

        NewsItemPage.objects.update(display_date=timezone.localdate())
        root = xml(client, "/sitemap-news.xml")
    finally:
        views.NEWS_SITEMAP_LIMIT = old
    assert len(root.findall("s:url", NS)) == 3


def test_robots_txt_names_both_sitemaps(client, home):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/sitemap-news.xml" in lines
    assert "Disallow: /admin/" in lines


def test_sitemaps_answer_304(client, story):
    for url in ("/sitemap.xml", "/sitemap-news.xml", "/robots.txt", "/sitemap-items.xml"):
        etag = client.get(url)["ETag"]
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304, url
