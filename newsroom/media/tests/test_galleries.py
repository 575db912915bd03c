"""Galleries through HTTP: the grid and its viewer, the block in an item, the ZIP of originals
(streamed, restricted photos only for accredited journalists), and addresses that lead nowhere."""

import io
import os
import re
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import StreamingHttpResponse
from django.test import Client
from PIL import Image
from wagtail.images import get_image_model

from newsroom.images.factories import ImageFactory
from newsroom.images.models import Access, Gallery, GalleryPhoto
from newsroom.news.factories import StoryPageFactory
from newsroom.press.models import AuditEntry

from .conftest import jpeg, publish, scan_data

pytestmark = pytest.mark.django_db


def photo(title, data=None, **fields):
    data = data or jpeg(size=(80, 60))
    return get_image_model().objects.create(
        title=title,
        file=SimpleUploadedFile(f"{title.lower().replace(' ', '-')}.jpg", data),
        **fields,
    )


def gallery_of(images, slug="summit-in-pictures", captions=None):
    gallery = Gallery.objects.create(title="The summit in pictures", slug=slug)
    for number, image in enumerate(images):
        caption = (captions or {}).get(number, "")
        GalleryPhoto.objects.create(
            gallery=gallery, image=image, caption=caption, sort_order=number
        )
    return gallery


def item_with(gallery, news_index, **fields):
    return publish(
        StoryPageFactory(
            parent=news_index,
            title=fields.pop("title", "Summit in pictures"),
            body=[("gallery", gallery)],
            **fields,
        )
    )


def test_a_gallery_page_shows_its_photos_in_order_with_the_viewer(client, news_index):
    images = [photo(f"Photo {n}") for n in range(3)]
    gallery = gallery_of(images, captions={0: "Leaders arrive", 2: "Closing session"})
    item_with(gallery, news_index)
    response = client.get("/en/media/galleries/summit-in-pictures/")
    assert response.status_code == 200
    page = response.content.decode()
    positions = [page.index(f"/en/media/photos/{image.pk}/") for image in images]
    assert positions == sorted(positions)
    assert "Leaders arrive" in page and "Closing session" in page
    assert "js/gallery" in page  # the viewer, on this page only
    assert "/en/media/galleries/summit-in-pictures/photos.zip" in page
    # Without the script each photo is a link to its page: the gallery works without it.
    assert page.count('data-full="') == 3


def test_an_item_shows_its_gallery_without_script(client, news_index):
    gallery = gallery_of([photo("Photo A"), photo("Photo B", access=Access.RESTRICTED)])
    item = item_with(gallery, news_index, title="Pictures of the day")
    page = client.get(item.url).content.decode()
    assert "The summit in pictures" in page
    assert "/en/media/galleries/summit-in-pictures/" in page
    # The grid and its viewer need no script; the only one is the share bar's copy-link button.
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert all("/js/share" in src for src in scripts), scripts
    assert "Photo B" not in page and "photo-b" not in page  # restricted: left out
    library = client.get("/en/media/").content.decode()
    assert "Photo A" in library and "Photo B" not in library


def test_unpublished_and_unknown_galleries_are_404_with_a_message(client, news_index):
    gallery_of([photo("Draft photo")], slug="not-yet")
    draft = StoryPageFactory(parent=news_index, title="Draft", live=False)
    draft.body = [("gallery", Gallery.objects.get())]
    draft.save_revision()
    for address in (
        "/en/media/galleries/not-yet/",
        "/en/media/galleries/not-yet/photos.zip",
        "/en/media/galleries/no-such-gallery/photos.zip",
    ):
        response = client.get(address)
        assert response.status_code == 404, address
        assert "no gallery at this address" in response.content.decode()


def read_zip(response):
    assert isinstance(response, StreamingHttpResponse)
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_zip_holds_the_originals_and_leaves_restricted_ones_to_journalists(
    client, journalist, news_index
):
    originals = [jpeg(size=(90, 60), color=(n * 40, 20, 90)) for n in range(3)]
    images = [
        photo("Arrival", originals[0], credit="NATO"),
        photo("Broadcast still", originals[1], access=Access.RESTRICTED),
        photo("Departure", originals[2], credit="NATO"),
    ]
    item_with(gallery_of(images), news_index)

    reader = Client().get("/en/media/galleries/summit-in-pictures/photos.zip")
    assert reader["Content-Type"] == "application/zip"
    archive = read_zip(reader)
    names = archive.namelist()
    assert names == [f"001-arrival-{images[0].pk}.jpg", f"002-departure-{images[2].pk}.jpg"]
    assert archive.testzip() is None
    assert scan_data(archive.read(names[0])) == scan_data(originals[0])
    assert b"NATO" in archive.read(names[1])[:4096]  # the credit, in the file's metadata
    assert not AuditEntry.objects.exists()

    press = journalist.get("/en/media/galleries/summit-in-pictures/photos.zip")
    assert "no-store" in press["Cache-Control"]
    assert len(read_zip(press).namelist()) == 3
    entry = AuditEntry.objects.get()
    assert (entry.item_title, entry.channel) == ("Broadcast still", AuditEntry.Channel.MEDIA)


def test_a_twenty_photo_zip_streams_without_holding_the_files(client, news_index):
    """Peak memory while the ZIP is read stays far below the photos' total size."""
    images = []
    for number in range(20):
        noise = Image.frombytes("RGB", (640, 640), os.urandom(640 * 640 * 3))
        buffer = io.BytesIO()
        noise.save(buffer, "JPEG", quality=95)
        images.append(photo(f"Noise {number}", buffer.getvalue()))
    item_with(gallery_of(images), news_index)
    total = sum(image.file.size for image in images)
    assert total > 8 * 1024 * 1024

    response = client.get("/en/media/galleries/summit-in-pictures/photos.zip")
    received = 0
    tracemalloc.start()
    try:
        for chunk in response.streaming_content:
            received += len(chunk)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert received > total
    assert peak < 2 * 1024 * 1024, f"peak {peak} bytes for {total} bytes of photos"


def test_a_png_goes_into_the_zip_as_uploaded(client, news_index):
    """A PNG in a gallery goes into the ZIP as it was uploaded."""
    image = ImageFactory(title="Chart", file__format="PNG", file__filename="chart.png")
    item_with(gallery_of([image]), news_index)
    archive = read_zip(client.get("/en/media/galleries/summit-in-pictures/photos.zip"))
    with image.file.open("rb") as stored:
        assert archive.read(archive.namelist()[0]) == stored.read()


def test_an_editor_builds_a_gallery_in_the_admin(admin_client, client, news_index):
    first, second = photo("First"), photo("Second")
    response = admin_client.post(
        "/admin/snippets/images/gallery/add/",
        {
            "title": "Exercise in pictures",
            "slug": "exercise",
            "introduction": "",
            "photos-TOTAL_FORMS": "2",
            "photos-INITIAL_FORMS": "0",
            "photos-MIN_NUM_FORMS": "1",
            "photos-MAX_NUM_FORMS": "1000",
            "photos-0-image": str(second.pk),
            "photos-0-caption": "Shown first",
            "photos-0-ORDER": "1",
            "photos-1-image": str(first.pk),
            "photos-1-caption": "",
            "photos-1-ORDER": "2",
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    gallery = Gallery.objects.get(slug="exercise")
    assert [p.image for p in gallery.photos.order_by("sort_order")] == [second, first]
    assert client.get("/en/media/galleries/exercise/").status_code == 404  # not shown yet
    item_with(gallery, news_index)
    page = client.get("/en/media/galleries/exercise/").content.decode()
    assert page.index("Shown first") < page.index(f"/en/media/photos/{first.pk}/")


def test_an_item_with_a_gallery_in_every_outlet(client, news_index, settings):
    settings.NEWSROOM_API_RATE_LIMIT = "off"
    item = item_with(gallery_of([photo("Outlet photo")]), news_index, title="Gallery everywhere")
    for address in (
        item.url,
        f"{item.url}ninjs.json",
        f"/api/v1/items/{item.pk}/",
        f"/api/v1/items/{item.pk}/ninjs/",
        "/en/news/feed/rss/",
        "/en/news/feed/atom/",
        "/en/news/feed/json/",
        "/en/search/?q=Gallery",
    ):
        response = client.get(address)
        assert response.status_code == 200, address
        assert "Gallery everywhere" in response.content.decode(), address
