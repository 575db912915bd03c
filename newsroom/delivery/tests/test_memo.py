"""Per-generation values (memo.py) seen through uncached renders: never older than the site
generation, whether the change was made in this process or in another worker."""

import pytest
from wagtail.models import Site

from newsroom.core.models import OrganisationSettings
from newsroom.delivery import generation

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
    generation.bump()
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
