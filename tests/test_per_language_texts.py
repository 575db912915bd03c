"""Texts outside the page tree, per language: the organisation's names (site settings) and the
alt text, caption and credit of images. Editors give them in the admin; French pages, feeds and
structured data show the French ones, falling back to the default language's when empty."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Site

from newsroom.core.i18n import translate
from newsroom.core.models import OrganisationSettings
from newsroom.images.factories import ImageFactory
from newsroom.news.factories import StoryPageFactory

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


# --- images ----------------------------------------------------------------------------------
@pytest.fixture
def pictured(home, news_index, french_home):
    image = ImageFactory(
        title="Soldiers on the range",
        description="Soldiers aim at targets on a firing range.",
        caption="Troops train at Adazi.",
        credit="NATO",
    )
    story = StoryPageFactory(
        parent=news_index,
        title="Allies train together",
        slug="allies-train-together",
        teaser="Troops from five Allies trained together.",
        display_date=datetime.date(2023, 11, 10),
        listing_image=image,
    )
    french_story = translate(
        story,
        Locale.objects.get(language_code="fr"),
        {
            story.title: "Les Alliés s’entraînent ensemble",
            story.slug: "les-allies-s-entrainent-ensemble",
            story.teaser: "Des soldats de cinq pays alliés se sont entraînés ensemble.",
        },
    )
    return image, story, french_story


FRENCH_ALT = "Des soldats visent des cibles sur un champ de tir."
FRENCH_CAPTION = "Entraînement des troupes à Adazi."


def test_editor_gives_an_image_french_alt_text_and_caption_in_the_admin(client, editor, pictured):
    image, story, french_story = pictured
    url = f"/admin/images/{image.pk}/"
    form = client.get(url).text
    assert 'name="description__fr"' in form and 'name="caption__fr"' in form
    response = client.post(
        url,
        {
            "title": image.title,
            "collection": image.collection_id,
            "description": image.description,
            "caption": image.caption,
            "credit": image.credit,
            "description__fr": FRENCH_ALT,
            "caption__fr": FRENCH_CAPTION,
            "credit__fr": "",  # empty: French pages show the English credit
            "tags": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    image.refresh_from_db()
    assert image.description == "Soldiers aim at targets on a firing range."
    assert image.texts_by_language == {"fr": {"description": FRENCH_ALT, "caption": FRENCH_CAPTION}}
    client.logout()

    french = client.get(french_story.url).text
    assert f'alt="{FRENCH_ALT}"' in french
    assert f'<figcaption>{FRENCH_CAPTION} <span class="credit">© NATO</span></figcaption>' in (
        french
    )
    assert "Soldiers aim at targets" not in french and "Troops train at Adazi" not in french
    assert f'alt="{FRENCH_ALT}"' in client.get("/fr/").text  # the listing card

    english = client.get(story.url).text
    assert 'alt="Soldiers aim at targets on a firing range."' in english
    assert "<figcaption>Troops train at Adazi." in english and FRENCH_ALT not in english

    api = client.get("/api/v1/items/", {"lang": "fr"}).json()["results"][0]["image"]
    assert (api["alt"], api["caption"], api["credit"]) == (FRENCH_ALT, FRENCH_CAPTION, "NATO")
    english_api = client.get("/api/v1/items/", {"lang": "en"}).json()["results"][0]["image"]
    assert english_api["caption"] == "Troops train at Adazi."

    feed = client.get("/fr/actualites/feed/rss/").content.decode()
    assert FRENCH_ALT in feed and "Soldiers aim at targets" not in feed
    ninjs = client.get(f"/api/v1/items/{french_story.pk}/ninjs/").json()
    descriptions = ninjs["associations"][0]["descriptions"]
    assert {(d["role"], d["value"]) for d in descriptions} == {
        ("caption", FRENCH_CAPTION),
        ("alt", FRENCH_ALT),
    }


def test_an_image_form_without_the_language_fields_keeps_the_french_texts(editor, pictured):
    from wagtail.images.forms import get_image_form

    from newsroom.images.models import NewsroomImage

    image = pictured[0]
    image.texts_by_language = {"fr": {"caption": FRENCH_CAPTION}}
    image.save()
    # Wagtail's partial forms (fields=...) still carry the declared French fields, but a
    # submission that did not show them must not empty them.
    form_class = get_image_form(NewsroomImage, fields=["title"])
    form = form_class(
        {"title": "Renamed", "collection": image.collection_id}, instance=image, user=editor
    )
    assert form.is_valid(), form.errors
    form.save()
    image.refresh_from_db()
    assert image.title == "Renamed"
    assert image.texts_by_language == {"fr": {"caption": FRENCH_CAPTION}}
