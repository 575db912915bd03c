"""Press contacts over HTTP: the block on press items, the vCard read back with vobject, the
sections' defaults, JSON-LD, feeds, ninjs, the API, and the admin's checks."""

import json

import feedparser
import pytest
import vobject
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Site

from newsroom.contacts.models import PressContact, PressContactSettings
from newsroom.images.factories import ImageFactory
from newsroom.news.factories import (
    MediaAdvisoryPageFactory,
    PressReleasePageFactory,
    SpeechPageFactory,
    StoryPageFactory,
)
from newsroom.news.tests.test_press_items import ninjs_validator

pytestmark = pytest.mark.django_db


@pytest.fixture
def spokesperson(db):
    return PressContact.objects.create(
        name="Oana Lungescu",
        role="Spokesperson; Head of Press, Media",
        phone="+32 2 707 50 41",
        email="press@example.org",
        languages="en, fr, ro",
        photo=ImageFactory(title="Portrait"),
    )


@pytest.fixture
def events_desk(db):
    return PressContact.objects.create(
        name="Events Desk", phone="+32 (0)2 707 1111", email="events@example.org"
    )


@pytest.fixture
def release(news_index, spokesperson):
    item = PressReleasePageFactory(parent=news_index, title="Allies agree", slug="allies-agree")
    item.press_contacts.set([spokesperson])
    item.save_revision().publish()
    return item


def contacts_block(client, item):
    soup = BeautifulSoup(client.get(item.url).content, "html.parser")
    return soup.select_one(".press-contacts")


def test_a_press_release_says_whom_to_call_with_tel_and_mailto_links(client, release):
    block = contacts_block(client, release)
    assert block.h2.get_text(strip=True) == "For more information"
    text = block.get_text(" ", strip=True)
    assert "Oana Lungescu" in text
    assert "Spokesperson; Head of Press, Media" in text
    assert "English, French, Romanian" in text
    assert block.find("a", string="+32 2 707 50 41")["href"] == "tel:+3227075041"
    assert block.find("a", string="press@example.org")["href"] == "mailto:press@example.org"
    assert block.select_one(".contact__photo") is not None


def test_the_vcard_reads_back_in_an_address_book_library(client, release, spokesperson):
    block = contacts_block(client, release)
    link = block.find("a", string=lambda text: text and "vCard" in text)
    assert link["href"] == f"/en/contacts/{spokesperson.pk}.vcf"
    response = client.get(link["href"])
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    body = response.content
    assert body.startswith(b"BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    card = vobject.readOne(body.decode())
    assert card.fn.value == "Oana Lungescu"
    # The semicolon and the comma in the role were escaped, so the value comes back whole.
    assert card.title.value == "Spokesperson; Head of Press, Media"
    assert card.email.value == "press@example.org"
    assert card.tel.value == "tel:+3227075041"
    assert [line.value for line in card.contents["lang"]] == ["en", "fr", "ro"]
    assert card.photo.value.startswith("http://testserver/")
    assert card.n.value.family == "Lungescu"


def test_a_long_name_with_accents_is_folded_without_breaking_a_character(client, db):
    contact = PressContact.objects.create(
        name="Éloïse Dupont-Müller",
        role="Porte-parole adjointe chargée des relations avec la presse européenne, à Bruxelles",
        email="eloise@example.org",
    )
    body = client.get(f"/en/contacts/{contact.pk}.vcf").content
    lines = body.split(b"\r\n")
    assert any(line.startswith(b" ") for line in lines)  # folded
    assert all(len(line) <= 75 for line in lines)
    for line in lines:
        line.decode("utf-8")  # every line is whole UTF-8 on its own
    card = vobject.readOne(body.decode())
    assert card.title.value == contact.role
    assert card.fn.value == "Éloïse Dupont-Müller"


def test_a_line_break_cannot_add_a_property_to_the_card(client, db):
    contact = PressContact.objects.create(
        name="Mallory", role="Press\r\nEMAIL:attacker@example.org", email="m@example.org"
    )
    card = vobject.readOne(client.get(f"/en/contacts/{contact.pk}.vcf").content.decode())
    assert [email.value for email in card.contents["email"]] == ["m@example.org"]
    assert card.title.value == "Press\nEMAIL:attacker@example.org"


@pytest.mark.parametrize(
    "path", ["/en/contacts/999999.vcf", "/en/contacts/9999999999999999999999.vcf"]
)
def test_a_vcard_for_no_contact_is_a_clear_404(client, db, path):
    response = client.get(path)
    assert response.status_code == 404
    if "99999999999999999" not in path:
        assert "There is no press contact at this address." in response.content.decode()


def test_each_section_has_its_default_contacts(client, news_index, spokesperson, events_desk):
    settings = PressContactSettings.for_site(Site.objects.get(is_default_site=True))
    settings.press_release_contacts.set([spokesperson])
    settings.advisory_contacts.set([events_desk])
    release = PressReleasePageFactory(parent=news_index, slug="a-release")
    advisory = MediaAdvisoryPageFactory(parent=news_index, slug="an-advisory")
    speech = SpeechPageFactory(parent=news_index, slug="a-speech")
    story = StoryPageFactory(parent=news_index, slug="a-story")

    assert "Oana Lungescu" in contacts_block(client, release).get_text()
    assert "Events Desk" in contacts_block(client, advisory).get_text()
    assert contacts_block(client, speech) is None  # no default for speeches
    assert contacts_block(client, story) is None  # stories never show contacts

    # The item's own choice wins over its section's default.
    advisory.press_contacts.set([spokesperson])
    advisory.save_revision().publish()
    text = contacts_block(client, advisory).get_text()
    assert "Oana Lungescu" in text and "Events Desk" not in text


def test_changing_a_sections_defaults_shows_at_once(client, news_index, spokesperson, events_desk):
    settings = PressContactSettings.for_site(Site.objects.get(is_default_site=True))
    settings.speech_contacts.set([spokesperson])
    speech = SpeechPageFactory(parent=news_index, slug="a-speech")
    assert "Oana Lungescu" in contacts_block(client, speech).get_text()  # now kept, rendered
    settings.speech_contacts.set([events_desk])
    assert "Events Desk" in contacts_block(client, speech).get_text()
    events_desk.phone = "+32 2 000 00 00"
    events_desk.save()
    assert "+32 2 000 00 00" in contacts_block(client, speech).get_text()


def test_json_ld_names_the_contacts_as_contact_points(client, release):
    soup = BeautifulSoup(client.get(release.url).content, "html.parser")
    articles = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    (article,) = [data for data in articles if data.get("@type") == "NewsArticle"]
    assert article["publisher"]["contactPoint"] == [
        {
            "@type": "ContactPoint",
            "contactType": "media relations",
            "name": "Oana Lungescu",
            "description": "Spokesperson; Head of Press, Media",
            "telephone": "+32 2 707 50 41",
            "email": "press@example.org",
            "availableLanguage": ["en", "fr", "ro"],
        }
    ]


def test_feeds_carry_the_contacts(client, release):
    feed_text = client.get("/en/news/press-release/feed/rss/").content
    rss = feedparser.parse(feed_text, sanitize_html=False)  # its sanitiser drops tel: links
    (entry,) = rss.entries
    html = entry.content[0].value
    assert "For more information:" in html
    assert 'href="tel:+3227075041"' in html and 'href="mailto:press@example.org"' in html
    feed = json.loads(client.get("/en/news/feed/json/").content)
    (item,) = [item for item in feed["items"] if item["title"] == "Allies agree"]
    (contact,) = item["_newsroom"]["press_contacts"]
    assert contact["name"] == "Oana Lungescu"
    assert contact["vcard"].endswith(".vcf")


def test_ninjs_and_the_api_carry_the_contacts(client, release):
    ninjs = json.loads(client.get(f"/api/v1/items/{release.pk}/ninjs/").content)
    ninjs_validator().validate(ninjs)
    (contact,) = [person for person in ninjs["people"] if person["rel"] == "pressContact"]
    assert contact["name"] == "Oana Lungescu"
    assert {"type": "phone", "role": "office", "value": "+32 2 707 50 41"} in contact["contactInfo"]
    api = json.loads(client.get(f"/api/v1/items/{release.pk}/").content)
    (contact,) = api["press_contacts"]
    assert contact["email"] == "press@example.org"
    assert contact["languages"] == ["en", "fr", "ro"]


def press_officer():
    user = get_user_model().objects.create_user(
        "officer", email="officer@press.example.org", password="a-long-staff-password"
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"phone": "call me maybe"}, "Write the number with its country code"),
        ({"languages": "en, klingon"}, "Unknown language codes: klingon."),
        ({"phone": "", "email": ""}, "Give a phone number, an e-mail address or both."),
        ({"email": "not an address"}, "Enter a valid email address."),
    ],
)
def test_the_admin_refuses_a_bad_contact_and_stores_nothing(home, fields, message):
    client = press_officer()
    data = {
        "name": "A. Person",
        "role": "",
        "phone": "+32 2 707 50 41",
        "email": "",
        "languages": "en",
    }
    response = client.post("/admin/snippets/contacts/presscontact/add/", {**data, **fields})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PressContact.objects.exists()


def test_the_press_office_adds_a_contact_in_the_admin(home):
    client = press_officer()
    response = client.post(
        "/admin/snippets/contacts/presscontact/add/",
        {
            "name": "Piers Cazalet",
            "role": "Deputy Spokesperson",
            "phone": "+32 2 707 1010",
            "email": "",
            "languages": "en fr",
        },
    )
    assert response.status_code == 302
    contact = PressContact.objects.get()
    assert contact.language_codes == ["en", "fr"]
