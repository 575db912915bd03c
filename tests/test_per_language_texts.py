"""Texts outside the page tree, per language: the organisation's names (site settings) and the
alt text, caption and credit of images. Editors give them in the admin; French pages, feeds and
structured data show the French ones, falling back to the default language's when empty."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Site

from newsroom.core.i18n import translate
from newsroom.core.models import OrganisationSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_home(home):
    return translate(home, Locale.objects.get(language_code="fr"))


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", password="long-enough-password")
    client.force_login(user)
    return user


ENGLISH_ORGANISATION = {
    "name": "North Atlantic Treaty Organization",
    "short_name": "NATO",
    "newsroom_title": "NATO Newsroom",
    "copyright_holder": "NATO Public Diplomacy Division",
    "usage_terms": "Free for editorial use.",
    "logo": "",
}


def test_editor_gives_the_organisation_french_texts_and_french_pages_show_them(
    client, editor, french_home
):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/core/organisationsettings/{site.pk}/"
    form = client.get(url).text
    assert 'name="newsroom_title__fr"' in form and 'name="usage_terms__fr"' in form
    data = {
        **ENGLISH_ORGANISATION,
        "name__fr": "Organisation du Traité de l’Atlantique Nord",
        "short_name__fr": "OTAN",
        "newsroom_title__fr": "Salle de presse de l’OTAN",
        "copyright_holder__fr": "",  # left empty: French pages fall back to the English one
        "usage_terms__fr": "Libre de droits pour un usage éditorial.",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    stored = OrganisationSettings.objects.get(site=site)
    assert stored.newsroom_title == "NATO Newsroom"  # the default language is untouched
    assert stored.texts_by_language == {
        "fr": {
            "name": "Organisation du Traité de l’Atlantique Nord",
            "short_name": "OTAN",
            "newsroom_title": "Salle de presse de l’OTAN",
            "usage_terms": "Libre de droits pour un usage éditorial.",
        }
    }
    # The form shows what was saved, so a second save loses nothing.
    assert "Salle de presse de l’OTAN" in client.get(url).text

    client.logout()
    french = client.get("/fr/").text
    assert "<title>Salle de presse de l’OTAN | Salle de presse de l’OTAN</title>" in french
    assert 'class="site-title" href="/fr/">Salle de presse de l’OTAN</a>' in french
    assert "© NATO Public Diplomacy Division" in french  # fallback
    assert "NATO Newsroom" not in french

    english = client.get("/en/").text
    assert (
        "<title>NATO Newsroom | NATO Newsroom</title>" in english
        and "Salle de presse" not in english
    )

    feed = client.get("/fr/actualites/feed/rss/").content.decode()
    assert "Salle de presse de l’OTAN" in feed and "NATO Newsroom" not in feed


def test_a_readers_copy_of_the_settings_cannot_be_saved_over_the_default_texts(french_home):
    settings = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    settings.texts_by_language = {"fr": {"newsroom_title": "Salle de presse"}}
    settings.save()
    french = settings.in_language("fr")
    assert french.newsroom_title == "Salle de presse"
    with pytest.raises(ValueError, match="read-only"):
        french.save()
    settings.refresh_from_db()
    assert settings.newsroom_title == "Newsroom"
