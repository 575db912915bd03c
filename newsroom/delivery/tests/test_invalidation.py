"""Each invalidation rule, proved through HTTP: a cached page changes after the change commits."""

import datetime

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction, Site

from newsroom.core.models import OrganisationSettings
from newsroom.home.models import FeaturedItem, MoreLink
from newsroom.news.factories import StoryPageFactory, VideoPageFactory
from newsroom.topics.factories import PersonFactory, TopicPageFactory
from newsroom.topics.models import PeopleIndexPage

pytestmark = pytest.mark.django_db

DAY = datetime.date(2023, 11, 17)


def archive_urls(item):
    return [f"/en/news/{DAY:%Y}/", f"/en/news/{DAY:%Y/%m}/", f"/en/news/{DAY:%Y/%m/%d}/"]


@pytest.fixture
def topic(topic_index):
    return TopicPageFactory(parent=topic_index, title="Cyber defence", slug="cyber-defence")


@pytest.fixture
def person(home):
    return PersonFactory(name="Anna Andersen", slug="anna-andersen")


@pytest.fixture
def story(news_index, topic, person):
    return StoryPageFactory(
        parent=news_index,
        title="Old story",
        slug="old-story",
        display_date=DAY,
        topics=[topic],
        people=[person],
    )


def warm(site, urls):
    """Fill the cache, and check the next request is a hit."""
    for url in urls:
        site.get(url)
        assert site.get(url).cache == "HIT", url


def reader_urls(story, topic, person):
    return ["/en/", "/en/news/", story.url, topic.url, f"/en/people/{person.slug}/"] + (
        archive_urls(story)
    )


def test_publishing_a_new_item_refreshes_every_listing_it_appears_on(
    cached_site, news_index, story, topic, person, publish
):
    urls = ["/en/", "/en/news/", topic.url, f"/en/people/{person.slug}/", *archive_urls(story)]
    warm(cached_site, urls)

    def add_item():
        item = StoryPageFactory.build(title="Brand new story", slug="brand-new", display_date=DAY)
        news_index.add_child(instance=item)
        item.topics.set([topic])
        item.people.set([person])
        item.save_revision().publish()

    publish(add_item)
    for url in urls:
        response = cached_site.get(url)
        assert response.cache == "MISS", url
        assert "Brand new story" in response.text, url


def test_editing_and_republishing_an_item_refreshes_its_page_and_listings(
    cached_site, story, topic, person, publish
):
    urls = reader_urls(story, topic, person)
    warm(cached_site, urls)
    story.title = "Corrected story"
    publish(lambda: story.save_revision().publish())
    for url in urls:
        response = cached_site.get(url)
        assert "Corrected story" in response.text, url
        assert ">Old story<" not in response.text, url


def test_saving_a_draft_changes_nothing_readers_see(cached_site, story):
    warm(cached_site, [story.url])
    story.title = "Draft title"
    story.save_revision()
    response = cached_site.get(story.url)
    assert response.cache == "HIT" and "Old story" in response.text


def test_unpublishing_removes_the_item_everywhere(cached_site, story, topic, person, publish):
    urls = reader_urls(story, topic, person)
    warm(cached_site, urls)
    publish(story.unpublish)
    assert cached_site.get(story.url).status_code == 404
    for url in urls:
        if url != story.url:
            assert ">Old story<" not in cached_site.get(url).text, url


def test_deleting_removes_the_item_everywhere(cached_site, story, topic, person, publish):
    urls = reader_urls(story, topic, person)
    url = story.url
    warm(cached_site, urls)
    publish(Page.objects.get(pk=story.pk).delete)
    assert cached_site.get(url).status_code == 404
    for other in urls:
        if other != url:
            assert ">Old story<" not in cached_site.get(other).text, other


def test_moving_a_page_refreshes_the_site(cached_site, news_index, story, publish):
    other = StoryPageFactory(parent=news_index, title="Other story", display_date=DAY)
    warm(cached_site, ["/en/news/"])
    publish(lambda: Page.objects.get(pk=other.pk).move(story, pos="left"))
    assert cached_site.get("/en/news/").cache == "MISS"


def test_a_cached_404_becomes_the_item_when_it_is_published(cached_site, news_index, publish):
    item = StoryPageFactory.build(title="Embargoed", slug="embargoed", display_date=DAY, live=False)
    news_index.add_child(instance=item)
    url = f"/en/news/{DAY:%Y/%m/%d}/embargoed/"
    warm(cached_site, [url])
    assert cached_site.get(url).status_code == 404
    publish(lambda: item.save_revision().publish())
    assert cached_site.get(url).status_code == 200


def test_changing_the_front_page_featured_items_and_more_links(
    cached_site, home, news_index, publish
):
    story = StoryPageFactory(parent=news_index, title="Ordinary story")
    video = VideoPageFactory(parent=news_index, title="Summit video")
    home.featured_items = [FeaturedItem(item=story)]
    publish(lambda: home.save_revision().publish())
    warm(cached_site, ["/en/"])
    home.featured_items = [FeaturedItem(item=video)]
    home.more_links = [MoreLink(link_url="https://example.org/press", title="Press kit")]
    publish(lambda: home.save_revision().publish())
    html = cached_site.get("/en/").text
    assert 'class="featured__label">Video: Summit video' in html
    assert "Press kit" in html


def test_editing_a_person_refreshes_their_page_and_items(cached_site, story, person, publish):
    urls = [f"/en/people/{person.slug}/", story.url]
    warm(cached_site, urls)
    person.name = "Anna Andersen-Berg"
    publish(person.save)
    for url in urls:
        assert "Anna Andersen-Berg" in cached_site.get(url).text, url


def test_organisation_settings_refresh_every_page(cached_site, story, home, publish):
    warm(cached_site, ["/en/", story.url])
    settings = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    settings.newsroom_title = "Alliance Newsroom"
    publish(settings.save)
    for url in ["/en/", story.url]:
        assert "Alliance Newsroom" in cached_site.get(url).text, url


def test_a_new_redirect_replaces_a_cached_404(cached_site, story, publish):
    warm(cached_site, ["/en/old-address/"])
    publish(lambda: Redirect.objects.create(old_path="/en/old-address", redirect_page=story))
    assert cached_site.get("/en/old-address/").status_code in (301, 302)


@pytest.mark.parametrize("page", ["story", "topic"])
def test_making_a_page_private_stops_serving_it(cached_site, story, topic, publish, page):
    page = {"story": story, "topic": topic}[page]
    warm(cached_site, [page.url])
    publish(
        lambda: PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )
    )
    response = cached_site.get(page.url)
    assert response.status_code == 302 and "/login/" in response.headers["location"]


def test_nothing_changes_until_the_transaction_commits(
    cached_site, story, django_capture_on_commit_callbacks
):
    warm(cached_site, [story.url])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        story.title = "Not yet"
        story.save_revision().publish()
    assert callbacks  # the bump waits for the commit
    assert cached_site.get(story.url).cache == "HIT"


def test_publishing_in_the_admin_refreshes_the_front_page(
    cached_site, story, admin_client, django_capture_on_commit_callbacks
):
    from .admin_forms import edit_form_data, with_body

    warm(cached_site, ["/en/", story.url])
    edit_url = f"/admin/pages/{story.pk}/edit/"
    data = with_body(edit_form_data(admin_client.get(edit_url).content), ["New body."])
    data.update({"title": "Published from the admin", "action-publish": "action-publish"})
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(edit_url, data)
    assert response.status_code == 302, response.content[:2000]
    assert "Published from the admin" in cached_site.get("/en/").text
    assert "Published from the admin" in cached_site.get(story.url).text


# --- CDN purge ------------------------------------------------------------------------------
def test_a_configured_cdn_is_told_which_urls_changed(settings, story, topic, person, publish):
    from .fake_cdn import FakeCDN

    settings.WAGTAILFRONTENDCACHE = {
        "fake": {"BACKEND": "newsroom.delivery.tests.fake_cdn.FakeCDN"}
    }
    FakeCDN.purged.clear()
    story.title = "Corrected"
    publish(lambda: story.save_revision().publish())
    purged = set(FakeCDN.purged)
    base = "http://localhost"
    people_index = PeopleIndexPage.objects.get(locale__language_code="en")
    assert {
        f"{base}/en/",
        f"{base}/en/news/",
        f"{base}{story.url}",
        f"{base}{topic.url}",
        f"{base}{people_index.url}{person.slug}/",
        *(f"{base}{url}" for url in archive_urls(story)),
    } <= purged


def test_without_a_cdn_nothing_is_purged(settings, story, publish):
    from .fake_cdn import FakeCDN

    settings.WAGTAILFRONTENDCACHE = {}
    FakeCDN.purged.clear()
    publish(lambda: story.save_revision().publish())
    assert FakeCDN.purged == []


def test_a_failing_cdn_does_not_break_publishing(settings, story, publish):
    settings.WAGTAILFRONTENDCACHE = {
        "broken": {"BACKEND": "newsroom.delivery.tests.fake_cdn.BrokenCDN"}
    }
    publish(lambda: story.save_revision().publish())


# --- which changes keep the epoch (and so allow stale copies and reused cards) ----------------
def change_of(kind, story, person, news_index):
    def rename():
        story.slug = "renamed-story"
        story.save_revision().publish()

    return {
        "edit and publish": lambda: story.save_revision().publish(),
        "publish a section": lambda: news_index.save_revision().publish(),
        "publish with a new slug": rename,
        "edit a person": lambda: person.save(),
        "unpublish": story.unpublish,
        "delete": lambda: Page.objects.get(pk=story.pk).delete(),
        "move": lambda: Page.objects.get(pk=story.pk).move(news_index, pos="first-child"),
        "make private": lambda: PageViewRestriction.objects.create(
            page=story, restriction_type=PageViewRestriction.LOGIN
        ),
        "add a redirect": lambda: Redirect.objects.create(old_path="/en/x", redirect_page=story),
        "delete a person": lambda: person.delete(),
    }[kind]


@pytest.mark.parametrize(
    ("kind", "same_epoch"),
    [
        ("edit and publish", True),
        ("publish a section", False),
        ("publish with a new slug", False),
        ("edit a person", False),
        ("unpublish", False),
        ("delete", False),
        ("move", False),
        ("make private", False),
        ("add a redirect", False),
        ("delete a person", False),
    ],
)
def test_only_publishing_an_item_keeps_the_epoch(
    kind, same_epoch, story, person, news_index, publish
):
    from newsroom.caching import generation

    before = generation.current()
    publish(change_of(kind, story, person, news_index))
    after = generation.current()
    assert after != before
    assert generation.same_epoch(before, after) is same_epoch


def test_publishing_an_advisory_purges_the_events_calendar(settings, news_index, topic, publish):
    from newsroom.news.factories import MediaAdvisoryPageFactory

    from .fake_cdn import FakeCDN

    advisory = MediaAdvisoryPageFactory(parent=news_index, slug="briefing-on-cyber", topics=[topic])
    settings.WAGTAILFRONTENDCACHE = {
        "fake": {"BACKEND": "newsroom.delivery.tests.fake_cdn.FakeCDN"}
    }
    FakeCDN.purged.clear()
    advisory.venue = "Elsewhere"
    publish(lambda: advisory.save_revision().publish())
    base = "http://localhost"
    assert {
        f"{base}/en/events/",
        f"{base}/en/events/calendar.ics",
        f"{base}/en/events/briefing-on-cyber.ics",
        f"{base}/en/events/topics/cyber-defence/calendar.ics",
    } <= set(FakeCDN.purged)
