"""Each site's navigation leads to its own sections, whichever site was asked first."""

import pytest
from wagtail.models import Site

from newsroom.home.models import HomePage
from newsroom.news.models import NewsIndexPage

pytestmark = pytest.mark.django_db


def navigation(html):
    return html.split('<nav class="site-nav"')[1].split("</nav>")[0]


def test_a_second_site_is_never_shown_the_first_sites_sections(client, home, news_index, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    other_home = home.get_parent().add_child(
        instance=HomePage(title="Other newsroom", slug="other-newsroom", locale=home.locale)
    )
    other_home.add_child(instance=NewsIndexPage(title="Latest", slug="latest", locale=home.locale))
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)

    main = navigation(client.get("/en/").text)
    other = navigation(client.get("/en/", headers={"host": "other.example"}).text)
    assert 'href="/en/news/"' in main
    assert "/en/news/" not in other and "/en/latest/" in other
    assert 'href="/en/news/"' in navigation(client.get("/en/").text)
