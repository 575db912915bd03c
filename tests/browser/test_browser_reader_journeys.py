"""Readers' journeys through the real site in Chromium: what they click, what they see."""

import re
import xml.etree.ElementTree as ET

from browser_support import VIDEO_PAGE_TITLE
from playwright.sync_api import expect

FEED_LINK = 'head link[rel="alternate"][type$="xml"]'
ATOM = "{http://www.w3.org/2005/Atom}"


def feed_titles(page, href):
    """The entry titles of the RSS or Atom feed at ``href``, fetched with the page's cookies."""
    response = page.request.get(href)
    assert response.ok, f"{href} answered {response.status}"
    assert "xml" in response.headers["content-type"], response.headers["content-type"]
    root = ET.fromstring(response.body())  # noqa: S314 - our own server's feed
    titles = [element.text for element in root.iter("title")]
    titles += [element.text for element in root.iter(f"{ATOM}title")]
    return titles


def test_front_page_highlight_story_topic_and_its_feed(open_page):
    page = open_page("desktop")
    page.goto("/en/")
    highlight = page.locator(".featured__link").first
    story_title = highlight.locator(".featured__label").inner_text()
    highlight.click()

    expect(page).to_have_url(re.compile(r"/en/news/\d{4}/\d{2}/\d{2}/[-\w]+/$"))
    expect(page.locator("h1")).to_have_text(story_title)
    expect(page.locator(".item__body")).not_to_be_empty()
    topic_link = page.locator(".item__tags a[href^='/en/topics/']").first
    topic_name = topic_link.inner_text()
    topic_link.click()

    expect(page).to_have_url(re.compile(r"/en/topics/[-\w]+/$"))
    expect(page.locator("h1")).to_have_text(topic_name)
    expect(page.locator(".item-list")).to_contain_text(story_title)

    # The topic page names its own feed first, then the site's: /en/topics/<slug>/feed/rss/.
    feed = page.locator(FEED_LINK)
    assert feed.count() > 0, 'the topic page has no <link rel="alternate"> feed link'
    href = feed.first.get_attribute("href")
    assert re.search(r"/en/topics/[-\w]+/feed/(rss|atom)/$", href), href
    assert story_title in feed_titles(page, href)


def test_latest_list_watch_video_plays_the_uploaded_file(open_page):
    page = open_page("desktop")
    page.goto("/en/")
    card = page.locator(".latest article", has_text=VIDEO_PAGE_TITLE)
    # The link says "Watch Video"; its accessible name adds the headline.
    card.get_by_role("link", name=re.compile(r"^Watch Video")).click()

    expect(page.locator("h1")).to_have_text(VIDEO_PAGE_TITLE)
    video = page.locator("video")
    expect(video).to_be_visible()
    video.evaluate(
        "(video) => video.addEventListener('playing', () => { window.videoPlayed = true; })"
    )
    # Space on the focused player plays it (headless Chromium ignores a click on the big
    # overlay button; the control bar's button works too, but its position is Chromium's).
    video.focus()
    page.keyboard.press("Space")
    page.wait_for_function("() => window.videoPlayed === true")
    page.wait_for_function("() => document.querySelector('video').currentTime > 0.2")
    state = video.evaluate(
        "(video) => ({src: video.currentSrc, width: video.videoWidth, error: video.error,"
        " captions: Array.from(video.textTracks).map((track) => track.kind)})"
    )
    assert state["src"].endswith(".webm") and state["width"] == 160 and state["error"] is None
    assert state["captions"] == ["captions"]


def test_news_listing_filters_by_type_date_and_topic_pages_and_goes_back(open_page):
    page = open_page("desktop")
    page.goto("/en/news/")
    page.get_by_label("Type", exact=True).select_option("story")
    page.get_by_label("From", exact=True).fill("2023-11-01")
    page.get_by_label("To", exact=True).fill("2023-11-30")
    page.get_by_role("button", name="Apply").click()

    expect(page).to_have_url(re.compile(r"type=story.*from=2023-11-01.*to=2023-11-30"))
    cards = page.locator(".item-list > li")
    expect(cards).to_have_count(10)
    expect(page.locator(".card__type")).to_have_text(["Story"] * 10)
    pagination = page.locator(".pagination")
    expect(pagination).to_contain_text("Page 1 of 2")
    first_page_titles = page.locator(".card__title").all_inner_texts()

    pagination.get_by_role("link", name="Next").click()
    expect(page).to_have_url(re.compile(r"type=story.*page=2|page=2.*type=story"))
    expect(pagination).to_contain_text("Page 2 of 2")
    second_page_titles = page.locator(".card__title").all_inner_texts()
    assert second_page_titles and not set(second_page_titles) & set(first_page_titles)
    expect(page.locator(".card__type")).to_have_text(["Story"] * len(second_page_titles))

    page.go_back()
    expect(pagination).to_contain_text("Page 1 of 2")
    expect(page.locator(".card__title")).to_have_text(first_page_titles)
    expect(page.get_by_label("Type", exact=True)).to_have_value("story")

    page.get_by_label("Topic", exact=True).select_option("ukraine")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"topic=ukraine"))
    narrowed = page.locator(".card__title").all_inner_texts()
    page.goto("/en/topics/ukraine/")
    on_topic = page.locator(".card__title").all_inner_texts()
    assert narrowed and set(narrowed) <= set(on_topic)


def test_search_finds_a_name_typed_without_its_diacritics(open_page):
    page = open_page("phone")
    page.goto("/en/")
    search = page.get_by_role("searchbox", name="Search the newsroom")
    search.fill("Geoana")
    search.press("Enter")

    expect(page).to_have_url(re.compile(r"/en/search/\?q=Geoana"))
    expect(page.locator(".results-count")).to_contain_text("for “Geoana”")
    titles = page.locator(".card__title")
    expect(titles.first).to_contain_text("Geoană")
    titles.first.get_by_role("link").click()
    expect(page.locator(".item__tags")).to_contain_text("Mircea Geoană")


def test_date_archive_from_the_listing_to_a_year_month_and_day(open_page):
    page = open_page("desktop")
    page.goto("/en/news/")
    page.get_by_role("link", name="Browse the archive by date").click()
    expect(page.locator("h1")).to_contain_text("News from")

    page.get_by_role("navigation", name="Years").get_by_role("link", name="2023").click()
    expect(page).to_have_url(re.compile(r"/en/news/2023/$"))
    expect(page.locator("h1")).to_have_text("News from 2023")

    page.get_by_role("navigation", name="Months").get_by_role("link", name="November").click()
    expect(page).to_have_url(re.compile(r"/en/news/2023/11/$"))
    expect(page.locator("h1")).to_have_text("News from November 2023")
    expect(page.locator(".card__meta time").first).to_contain_text("November 2023")

    page.locator(".card__title a").first.click()
    day_link = page.get_by_role("navigation", name="Breadcrumb").get_by_role(
        "link", name=re.compile(r"^\d{1,2} November 2023$")
    )
    day = day_link.inner_text()
    day_link.click()
    expect(page.locator("h1")).to_have_text(f"News from {day}")
    expect(page.locator(".card__meta time")).to_have_text(
        [day] * page.locator(".card__meta time").count()
    )

    page.get_by_role("navigation", name="Breadcrumb").get_by_role(
        "link", name="November 2023"
    ).click()
    expect(page).to_have_url(re.compile(r"/en/news/2023/11/$"))
