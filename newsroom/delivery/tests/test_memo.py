"""Per-generation values (memo.py) seen through uncached renders: never older than the site
generation, whether the change was made in this process or in another worker."""

import pytest
from wagtail.models import Site

from newsroom.caching import generation
from newsroom.core.models import OrganisationSettings

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _uncached(settings):
    settings.NEWSROOM_PAGE_CACHE = False


def test_settings_saved_in_this_process_show_on_the_next_render(client, home, publish):
    assert client.get("/en/").status_code == 200
    organisation = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    organisation.newsroom_title = "Alliance Press Room"
    publish(organisation.save)
    assert "Alliance Press Room" in client.get("/en/").text


def test_a_change_made_by_another_worker_shows_once_the_generation_moves(client, home):
    site = Site.objects.get(is_default_site=True)
    OrganisationSettings.for_site(site)
    client.get("/en/")
    # Another worker's save: the row changes without this process's signals, then its
    # on-commit hook bumps the shared generation.
    OrganisationSettings.objects.filter(site=site).update(newsroom_title="Renamed elsewhere")
    generation.bump(hard=True)  # settings are not an item's publish: a new epoch
    assert "Renamed elsewhere" in client.get("/en/").text
    assert "Renamed elsewhere" in client.get("/en/news/").text


def test_navigation_follows_a_section_renamed_and_published(client, home, news_index, publish):
    assert 'href="/en/news/"' in client.get("/en/").text
    news_index.slug = "latest"
    publish(lambda: news_index.save_revision().publish())
    page = client.get("/en/").text
    assert 'href="/en/latest/"' in page and 'href="/en/news/"' not in page


def test_each_host_gets_its_own_site(client, home, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    other_root = home.get_parent().add_child(title="Other newsroom", slug="other-newsroom")
    Site.objects.create(hostname="other.example", port=80, root_page=other_root)
    OrganisationSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True), defaults={"newsroom_title": "Main room"}
    )
    assert "Main room" in client.get("/en/").text
    # A host with its own site is routed to its own tree.
    other = client.get("/en/", headers={"host": "other.example"}).text
    assert "Other newsroom" in other and "Main room" not in other
    main = client.get("/en/").text
    assert "Main room" in main and "Other newsroom" not in main


# --- routing, view restrictions, listing pages and the front page -----------------------------
@pytest.fixture
def as_another_worker(monkeypatch):
    """This process's own saves no longer refresh its values: only the generation does."""
    monkeypatch.setattr(generation, "local_version", lambda: 0)


def test_a_section_is_routed_from_memory_until_the_epoch_moves(client, home, as_another_worker):
    from wagtail.models import Page

    from newsroom.core.models import StandardPage

    assert client.get("/en/about-us/").status_code == 404
    section = home.add_child(instance=StandardPage(title="About us", slug="about-us"))
    assert client.get("/en/about-us/").status_code == 200  # not found before: looked for again
    # Renamed behind the site's back: the routing kept for this epoch still leads to it...
    Page.objects.filter(pk=section.pk).update(slug="who-we-are")
    generation.bump()
    assert client.get("/en/about-us/").status_code == 200
    generation.bump(hard=True)  # ...until a change that is not an item's publish
    assert client.get("/en/about-us/").status_code == 404


def test_a_section_made_private_is_closed_to_readers_at_once(client, home, publish):
    from wagtail.models import PageViewRestriction

    from newsroom.core.models import StandardPage

    section = home.add_child(instance=StandardPage(title="Internal", slug="internal"))
    assert client.get("/en/internal/").status_code == 200
    publish(
        PageViewRestriction.objects.create, page=section, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/en/internal/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert client.get("/en/").status_code == 200  # the rest of the site stays open


def test_a_listing_page_is_read_again_when_the_site_changes(
    client, news_index, publish, as_another_worker
):
    from newsroom.news.factories import StoryPageFactory
    from newsroom.news.models import NewsItemPage

    story = StoryPageFactory(parent=news_index, title="First headline")
    publish(lambda: story.save_revision().publish())
    assert "First headline" in client.get("/en/news/").text
    NewsItemPage.objects.filter(pk=story.pk).update(title="Second headline")
    assert ">First headline<" in client.get("/en/news/").text  # kept for this generation
    generation.bump(hard=True)  # what another worker's change (not a publish) does
    page = client.get("/en/news/").text
    assert ">Second headline<" in page and ">First headline<" not in page


def test_the_front_page_preview_shows_the_draft_not_the_kept_contents(client, home, news_index):
    from newsroom.news.factories import StoryPageFactory

    story = StoryPageFactory(parent=news_index, title="Summit opens")
    story.save_revision().publish()
    assert "Summit opens" in client.get("/en/").text
    home.latest_count = 0
    preview = home.make_preview_request().content.decode()
    assert "Summit opens" not in preview.split('id="main"')[1]
    assert "Summit opens" in client.get("/en/").text


def test_made_up_item_addresses_do_not_push_out_kept_values(client, news_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from newsroom.caching import memo
    from newsroom.news.factories import StoryPageFactory

    StoryPageFactory(parent=news_index, title="Summit opens")
    client.get("/en/")
    with CaptureQueriesContext(connection) as warm:
        assert "Summit opens" in client.get("/en/").text
    for number in range(memo._values.limit + 10):  # a crawler trying addresses
        assert client.get(f"/en/news/2023/11/28/made-up-{number}/").status_code == 404
    with CaptureQueriesContext(connection) as after:
        assert "Summit opens" in client.get("/en/").text
    assert len(after.captured_queries) == len(warm.captured_queries)
