"""The footer of every page: the press office's contacts, the feeds and e-mail alerts, the social
accounts and the accessibility statement, privacy notice and terms of use, as an editor gives
them in Settings -> Organisation, in English and in French. Pages are read through the page
cache, as readers get them: saving the settings must refresh every cached page."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Site

from newsroom.core.i18n import translate
from newsroom.delivery.pagecache import PageCache
from newsroom.delivery.tests.wsgi_client import WSGIClient, django_app
from newsroom.news.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

FOOTER = {
    "name": "North Atlantic Treaty Organization",
    "short_name": "NATO",
    "newsroom_title": "NATO Newsroom",
    "copyright_holder": "NATO",
    "usage_terms": "",
    "logo": "",
    "press_office_name": "Press & Media Section",
    "press_office_address": "Boulevard Léopold III\r\n1110 Brussels",
    "press_office_phone": "+32 2 707 50 41",
    "press_office_email": "press@example.org",
    "x_url": "https://x.com/NATO",
    "facebook_url": "",
    "linkedin_url": "https://www.linkedin.com/company/nato",
    "youtube_url": "",
    "instagram_url": "",
    "accessibility_url": "/en/accessibility/",
    "privacy_url": "/en/privacy-notice/",
    "terms_url": "https://example.org/terms",
    "press_office_name__fr": "Section Presse et médias",
    "press_office_address__fr": "Boulevard Léopold III\r\n1110 Bruxelles",
    "accessibility_url__fr": "/fr/accessibilite/",
    "privacy_url__fr": "",  # empty: French pages fall back to the English address
    "terms_url__fr": "",
}


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", password="long-enough-password")
    client.force_login(user)
    return user


@pytest.fixture
def site_behind_the_cache(home, news_index, django_capture_on_commit_callbacks):
    translate(home, Locale.objects.get(language_code="fr"))
    item = StoryPageFactory(parent=news_index, slug="allies-meet")
    return WSGIClient(PageCache(django_app())), ["/en/", "/en/news/", item.url, "/fr/"]


def save_settings(client, data, capture):
    site = Site.objects.get(is_default_site=True)
    # The page cache is emptied when the change commits (the test's transaction never does).
    with capture(execute=True):
        response = client.post(f"/admin/settings/core/organisationsettings/{site.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_the_footer_shows_the_settings_in_each_language_and_follows_their_changes(
    client, editor, site_behind_the_cache, django_capture_on_commit_callbacks
):
    readers, addresses = site_behind_the_cache
    for address in addresses:  # cached before the settings are given
        readers.get(address)
        assert readers.get(address).cache == "HIT", address
        assert "Press &amp; Media Section" not in readers.get(address).text

    save_settings(client, FOOTER, django_capture_on_commit_callbacks)
    for address in addresses[:3]:
        footer = readers.get(address).text.split('<footer class="site-footer">')[1]
        assert "<strong>Press &amp; Media Section</strong>" in footer, address
        assert "Boulevard Léopold III<br>1110 Brussels" in footer
        assert '<a href="tel:+3227075041">+32 2 707 50 41</a>' in footer
        assert '<a href="mailto:press@example.org">press@example.org</a>' in footer
        assert '<a href="/en/news/feed/rss/" type="application/rss+xml">' in footer
        assert '<a href="/en/alerts/">E-mail alerts</a>' in footer
        assert '<a href="https://x.com/NATO" rel="me noopener">X</a>' in footer
        assert ">LinkedIn</a>" in footer and "Facebook" not in footer
        assert '<a href="/en/accessibility/">Accessibility statement</a>' in footer
        assert '<a href="/en/privacy-notice/">Privacy notice</a>' in footer
        assert '<a href="https://example.org/terms">Terms of use</a>' in footer

    french = readers.get("/fr/").text.split('<footer class="site-footer">')[1]
    assert "<strong>Section Presse et médias</strong>" in french
    assert "1110 Bruxelles" in french and "Brussels" not in french
    assert '<a href="/fr/accessibilite/">Déclaration d’accessibilité</a>' in french
    assert '<a href="/en/privacy-notice/">Avis de confidentialité</a>' in french  # fallback
    assert '<a href="/fr/alertes/">Alertes par e-mail</a>' in french

    save_settings(
        client,
        {**FOOTER, "press_office_phone": "+32 2 707 10 10"},
        django_capture_on_commit_callbacks,
    )
    for address in addresses:
        assert "+32 2 707 10 10" in readers.get(address).text, address


def test_bad_footer_addresses_are_refused_with_a_reason(client, editor, home):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/core/organisationsettings/{site.pk}/"
    for field, value in [
        ("accessibility_url", "javascript:alert(1)"),
        ("privacy_url", "//evil.example/"),
        ("terms_url__fr", "conditions"),
    ]:
        response = client.post(url, {**FOOTER, field: value})
        assert response.status_code == 200, field
        assert "Give an address on this site, starting with /" in response.content.decode()


def test_without_footer_settings_the_footer_keeps_feeds_alerts_and_copyright(client, home):
    footer = client.get("/en/").content.decode().split('<footer class="site-footer">')[1]
    assert "E-mail alerts" in footer and "News feed (RSS)" in footer and "©" in footer
    assert "Press office" not in footer and "About this site" not in footer
