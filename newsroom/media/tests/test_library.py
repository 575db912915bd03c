"""/en/media/ through HTTP: what is listed and what not, filters, restricted photos, the audit."""

import datetime

import pytest
from django.test import Client
from wagtail.models import Locale

from newsroom.core.i18n import translate
from newsroom.core.models import OrganisationSettings
from newsroom.images.factories import ImageFactory
from newsroom.images.models import Access
from newsroom.news.factories import StoryPageFactory, VideoPageFactory
from newsroom.press.factories import embargo
from newsroom.press.models import AuditEntry
from newsroom.topics.factories import PersonFactory, TopicPageFactory

from .conftest import publish

pytestmark = pytest.mark.django_db


def page_text(response):
    return response.content.decode()


def test_only_photos_of_published_items_are_listed(client, news_index, published_story):
    shown = ImageFactory(title="Family photo at the summit")
    in_body = ImageFactory(title="Ministers at the table")
    drafted = ImageFactory(title="Draft-only picture")
    embargoed = ImageFactory(title="Embargoed picture")
    unused = ImageFactory(title="Picture nobody uses")
    marked_public = ImageFactory(title="Logo for the press", access=Access.PUBLIC)
    published_story(
        title="Summit opens",
        listing_image=shown,
        body=[("image", {"image": in_body, "caption": ""})],
    )
    StoryPageFactory(parent=news_index, title="Draft", live=False, listing_image=drafted)
    draft = StoryPageFactory(parent=news_index, title="Later", live=False, listing_image=embargoed)
    embargo(draft, datetime.datetime(2031, 1, 1, tzinfo=datetime.UTC))

    page = page_text(client.get("/en/media/"))

    for listed in (shown, in_body, marked_public):
        assert listed.title in page
        assert client.get(f"/en/media/photos/{listed.pk}/").status_code == 200
    for hidden in (drafted, embargoed, unused):
        assert hidden.title not in page
        response = client.get(f"/en/media/photos/{hidden.pk}/")
        assert response.status_code == 404
        assert "not published" in page_text(response)
        assert client.get(f"/en/media/photos/{hidden.pk}/download/original/").status_code == 404


def test_an_unpublished_item_takes_its_photos_out(client, published_story):
    image = ImageFactory(title="Soon withdrawn")
    item = published_story(title="Withdrawn story", listing_image=image)
    assert image.title in page_text(client.get("/en/media/"))
    item.unpublish()
    assert image.title not in page_text(client.get("/en/media/"))
    assert client.get(f"/en/media/photos/{image.pk}/").status_code == 404


def test_a_photo_page_shows_its_facts_items_and_downloads(client, published_story):
    image = ImageFactory(
        title="Harbour at dawn",
        caption="Ships in the harbour of Split",
        credit="Jana Novak",
        copyright="© Jana Novak 2023",
        place="Split, Croatia",
        date_taken=datetime.date(2023, 11, 14),
        usage_terms="Free for editorial use with credit.",
    )
    published_story(title="Exercise in the Adriatic", listing_image=image)
    page = page_text(client.get(f"/en/media/photos/{image.pk}/"))
    for fact in (
        "Ships in the harbour of Split",
        "Jana Novak",
        "© Jana Novak 2023",
        "Split, Croatia",
        "14 November 2023",
        "Free for editorial use with credit.",
        "Exercise in the Adriatic",
        "960 × 540 pixels",
        f"/en/media/photos/{image.pk}/download/web/",
        f"/en/media/photos/{image.pk}/download/original/",
    ):
        assert fact in page, fact


def test_a_photo_page_names_its_items_in_the_readers_language(client, published_story):
    image = ImageFactory(title="Harbour at dawn")
    english = published_story(title="Exercise in the Adriatic", listing_image=image)
    published_story(title="Only in English", listing_image=image, slug="only-in-english")
    french = translate(english, Locale.objects.get(language_code="fr"),
                       {"Exercise in the Adriatic": "Exercice en Adriatique"})  # fmt: skip
    assert french.live
    in_french = page_text(client.get(f"/fr/medias/photos/{image.pk}/"))
    assert "Exercice en Adriatique" in in_french
    assert "Exercise in the Adriatic" not in in_french and "Only in English" not in in_french
    in_english = page_text(client.get(f"/en/media/photos/{image.pk}/"))
    assert "Exercise in the Adriatic" in in_english and "Only in English" in in_english
    assert "Exercice en Adriatique" not in in_english


def test_usage_terms_come_from_the_organisation_unless_the_photo_has_its_own(
    client, home, published_story
):
    settings = OrganisationSettings.for_site(home.get_site())
    settings.usage_terms = "Use with the credit line; no advertising."
    settings.save()
    image = ImageFactory(title="Plain photo")
    published_story(title="Story", listing_image=image)
    assert "no advertising" in page_text(client.get(f"/en/media/photos/{image.pk}/"))


def test_restricted_photos_are_for_accredited_journalists_and_audited(
    client, journalist, published_story
):
    restricted = ImageFactory(title="Broadcast still", access=Access.RESTRICTED)
    published_story(title="Public story", listing_image=restricted)
    reader = Client()
    assert restricted.title not in page_text(reader.get("/en/media/"))
    assert reader.get(f"/en/media/photos/{restricted.pk}/").status_code == 404
    assert reader.get(f"/en/media/photos/{restricted.pk}/download/original/").status_code == 404
    assert not AuditEntry.objects.exists()

    listing = journalist.get("/en/media/")
    assert restricted.title in page_text(listing)
    assert "no-store" in listing["Cache-Control"]
    download = journalist.get(f"/en/media/photos/{restricted.pk}/download/original/")
    assert download.status_code == 200
    assert "no-store" in download["Cache-Control"]
    b"".join(download.streaming_content)
    entry = AuditEntry.objects.get()
    assert entry.channel == AuditEntry.Channel.MEDIA
    assert entry.username == "journalist"
    assert entry.item_title == "Broadcast still"
    assert entry.path == f"/en/media/photos/{restricted.pk}/download/original/"


def test_filters_by_topic_person_date_and_type(client, topic_index, published_story, news_index):
    topic = TopicPageFactory(parent=topic_index, title="Cyber defence")
    person = PersonFactory(name="Mark Rutte", slug="mark-rutte")
    cyber = ImageFactory(title="Cyber centre", date_taken=datetime.date(2023, 5, 2))
    other = ImageFactory(title="Tank column", date_taken=datetime.date(2023, 9, 20))
    published_story(title="Cyber story", listing_image=cyber, topics=[topic], people=[person])
    published_story(title="Land story", listing_image=other)
    publish(VideoPageFactory(parent=news_index, title="Video of the exercise"))

    by_topic = page_text(client.get("/en/media/?topic=" + topic.slug))
    assert "Cyber centre" in by_topic and "Tank column" not in by_topic
    by_person = page_text(client.get("/en/media/?person=mark-rutte"))
    assert "Cyber centre" in by_person and "Tank column" not in by_person
    by_date = page_text(client.get("/en/media/?from=2023-09-01&to=2023-09-30"))
    assert "Tank column" in by_date and "Cyber centre" not in by_date
    videos = page_text(client.get("/en/media/?type=video"))
    assert "Video of the exercise" in videos and "Tank column" not in videos


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("type=sculpture", "There is no media type called"),
        ("topic=no-such-topic", "There is no topic called"),
        ("person=nobody", "Nobody called"),
        ("from=yesterday", "Enter the date as YYYY-MM-DD"),
        ("from=2023-12-01&to=2023-11-01", "The end date comes before the start date."),
    ],
)
def test_bad_filters_are_explained_with_400(client, published_story, query, message):
    published_story(title="Story", listing_image=ImageFactory(title="Still listed"))
    response = client.get("/en/media/?" + query)
    assert response.status_code == 400
    assert message in page_text(response)


@pytest.mark.parametrize(
    "address",
    [
        "/en/media/?page=abc",
        "/en/media/photos/99999999999999999999/",
        "/en/media/photos/1/download/huge/",
        "/en/media/galleries/no-such-gallery/",
        "/en/media/galleries/a%00b/photos.zip",
        "/en/media/?topic=%00&from=0000-00-00",
    ],
)
def test_bad_addresses_are_never_a_500(client, db, address):
    assert client.get(address).status_code in (200, 400, 404)


def test_the_library_in_french(client, published_story):
    image = ImageFactory(title="Photo de famille")
    published_story(title="Sommet", listing_image=image)
    response = client.get("/fr/medias/")
    assert response.status_code == 200
    assert "Médiathèque" in page_text(response)
    assert f"/fr/medias/photos/{image.pk}/" in page_text(response)


def test_a_draft_of_a_published_item_shows_nothing_new(client, published_story):
    live_image = ImageFactory(title="Published picture")
    draft_image = ImageFactory(title="Picture in a draft")
    item = published_story(title="Story", listing_image=live_image)
    item.listing_image = draft_image
    item.body = [("image", {"image": draft_image, "caption": ""})]
    item.save_revision()  # "Save draft" in the admin
    page = page_text(client.get("/en/media/"))
    assert "Published picture" in page
    assert "Picture in a draft" not in page
    assert client.get(f"/en/media/photos/{draft_image.pk}/").status_code == 404


def test_a_photo_whose_file_is_gone_is_a_404_not_a_500(client, published_story):
    image = ImageFactory(title="Lost file")
    published_story(title="Story", listing_image=image)
    image.file.storage.delete(image.file.name)
    for address in ("", "download/original/", "download/web/"):
        response = client.get(f"/en/media/photos/{image.pk}/{address}")
        assert response.status_code == 404, address
        assert "file is missing" in page_text(response)
