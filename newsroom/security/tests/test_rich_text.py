"""What an editor types can never run as script on a public page, whatever the admin is sent:
the test posts the editor's rich text as Draftail's raw content state, as a browser (or a
hostile script with an editor's session) would, then publishes and reads the public page."""

import json
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from newsroom.news.models import StoryPage

pytestmark = pytest.mark.django_db


def content_state(text, entity=None):
    block = {"key": "a1b2c", "type": "unstyled", "depth": 0, "text": text}
    block["entityRanges"] = [{"offset": 0, "length": len(text), "key": 0}] if entity else []
    block["inlineStyleRanges"] = []
    return json.dumps({"blocks": [block], "entityMap": {"0": entity} if entity else {}})


HOSTILE = [
    # Text that looks like markup is text.
    content_state('<script>alert("x")</script><img src=x onerror=alert(1)>'),
    # A link whose address is script.
    content_state(
        "Click me",
        {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(1)"}},
    ),
    content_state(
        "Click me too",
        {"type": "LINK", "mutability": "MUTABLE", "data": {"url": " JaVaScRiPt:alert(2)"}},
    ),
    # An image entity the paragraph's features do not allow, with a handler.
    content_state(
        " ",
        {
            "type": "IMAGE",
            "mutability": "IMMUTABLE",
            "data": {"src": "x", "alt": '" onerror="alert(3)', "id": 1},
        },
    ),
]


def story_form(paragraphs, **overrides):
    data = {
        "title": '<script>alert("title")</script>Allies meet',
        "slug": "allies-meet",
        "display_date": "2023-11-18",
        "dateline": "<img src=x onerror=alert(4)>",
        "teaser": '<a href="javascript:alert(5)">teaser</a>',
        "body": streamfield([("paragraph", rich_text("<p>ok</p>"))] * len(paragraphs)),
        "related_links": inline_formset([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    form = nested_form_data(data)
    for index, state in enumerate(paragraphs):
        form[f"body-{index}-value"] = state
    return form


def assert_no_script(html):
    soup = BeautifulSoup(html, "html.parser")
    main = soup.find("main")
    for script in soup.find_all("script"):
        assert script.get("src") or script.get("type") == "application/ld+json", script
        if script.get("type") == "application/ld+json":
            assert "</script" not in script.text.lower()
    for tag in soup.find_all(True):
        assert not [name for name in tag.attrs if name.lower().startswith("on")], tag
        for attr in ("href", "src", "action", "formaction", "data"):
            value = "".join(str(tag.get(attr, "")).split()).lower()
            assert not value.startswith(("javascript:", "data:text/html", "vbscript:")), tag
    return main


def test_hostile_rich_text_never_reaches_the_public_page_as_script(client, news_index):
    editor = get_user_model().objects.create_superuser("editor", password="x" * 20)
    client.force_login(editor)
    response = client.post(f"/admin/pages/add/news/storypage/{news_index.pk}/", story_form(HOSTILE))
    assert response.status_code == 302, response.content.decode()[:2000]
    story = StoryPage.objects.get(slug="allies-meet")
    assert story.live
    client.logout()

    page = client.get(story.url)
    assert page.status_code == 200
    main = assert_no_script(page.content.decode())
    text = main.get_text()
    # What the editor typed is still there, as text: nothing is lost.
    assert '<script>alert("x")</script>' in text
    assert "Click me" in text and "Click me too" in text
    assert '<script>alert("title")</script>Allies meet' in text
    # Listings, feeds and the API carry the same item and must be as clean.
    for url in ["/en/", "/en/news/", "/en/search/?q=Allies"]:
        assert_no_script(client.get(url).content.decode())
    # The feed's body is HTML inside XML: parsed out, it is as clean as the page.
    feed = ElementTree.fromstring(client.get("/en/news/feed/rss/").content)  # noqa: S314 - ours
    bodies = feed.findall(".//{http://purl.org/rss/1.0/modules/content/}encoded")
    assert bodies
    for body in bodies:
        assert_no_script(f"<main>{body.text}</main>")
