"""JSON-LD and Open Graph as search engines and social networks read them (extruct)."""

import datetime

import extruct
import pytest

from .conftest import HOSTILE_TITLE


def extract(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    data = extruct.extract(
        html, base_url=f"http://testserver{url}", syntaxes=["json-ld", "opengraph"]
    )
    jsonld = {entry["@type"]: entry for entry in data["json-ld"]}
    og = {}
    for entry in data["opengraph"]:
        og.update(entry["properties"])
    return html, jsonld, og


def offset_datetime(value):
    parsed = datetime.datetime.fromisoformat(value)
    assert parsed.tzinfo is not None, value
    return parsed


@pytest.fixture
def with_logo(home):
    from wagtail.models import Site

    from newsroom.core.models import OrganisationSettings
    from newsroom.images.factories import ImageFactory

    settings = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    settings.name = "North Atlantic Treaty Organization"
    settings.logo = ImageFactory(title="Logo")
    settings.save()
    return settings


def test_story_is_a_news_article(client, story, with_logo):
    html, jsonld, og = extract(client, story.url)
    article = jsonld["NewsArticle"]
    assert article["headline"] == HOSTILE_TITLE
    assert len(article["image"]) == 3 and all(url.startswith("http") for url in article["image"])
    published = offset_datetime(article["datePublished"])
    assert abs(published - story.first_published_at) < datetime.timedelta(seconds=1)
    assert offset_datetime(article["dateModified"]) >= published
    assert article["author"][0]["name"] == "North Atlantic Treaty Organization"
    assert article["author"][0]["url"] == "http://testserver/en/"
    publisher = article["publisher"]
    assert publisher["@type"] == "Organization" and publisher["name"]
    assert publisher["logo"]["@type"] == "ImageObject" and publisher["logo"]["url"].startswith(
        "http"
    )
    assert article["mainEntityOfPage"]["@id"] == f"http://testserver{story.url}"
    crumbs = jsonld["BreadcrumbList"]["itemListElement"]
    assert [crumb["position"] for crumb in crumbs] == [1, 2, 3]
    assert crumbs[-1]["item"] == f"http://testserver{story.url}"
    # JSON-LD cannot break out of its <script>: the < in the headline is escaped.
    assert "\\u003cagree\\u003e" in html

    assert og["og:type"] == "article"
    assert og["og:title"] == HOSTILE_TITLE
    assert og["og:url"] == f"http://testserver{story.url}"
    assert og["og:image"].startswith("http://testserver/media/images/")
    assert og["og:description"] == story.teaser
    offset_datetime(og["article:published_time"])
    assert f'<link rel="canonical" href="http://testserver{story.url}">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_video_is_a_video_object(client, video):
    _html, jsonld, og = extract(client, video.url)
    data = jsonld["VideoObject"]
    assert data["name"] == video.title and data["description"] == video.teaser
    assert data["thumbnailUrl"] and data["thumbnailUrl"][0].startswith("http")
    assert offset_datetime(data["uploadDate"])
    assert data["duration"] == "PT3M25S"
    # From the (fake) embed finder's iframe, not the watch page.
    assert data["embedUrl"] == "https://video.example.org/embed/12345?a=1&b=2"
    assert data["transcript"].startswith("Narrator:")
    assert "BreadcrumbList" in jsonld
    assert og["og:type"] == "article"


def test_front_page_is_organization_and_website(client, story, with_logo):
    html, jsonld, og = extract(client, "/en/")
    organization = jsonld["Organization"]
    assert organization["name"] == "North Atlantic Treaty Organization"
    assert organization["url"] == "http://testserver/en/"
    assert organization["logo"]["url"].startswith("http://testserver/media/images/")
    website = jsonld["WebSite"]
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    template = action["target"]["urlTemplate"]
    assert template == "http://testserver/en/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"
    assert client.get(template.replace("{search_term_string}", "summit")).status_code == 200
    assert og["og:type"] == "website" and og["og:url"] == "http://testserver/en/"
    assert og["og:image"].startswith("http://testserver/media/images/")
    assert '<link rel="canonical" href="http://testserver/en/">' in html


def test_other_pages_have_sensible_tags(client, story, topic, person):
    for url, title in [
        (topic.url, topic.title),
        ("/en/news/", "News"),
        ("/en/people/jens-stoltenberg/", "Jens Stoltenberg"),
        ("/en/news/2023/", "News"),
    ]:
        html, _jsonld, og = extract(client, url)
        assert og["og:title"] == title, url
        assert og["og:url"] == f"http://testserver{url}"
        assert f'<link rel="canonical" href="http://testserver{url}">' in html


def test_canonical_keeps_only_the_page_number(client, many_items):
    many_items(12)
    html = client.get("/en/news/?page=2&utm_source=x").content.decode()
    assert '<link rel="canonical" href="http://testserver/en/news/?page=2">' in html


def test_pages_without_page_context_still_render(client, home):
    response = client.get("/en/search/?q=summit")
    assert response.status_code == 200
    assert 'type="application/rss+xml"' in response.content.decode()
    assert client.get("/en/no-such-page/").status_code == 404


def test_item_pages_advertise_oembed_and_ninjs(client, story):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    oembed = soup.find("link", type="application/json+oembed")["href"]
    assert client.get(oembed).json()["type"] == "rich"
    ninjs = soup.find("link", type="application/json")["href"]
    assert client.get(ninjs).json()["uri"].startswith("urn:uuid:")
