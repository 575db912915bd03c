"""An item's share links (e-mail, the main networks, copy link) are plain links with the address
and headline URL-encoded, and no page loads a script from anywhere but this site; a printed item
leaves out the navigation, footer and share bar and shows links' full addresses."""

import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from newsroom.news.factories import PressReleasePageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db
HEADLINE = 'Allies & partners agree "plan" <now> — 100% #NATO'
PRINT_CSS = Path(__file__).resolve().parent.parent / "static" / "css" / "print.css"


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def item(news_index):
    return StoryPageFactory(
        parent=news_index,
        title=HEADLINE,
        slug="allies-agree",
        display_date=datetime.date(2023, 11, 15),
        teaser="Ministers & envoys agreed.",
    )


def test_share_links_carry_the_address_and_headline_encoded(client, item):
    page = soup(client.get(item.url))
    share = page.select_one("section.share")
    address = f"http://testserver{item.url}"
    links = {a.get_text(" ", strip=True).split(" (")[0]: a["href"] for a in share.select("a")}
    assert list(links) == ["E-mail", "X", "Bluesky", "Facebook", "LinkedIn", "WhatsApp"]

    mail = urlsplit(links["E-mail"])
    assert mail.scheme == "mailto" and " " not in links["E-mail"] and "&amp;" not in mail.query
    fields = parse_qs(mail.query)
    assert fields["subject"] == [HEADLINE]
    assert fields["body"] == [f"{HEADLINE}\n\nMinisters & envoys agreed.\n\n{address}"]
    x = parse_qs(urlsplit(links["X"]).query)
    assert x == {"text": [HEADLINE], "url": [address]}
    assert parse_qs(urlsplit(links["Facebook"]).query) == {"u": [address]}
    assert parse_qs(urlsplit(links["LinkedIn"]).query) == {"url": [address]}
    for href in links.values():
        assert "<" not in href and '"' not in href and "#" not in href.split("?", 1)[1]
    # The raw HTML escapes the query's ampersands; nothing of the headline breaks out.
    html = client.get(item.url).content.decode()
    bar = html[
        html.index('<section class="share"') : html.index(
            "</section>", html.index('<section class="share"')
        )
    ]
    assert "<now>" not in bar and "&amp;" in bar
    copy = share.select_one("button[data-copy-link]")
    assert copy["data-copy-link"] == address and copy.has_attr("hidden")  # shown by share.js


def test_every_item_type_has_the_share_bar(client, news_index):
    release = PressReleasePageFactory(parent=news_index, title="A release")
    assert soup(client.get(release.url)).select_one("section.share a[href^='mailto:']")


def test_no_page_loads_a_script_from_elsewhere(client, item, topic_index):
    for address in ["/en/", "/en/news/", item.url, "/en/topics/", "/en/search/?q=allies"]:
        for script in soup(client.get(address)).select("script[src]"):
            assert script["src"].startswith("/static/"), (address, script)


def test_the_print_stylesheet_is_linked_and_leaves_the_furniture_out(client, item):
    link = soup(client.get(item.url)).select_one('link[rel="stylesheet"][media="print"]')
    assert link["href"] == "/static/css/print.css"
    css = PRINT_CSS.read_text()
    hidden = css.split("{ display: none !important; }")[0]
    for part in (".site-header", ".site-footer", ".share", ".breadcrumbs", ".related"):
        assert part in hidden, part
    assert 'content: " (" attr(data-print-href) ")"' in css
    js = (PRINT_CSS.parent.parent / "js" / "share.js").read_text()
    assert "beforeprint" in js and "data-print-href" in js
