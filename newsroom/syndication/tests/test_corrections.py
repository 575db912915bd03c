"""Corrections and withdrawals as machines read them: feeds, the API and ninjs carry an item's
version and public change notes; a withdrawn item leaves every feed, listing, search and
sitemap, its address answers 410 with the notice, and the API and ninjs say it was withdrawn."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.html import escape
from wagtail.rich_text import RichText

from newsroom.news.factories import StoryPageFactory
from newsroom.news.models import NewsItemPage
from newsroom.news.tests.test_corrections import edit, publish_new_story, story_form

from .conftest import publish_now
from .test_ninjs import assert_valid, validator  # noqa: F401 - the schema's validator fixture

pytestmark = pytest.mark.django_db
NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "newsroom": "urn:newsroom:syndication:1",
}
NOTE = "Corrected the number of ministers attending."
REASON = "This statement was published before it was agreed."


@pytest.fixture
def story(news_index, topic, person, place):
    """A published story of today, tagged, with plain text (the admin's rich text editor is not
    what these tests are about)."""
    item = StoryPageFactory(
        parent=news_index,
        title="Allies agree a statement",
        slug="allies-agree-a-statement",
        teaser="The statement was agreed on Friday.",
        display_date=timezone.localdate(),
        body=[("paragraph", RichText("<p>The text of the statement.</p>"))],
        topics=[topic],
        people=[person],
    )
    item.places.set([place])
    item.save_revision().publish()
    return publish_now(item)


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", password="long-enough-password")
    client.force_login(user)
    return user


def rss_item(client, url, link):
    root = ET.fromstring(client.get(url).content)  # noqa: S314 - our own feed
    return next(item for item in root.iter("item") if item.findtext("link") == link)


def atom_entry(client, url, link):
    root = ET.fromstring(client.get(url).content)  # noqa: S314 - our own feed
    return next(
        entry
        for entry in root.findall("atom:entry", NS)
        if entry.find("atom:link", NS).get("href") == link
    )


def test_feeds_api_and_ninjs_carry_the_version_and_the_notes(client, editor, news_index, validator):  # noqa: F811
    story = publish_new_story(client, news_index)
    assert edit(client, story, change_note=NOTE).status_code == 302
    story.refresh_from_db()
    client.logout()
    link = f"http://testserver{story.url}"
    version = str(story.live_revision_id)

    item = rss_item(client, "/en/news/feed/rss/", link)
    assert item.findtext("newsroom:version", namespaces=NS) == version
    (update,) = item.findall("newsroom:update", NS)
    assert update.text == NOTE and update.get("date").startswith(timezone.localdate().isoformat())
    content = item.findtext("content:encoded", namespaces=NS)
    assert "Updates to this page" in content and NOTE in content
    entry = atom_entry(client, "/en/news/feed/atom/", link)
    assert entry.findtext("newsroom:version", namespaces=NS) == version
    assert [node.text for node in entry.findall("newsroom:update", NS)] == [NOTE]
    feed = client.get("/en/news/feed/json/").json()
    (json_item,) = [entry for entry in feed["items"] if entry["url"] == link]
    assert json_item["_newsroom"]["version"] == version
    assert [update["note"] for update in json_item["_newsroom"]["updates"]] == [NOTE]

    detail = client.get(f"/api/v1/items/{story.pk}/").json()
    assert (detail["status"], detail["version"]) == ("published", version)
    assert [update["note"] for update in detail["updates"]] == [NOTE]
    (listed,) = [
        row for row in client.get("/api/v1/items/").json()["results"] if row["id"] == story.pk
    ]
    assert listed["version"] == version

    for address in (f"{story.url}ninjs.json", f"/api/v1/items/{story.pk}/ninjs/"):
        document = client.get(address).json()
        assert_valid(validator, document)
        assert document["version"] == version and document["pubStatus"] == "usable"
        notes = [d["value"] for d in document["descriptions"] if d["role"] == "change-note"]
        assert len(notes) == 1 and notes[0].endswith(f" {NOTE}")

    # Published again without a note: a new version, the same one note.
    client.force_login(editor)
    assert edit(client, story, dateline="Brussels, Belgium").status_code == 302
    story.refresh_from_db()
    assert str(story.live_revision_id) != version
    detail = client.get(f"/api/v1/items/{story.pk}/").json()
    assert detail["version"] == str(story.live_revision_id)
    assert [update["note"] for update in detail["updates"]] == [NOTE]
    item = rss_item(client, "/en/news/feed/rss/", link)
    assert len(item.findall("newsroom:update", NS)) == 1


def reader_addresses(story, topic):
    """Every public list an item appears in, with the text that shows it is there."""
    link = f"http://testserver{story.url}"
    return {
        "/en/news/": story.url,
        f"/en/news/{story.display_date:%Y/%m/%d}/": story.url,
        topic.url: story.url,
        "/en/people/jens-stoltenberg/": story.url,
        "/en/search/?q=Allies": story.url,
        "/en/news/feed/rss/": link,
        "/en/news/feed/atom/": link,
        "/en/news/feed/json/": link,
        "/en/news/story/feed/rss/": link,
        f"{topic.url}feed/atom/": link,
        "/en/people/jens-stoltenberg/feed/json/": link,
        "/sitemap.xml": link,
        "/sitemap-items.xml": link,
        "/sitemap-news.xml": link,
        "/api/v1/items/": link,
    }


def test_a_withdrawn_item_leaves_everything_and_its_address_says_why(
    client,
    editor,
    story,
    topic,
    validator,  # noqa: F811
):
    addresses = reader_addresses(story, topic)
    for address, text in addresses.items():
        response = client.get(address)
        assert response.status_code == 200 and text in response.text, address
    withdraw_url = f"/admin/news/items/{story.pk}/withdraw/"
    assert withdraw_url in client.get(f"/admin/pages/{story.pk}/edit/").content.decode()

    # Bad input: no reason, a reason too long. A clear message; the item stays published.
    for reason, message in (
        ("   ", "Give the reason readers will see for the withdrawal."),
        ("x" * 501, "Keep the reason to 500 characters or fewer (it has 501)."),
    ):
        response = client.post(withdraw_url, {"reason": reason})
        assert response.status_code == 200 and message in response.content.decode()
        assert NewsItemPage.objects.get(pk=story.pk).live

    response = client.post(withdraw_url, {"reason": f"  {REASON}\n"})
    assert response.status_code == 302
    withdrawn = NewsItemPage.objects.get(pk=story.pk)
    assert not withdrawn.live and withdrawn.withdrawal_reason == REASON
    client.logout()

    page = client.get(story.url)
    assert page.status_code == 410
    html = page.content.decode()
    assert f"<h1>{escape(story.title)}</h1>" in html
    assert "This item has been withdrawn" in html and REASON in html
    moment = timezone.localtime(withdrawn.withdrawn_at)
    assert f"{moment.day} {moment:%B %Y}, {moment:%H:%M}" in html
    assert "item__body" not in html and "The text of the statement." not in html
    assert story.teaser not in html
    assert '<meta name="robots" content="noindex">' in html

    for address, text in addresses.items():
        response = client.get(address)
        assert response.status_code == 200, address
        assert text not in response.text, address

    api = client.get(f"/api/v1/items/{story.pk}/")
    assert api.status_code == 410
    assert api.json()["status"] == "withdrawn" and api.json()["reason"] == REASON
    for address in (f"{story.url}ninjs.json", f"/api/v1/items/{story.pk}/ninjs/"):
        response = client.get(address)
        assert response.status_code == 410, address
        assert_valid(validator, response.json())
        assert response.json()["pubStatus"] == "canceled"
        assert response.json()["descriptions"] == [
            {"role": "withdrawal", "contentType": "text/plain", "value": REASON}
        ]
        assert "bodies" not in response.json()

    # Published again (the withdrawal was a mistake): back, without the notice.
    client.force_login(editor)
    form = story_form(withdrawn, topics=[topic.pk])
    assert client.post(f"/admin/pages/{story.pk}/edit/", form).status_code == 302
    republished = NewsItemPage.objects.get(pk=story.pk)
    assert republished.live and republished.withdrawn_at is None
    client.logout()
    page = client.get(story.url)
    assert page.status_code == 200 and REASON not in page.text


def test_unpublishing_stays_a_404_and_withdrawing_needs_a_published_item(client, editor, story):
    url = story.url
    story.unpublish()
    assert client.get(url).status_code == 404
    response = client.post(f"/admin/news/items/{story.pk}/withdraw/", {"reason": REASON})
    assert response.status_code == 302
    assert NewsItemPage.objects.get(pk=story.pk).withdrawn_at is None
    assert "Only a published item can be withdrawn." in client.get(response["Location"]).text
