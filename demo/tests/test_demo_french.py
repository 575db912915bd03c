"""The demo newsroom in French, tested through HTTP: what a French reader and an editor see.

The demo (both languages) is loaded once for the module, inside a transaction that is rolled
back at the end; each test runs in its own savepoint on top of it.
"""

import io
import re
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup, Comment
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings
from wagtail.embeds.finders import get_finders
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from demo import content, content_fr, loader
from demo.loader import MissingTranslation, load_demo
from newsroom.core.models import StandardPage
from newsroom.home.site_tree import ensure_site_tree
from newsroom.news.models import NewsItemPage
from newsroom.topics.models import Person, Place, TopicPage

REPO_ROOT = Path(__file__).resolve().parents[2]
PO_FILE = REPO_ROOT / "locale" / "fr" / "LC_MESSAGES" / "django.po"

MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
MONTHS = MONTHS.split()

ENGLISH_TITLES = [item["title"] for item in content.ITEMS]
TRANSLATED = [item for item in content.ITEMS if item["slug"] in content_fr.ITEMS]
UNTRANSLATED = [item for item in content.ITEMS if item["slug"] not in content_fr.ITEMS]
FRENCH_TITLES = {item["slug"]: content_fr.ITEMS[item["slug"]]["title"] for item in TRANSLATED}
FEATURED = content.FRONT_PAGE["featured"]
# As listings order them (the seed's items are already in this order; the press office's
# items, added later, are older).
NEWEST_FIRST = sorted(
    TRANSLATED, key=lambda item: (item["display_date"], item["published"]), reverse=True
)
FRENCH_CALLS = {
    "story": "Lire la suite",
    "video": "Voir la vidéo",
    "press-release": "Lire le communiqué",
    "speech": "Lire le discours",
    "advisory": "Voir les détails de l’événement",
}


def french_date(date):
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


@pytest.fixture(scope="module")
def french_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("french-demo-media")
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=media,
            WAGTAILEMBEDS_FINDERS=[{"class": "newsroom.core.fake_embeds.OfflineEmbedFinder"}],
        ),
        transaction.atomic(),
    ):
        get_finders.cache_clear()
        cache.clear()
        home, _ = ensure_site_tree()
        load_demo(home, stdout=io.StringIO())
        yield media
        transaction.set_rollback(True)


@pytest.fixture
def site(french_demo, _test_environment, settings, db):
    """The loaded demo, with this test's settings pointing at its pictures."""
    settings.MEDIA_ROOT = french_demo
    return Locale.objects.get(language_code="fr")


def soup(response, status=200):
    assert response.status_code == status, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def texts(elements):
    return [" ".join(element.get_text().split()) for element in elements]


def in_french(slug):
    return NewsItemPage.objects.get(slug=slug, locale__language_code="en").get_translation(
        Locale.objects.get(language_code="fr")
    )


def french_urls(client):
    """Every French HTML page a reader can reach by following links from /fr/."""
    seen, pages, queue = set(), set(), ["/fr/"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        # Calendars (.ics) and contact cards (.vcf) are fetched, not crawled nor returned.
        if not response["Content-Type"].startswith("text/html"):
            continue
        pages.add(url)
        for link in BeautifulSoup(response.content.decode(), "html.parser").select("a[href]"):
            href = link["href"].split("#")[0]
            if (
                href.startswith("/fr/")
                and "?" not in href
                and href not in seen
                and not re.search(r"/(feed|rss|atom|sitemap|api)\b|\.(xml|json)$", href)
            ):
                queue.append(href)
    return pages


# --- the front page --------------------------------------------------------------------------


def test_french_front_page(client, site):
    page = soup(client.get("/fr/"))
    assert page.html["lang"] == "fr"
    assert texts(page.select(".featured__label")) == [
        FRENCH_TITLES[FEATURED[0]],
        f"Vidéo : {FRENCH_TITLES[FEATURED[1]]}",
    ]
    # The latest list only shows French items, newest first; its date is the newest one's.
    latest = NEWEST_FIRST[: content.FRONT_PAGE["latest_count"]]
    titles = texts(page.select("section.latest .card__title"))
    assert titles == [FRENCH_TITLES[item["slug"]] for item in latest]
    assert texts(page.select(".latest__date")) == ["17 novembre 2023"]
    # The visible call to action; its hidden rest names the item for screen readers.
    calls = texts(more.a.contents[0] for more in page.select("section.latest .card__more"))
    assert calls == [FRENCH_CALLS[item["kind"]] for item in latest]
    assert set(texts(page.select("section.latest .card__type"))) == {
        "Article",
        "Vidéo",
        "Communiqué de presse",
        "Discours",
        "Avis aux médias",
    }
    # Further links: those to untranslated items are left out, the others are in French.
    links = page.select("section.more-links a")
    assert texts(links) == [
        "La réponse de l’OTAN à l’invasion de l’Ukraine par la Russie",
        content_fr.EXPLAINER["title"],
    ]
    for link in links:
        assert link["href"].startswith("/fr/")
        assert client.get(link["href"]).status_code == 200
    html = page.get_text()
    for title in ENGLISH_TITLES:
        assert title not in html
    # The feeds it announces are the French news section's, in French.
    feeds = page.select('link[rel="alternate"][type*="xml"], link[rel="alternate"][type*="json"]')
    assert feeds
    for feed in feeds:
        assert feed["href"].startswith("/fr/actualites/feed/"), feed["href"]
        assert feed["title"].endswith(("Toutes les actualités (RSS)", "(Atom)", "(JSON Feed)"))
        body = client.get(feed["href"]).content.decode()
        assert FRENCH_TITLES[FEATURED[0]] in body.replace("&#8217;", "’")
        assert not [title for title in ENGLISH_TITLES if title in body]


def test_french_front_page_maps_featured_items_by_translation_key(site):
    english = Page.objects.get(depth=2, locale__language_code="en").specific
    french = english.get_translation(site)
    assert french.title == content_fr.FRONT_PAGE["title"]
    assert [item.translation_key for item in french.featured()] == [
        item.translation_key for item in english.featured()
    ]
    assert all(item.locale_id == site.pk for item in french.featured())


def test_no_english_headline_on_any_french_page(client, site):
    urls = french_urls(client)
    for item in TRANSLATED:
        assert in_french(item["slug"]).url in urls
    assert len(urls) > 20
    for url in urls:
        text = soup(client.get(url)).get_text(" ")
        for title in ENGLISH_TITLES:
            assert title not in text, (url, title)


def test_french_pages_show_the_french_organisation_and_image_texts(client, site):
    from demo import images

    english_alts = {drawing.alt for drawing in images.ILLUSTRATIONS}
    english_captions = {drawing.caption for drawing in images.ILLUSTRATIONS}
    french_alts = {text["alt"] for text in content_fr.IMAGES.values()}
    seen_french_alts = set()
    for url in french_urls(client):
        page = soup(client.get(url))
        assert page.select_one(".site-title").get_text() == "Salle de presse de l’OTAN", url
        assert "NATO Newsroom" not in page.title.get_text(), url
        alts = {img["alt"] for img in page.select("img[alt]")}
        assert not alts & english_alts, (url, alts & english_alts)
        assert not [alt for alt in alts if alt.startswith(("Placeholder portrait", "NATO "))]
        seen_french_alts |= alts & french_alts
        captions = {" ".join(figure.get_text(" ").split()) for figure in page.select("figcaption")}
        assert not [c for c in captions for english in english_captions if english in c], url
        assert not [c for c in captions if "NATO (illustration)" in c], url
    assert len(seen_french_alts) >= 5
    assert "© OTAN" in client.get("/fr/").text
    footer = soup(client.get("/fr/")).select_one("footer")
    assert "Section Presse et médias" in footer.get_text()
    for link in footer.select('a[href^="/fr/"]'):
        assert client.get(link["href"]).status_code == 200, link["href"]
    assert footer.select_one('a[href="/fr/accessibilite/"]')


# --- items -----------------------------------------------------------------------------------


def test_each_translated_item_in_french_with_links_both_ways(client, site):
    assert len(TRANSLATED) >= 5 and set(FEATURED) <= {item["slug"] for item in TRANSLATED}
    for item in TRANSLATED:
        french = in_french(item["slug"])
        english = NewsItemPage.objects.get(slug=item["slug"], locale__language_code="en")
        words = content_fr.ITEMS[item["slug"]]
        assert french.slug == words["slug"] != english.slug
        assert french.url.startswith(f"/fr/actualites/{item['display_date']:%Y/%m/%d}/")
        page = soup(client.get(french.url))
        assert page.h1.get_text(" ", strip=True) == words["title"]
        assert french_date(item["display_date"]) in page.get_text()
        assert words["teaser"] not in english.teaser
        switch = page.select_one('.language-switcher a[hreflang="en"]')
        assert switch["href"] == english.url
        alternates = {
            link["hreflang"]: link["href"]
            for link in page.select('link[rel="alternate"][hreflang]')
        }
        assert alternates["en"].endswith(english.url) and alternates["fr"].endswith(french.url)

        back = soup(client.get(english.url))
        assert back.select_one('.language-switcher a[hreflang="fr"]')["href"] == french.url
        assert back.select_one('link[rel="alternate"][hreflang="fr"]')["href"].endswith(french.url)
    assert "16 novembre 2023" in soup(client.get(in_french(TRANSLATED[1]["slug"]).url)).get_text()


def test_french_item_shows_french_topics_people_and_video_transcript(client, site):
    video = in_french(FEATURED[1]).specific
    page = soup(client.get(video.url))
    text = page.get_text()
    assert "Narrateur : Deux organisations, une même ville." in text
    assert "Narrator" not in text
    topics = texts(page.select('a[href^="/fr/sujets/"]'))
    assert "Relations OTAN–UE" in topics and "Partenariats" in topics
    assert not page.select('a[href^="/en/"]:not([hreflang])')

    story = soup(client.get(in_french(FEATURED[0]).url))
    people = story.select('a[href^="/fr/personnalites/"]')
    assert "Ursula von der Leyen" in texts(people)
    person = soup(client.get("/fr/personnalites/ursula-von-der-leyen/"))
    assert "Présidente de la Commission européenne" in person.get_text()
    assert texts(person.select(".card__title")) == [FRENCH_TITLES[FEATURED[0]]]


def test_english_only_item_leads_to_the_french_front_page_with_a_notice(client, site):
    english = NewsItemPage.objects.get(slug=UNTRANSLATED[0]["slug"])
    assert english.get_translation_or_none(site) is None
    page = soup(client.get(english.url))
    switch = page.select_one('.language-switcher a[hreflang="fr"]')
    assert switch["href"] == "/fr/?untranslated=en"
    assert not page.select('link[rel="alternate"][hreflang="fr"]')
    notice = soup(client.get(switch["href"])).select_one(".notice")
    assert "n’est pas encore disponible dans cette langue" in notice.get_text()


# --- topics, search --------------------------------------------------------------------------


def test_french_topics_list_only_french_items(client, site):
    index = soup(client.get("/fr/sujets/"))
    assert set(texts(index.select("main a"))) >= {t["title"] for t in content_fr.TOPICS.values()}
    for slug, words in content_fr.TOPICS.items():
        assert TopicPage.objects.get(slug=words["slug"], locale=site).title == words["title"]
        page = soup(client.get(f"/fr/sujets/{words['slug']}/"))
        assert page.h1.get_text(strip=True) == words["title"]
        expected = [FRENCH_TITLES[item["slug"]] for item in NEWEST_FIRST if slug in item["topics"]]
        assert texts(page.select(".card__title")) == expected, slug
    assert client.get("/fr/sujets/nato-eu-relations/").status_code == 404


def test_french_search_finds_french_items_only(client, site):
    page = soup(client.get("/fr/recherche/", {"q": "gazoducs"}))
    titles = texts(page.select(".card__title"))
    assert FRENCH_TITLES["secretary-general-joins-eu-defence-ministers"] in titles
    assert set(titles) <= set(FRENCH_TITLES.values())

    page = soup(client.get("/fr/recherche/", {"q": "Stoltenberg"}))
    titles = texts(page.select(".card__title"))
    assert titles and set(titles) <= set(FRENCH_TITLES.values())
    # An English word from an English-only item finds nothing in French.
    page = soup(client.get("/fr/recherche/", {"q": "reservists"}))
    assert not page.select(".card__title")


# --- editors ---------------------------------------------------------------------------------


def test_editors_see_linked_translations(admin_client, site):
    english_locale = Locale.objects.get(language_code="en")
    sources = [NewsItemPage.objects.get(slug=item["slug"]) for item in TRANSLATED]
    sources += list(TopicPage.objects.filter(locale=english_locale))
    sources += list(StandardPage.objects.filter(locale=english_locale))
    sources += [Page.objects.get(depth=2, locale=english_locale)]
    for source in sources:
        french = source.get_translation(site)
        assert french.translation_key == source.translation_key and french.live
        assert Translation.objects.filter(
            source__object_id=source.translation_key, target_locale=site
        ).exists(), source
        assert admin_client.get(f"/admin/pages/{french.id}/edit/").status_code == 200
    for model in (Person, Place):
        for source in model.objects.filter(locale=english_locale):
            assert source.get_translation(site).translation_key == source.translation_key
            assert Translation.objects.filter(
                source__object_id=source.translation_key, target_locale=site
            ).exists()
    assert set(Person.objects.filter(locale=site).values_list("slug", flat=True)) == {
        person["slug"] for person in content.PEOPLE
    }
    roles = dict(Person.objects.filter(locale=site).values_list("name", "role"))
    assert roles["Jens Stoltenberg"] == "Secrétaire général"
    assert set(Place.objects.filter(locale=site).values_list("name", flat=True)) == set(
        content_fr.PLACES.values()
    )
    # Items left in English show as untranslated: no French page, no translation record.
    for item in UNTRANSLATED:
        page = NewsItemPage.objects.get(slug=item["slug"])
        assert page.get_translation_or_none(site) is None
        assert not Translation.objects.filter(source__object_id=page.translation_key).exists()


def test_a_missing_french_text_fails_loudly_naming_it(site):
    item = content.ITEMS[0]
    page = NewsItemPage.objects.get(slug=item["slug"], locale__language_code="en")
    strings = loader._pair(
        "ITEMS", loader._fields(item, ("title", "slug")), content_fr.ITEMS[item["slug"]]
    )
    with pytest.raises(MissingTranslation, match="Stoltenberg sat down with"):
        loader._translate(page, site, strings, "ITEMS[...]")

    shorter = {**content_fr.ITEMS[item["slug"]], "body": content_fr.ITEMS[item["slug"]]["body"][1:]}
    with pytest.raises(MissingTranslation, match=r"ITEMS\['secretary.*'body'\].*5 parts"):
        loader._pair(f"ITEMS[{item['slug']!r}]", {"body": item["body"]}, shorter)
    with pytest.raises(MissingTranslation, match="has no 'teaser'"):
        loader._pair("ITEMS[x]", {"teaser": "Hello"}, {})


# --- the interface catalogue -----------------------------------------------------------------


def test_french_catalogue_is_complete_and_compiled():
    po = polib.pofile(str(PO_FILE))
    active = [entry for entry in po if not entry.obsolete]
    assert len(active) > 100
    untranslated = [entry.msgid for entry in active if not entry.translated()]
    assert not untranslated
    assert not [entry.msgid for entry in active if "fuzzy" in entry.flags]
    mo = polib.mofile(str(PO_FILE.with_suffix(".mo")))

    def messages(catalogue):
        return {
            (entry.msgctxt, entry.msgid): (entry.msgstr, tuple(sorted(entry.msgstr_plural.items())))
            for entry in catalogue
            if not entry.obsolete and entry.msgid
        }

    assert messages(mo) == messages(active)


def _english_msgids():
    po = polib.pofile(str(PO_FILE))
    return {
        entry.msgid
        for entry in po
        if not entry.obsolete
        and len(entry.msgid) > 3
        and entry.msgstr != entry.msgid
        and "%(" not in entry.msgid
    }


def _visible(page, language="fr"):
    """(text, where) for each text node and labelling attribute a French reader meets, leaving
    out scripts, styles and anything marked as another language (e.g. "English" in the
    language switcher, lang="en")."""
    for element in page(["script", "style", "template", "noscript"]):
        element.decompose()
    for node in page.find_all(string=True):
        if isinstance(node, Comment):
            continue
        marked = node.find_parent(attrs={"lang": True})
        if marked is not None and marked["lang"] != language:
            continue
        text = " ".join(node.split())
        if text:
            yield text, node.parent.name
    for element in page.find_all(True):
        if element.get("lang", language) != language:
            continue
        for attribute in ("aria-label", "placeholder", "title", "alt", "value"):
            if attribute == "value" and element.get("type") not in ("submit", "button", "reset"):
                continue  # a form value is sent, not read
            if element.get(attribute):
                yield " ".join(element[attribute].split()), f"{element.name}[{attribute}]"


def test_no_english_interface_text_on_any_french_page_type(client, site):
    english = _english_msgids()
    assert "Read more" in english and "Search the newsroom" in english
    story = in_french(TRANSLATED[1]["slug"])
    video = in_french(FEATURED[1])
    pages = {
        "front": "/fr/",
        "listing": "/fr/actualites/",
        "listing with a filter error": "/fr/actualites/?from=hier&type=nope",
        "archive year": "/fr/actualites/2023/",
        "archive month": "/fr/actualites/2023/11/",
        "archive day": "/fr/actualites/2023/11/16/",
        "story": story.url,
        "video": video.url,
        "press release": in_french(content.ITEMS[12]["slug"]).url,
        "media advisory": in_french(content.ITEMS[13]["slug"]).url,
        "speech": in_french(content.ITEMS[14]["slug"]).url,
        "listing of one type": "/fr/actualites/?type=press-release",
        "explainer": StandardPage.objects.get(locale=site, slug=content_fr.EXPLAINER["slug"]).url,
        "accessibility statement": "/fr/accessibilite/",
        "topic index": "/fr/sujets/",
        "topic": "/fr/sujets/relations-otan-ue/",
        "people index": "/fr/personnalites/",
        "person": "/fr/personnalites/jens-stoltenberg/",
        "search with results": "/fr/recherche/?q=OTAN",
        "search without results": "/fr/recherche/?q=zzzqqq",
        "search form": "/fr/recherche/",
        "not found": "/fr/nulle-part/",
    }
    found = []
    for name, url in pages.items():
        response = client.get(url)
        expected = {"not found": 404, "listing with a filter error": 400}.get(name, 200)
        page = soup(response, expected)
        assert page.html["lang"] == "fr", name
        if name == "listing with a filter error":
            assert page.select(".errorlist, .field-error, [role=alert]"), "no error shown"
        if name == "search with results":
            assert page.select(".card__title")
        found += [(name, text, where) for text, where in _visible(page) if text in english]
    assert not found
    # The same check finds the English interface on the English front page.
    assert {"Read more", "Latest news"} <= {
        text for text, _ in _visible(soup(client.get("/en/")), "en")
    }
