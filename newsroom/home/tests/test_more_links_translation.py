"""Further links are translated with the front page and keep their translation when the French
front page is synced again from the English one (through wagtail-localize, as editors do)."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from newsroom.core.i18n import translate
from newsroom.home.models import MoreLink
from newsroom.news.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

RESPONSE = "NATO's response to Russia's invasion of Ukraine"
REPONSE = "La réponse de l’OTAN à l’invasion de l’Ukraine par la Russie"


def further_links(html):
    return html.split('class="more-links"')[1].split("</section>")[0]


@pytest.fixture
def french():
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def front_pages(home, news_index, french):
    story = StoryPageFactory(parent=news_index, title="Allies meet", slug="allies-meet")
    home.more_links = [
        MoreLink(link_url="https://example.org/ukraine", title=RESPONSE, sort_order=0),
        MoreLink(link_page=story, sort_order=1),
    ]
    home.save_revision().publish()
    translate(story, french, {"Allies meet": "Les Alliés se réunissent", "allies-meet": "reunion"})
    french_home = translate(home, french, {RESPONSE: REPONSE})
    return home, french_home


def test_french_front_page_shows_the_translated_link_titles(client, front_pages):
    links = further_links(client.get("/fr/").text)
    assert REPONSE in links and "Les Alliés se réunissent" in links
    assert "NATO&#x27;s response" not in links and "Allies meet" not in links
    english = further_links(client.get("/en/").text)
    assert "NATO&#x27;s response to Russia&#x27;s invasion of Ukraine" in english


def test_syncing_the_french_front_page_keeps_the_french_link_titles(client, front_pages, french):
    home, french_home = front_pages
    # The editor adds a link on the English front page, then syncs the French one.
    home = type(home).objects.get(pk=home.pk)
    home.more_links.add(MoreLink(link_url="https://example.org/", title="Partners", sort_order=2))
    home.save_revision().publish()

    source = TranslationSource.objects.get(object_id=home.translation_key, locale=home.locale)
    source.update_from_db()
    translation = Translation.objects.get(source=source, target_locale=french)
    # The earlier French title is still known; only the new link waits for a translator.
    po = translation.export_po()
    assert {entry.msgid: entry.msgstr for entry in po}[RESPONSE] == REPONSE
    assert {entry.msgid: entry.msgstr for entry in po}["Partners"] == ""
    translate(home, french)  # the sync: save the French page from the updated source

    links = further_links(client.get("/fr/").text)
    assert REPONSE in links and "NATO&#x27;s response" not in links
    assert (
        links.index(REPONSE) < links.index("Les Alliés se réunissent") < links.index("Partners")
    )  # the new link is shown in English until translated, in the English order
    french_links = french_home.more_links.order_by("sort_order")
    english_keys = list(home.more_links.order_by("sort_order").values_list("translation_key"))
    assert list(french_links.values_list("translation_key")) == english_keys
    assert set(french_links.values_list("locale_id", flat=True)) == {french.pk}
