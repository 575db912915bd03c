"""A photographer's metadata through the admin: read on upload to prefill the fields, written
back into every download; and the uploads that must be refused or cleaned."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, IptcImagePlugin, PngImagePlugin
from wagtail.images import get_image_model
from wagtail.models import Collection

from newsroom.formats.photo_metadata import read_photo_metadata
from newsroom.news.factories import StoryPageFactory
from newsroom.security.tests.test_uploads import png_declaring

from .conftest import jpeg, publish, scan_data, xmp

pytestmark = pytest.mark.django_db

CAMERA_MAKE = 0x010F


def upload(client, name, content, **fields):
    data = {
        "title": fields.pop("title", "Upload"),
        "description": "Alt text",
        "collection": Collection.get_first_root_node().pk,
        "file": SimpleUploadedFile(name, content),
        **fields,
    }
    return client.post("/admin/images/add/", data)


def agency_photo():
    return jpeg(
        size=(320, 240),
        exif={
            CAMERA_MAKE: "Nikon",
            0x013B: "EXIF Artist",
            0x8298: "EXIF copyright",
            0x9003: "2023:11:14 09:30:00",
        },
        xmp_packet=xmp(
            description="Allied ships leave the harbour of Split",
            creator="Jana Novak",
            rights="© Jana Novak / Agency 2023",
            credit="Agency Photo",
            date="2023-11-14T09:30:00",
        ),
        iim_datasets={90: "Split", 101: "Croatia", 120: "IIM caption, overridden by XMP"},
    )


def test_an_upload_is_prefilled_from_its_iptc_xmp_and_exif(admin_client):
    response = upload(admin_client, "ships.jpg", agency_photo())
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get()
    edit = admin_client.get(f"/admin/images/{image.pk}/").content.decode()
    assert 'value="Allied ships leave the harbour of Split"' in edit
    assert 'value="Agency Photo"' in edit
    assert 'value="© Jana Novak / Agency 2023"' in edit
    assert 'value="Split, Croatia"' in edit
    assert 'value="2023-11-14"' in edit


def test_what_the_editor_typed_wins_over_the_file(admin_client):
    upload(admin_client, "ships.jpg", agency_photo(), caption="Typed by the editor")
    image = get_image_model().objects.get()
    assert image.caption == "Typed by the editor"
    assert image.credit == "Agency Photo"


def test_the_iim_record_alone_is_enough(admin_client):
    photo = jpeg(iim_datasets={120: "Caption from IIM", 80: "IIM Byline", 116: "© IIM"})
    upload(admin_client, "iim.jpg", photo)
    image = get_image_model().objects.get()
    assert (image.caption, image.credit, image.copyright) == (
        "Caption from IIM",
        "IIM Byline",
        "© IIM",
    )


def publish_with(image, news_index):
    return publish(StoryPageFactory(parent=news_index, title="Story", listing_image=image))


def test_the_original_download_is_the_uploaded_picture_with_credit_and_copyright(
    admin_client, client, news_index
):
    original = agency_photo()
    upload(admin_client, "ships.jpg", original)
    image = get_image_model().objects.get()
    image.credit = "NATO / Jana Novak"
    image.copyright = "© NATO 2023"
    image.save()
    publish_with(image, news_index)

    response = client.get(f"/en/media/photos/{image.pk}/download/original/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "attachment" in response["Content-Disposition"]
    data = b"".join(response.streaming_content)
    assert scan_data(data) == scan_data(original)  # the same picture, byte for byte
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.size == (320, 240)
        exif = picture.getexif()
        assert exif[0x8298] == "(c) NATO 2023"  # EXIF text is ASCII; XMP and IIM keep the ©
        assert exif[0x013B] == "NATO / Jana Novak"
        assert exif[CAMERA_MAKE] == "Nikon"  # the camera's own tags are kept
        iptc = IptcImagePlugin.getiptcinfo(picture)
        assert iptc[(2, 110)] == b"NATO / Jana Novak"
        assert iptc[(2, 116)] == "© NATO 2023".encode()
    metadata = read_photo_metadata(io.BytesIO(data))
    assert metadata.credit == "NATO / Jana Novak"
    assert metadata.copyright == "© NATO 2023"
    assert metadata.caption == "Allied ships leave the harbour of Split"


def test_the_web_size_carries_the_credit_too(admin_client, client, news_index):
    upload(admin_client, "big.jpg", jpeg(size=(3000, 2000), xmp_packet=xmp(credit="Agency")))
    image = get_image_model().objects.get()
    publish_with(image, news_index)
    data = b"".join(client.get(f"/en/media/photos/{image.pk}/download/web/").streaming_content)
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.format == "JPEG"
        assert picture.size == (2048, 1365)
    assert read_photo_metadata(io.BytesIO(data)).credit == "Agency"


def test_a_png_original_is_served_as_uploaded(admin_client, client, news_index):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "navy").save(buffer, "PNG")
    upload(admin_client, "chart.png", buffer.getvalue())
    image = get_image_model().objects.get()
    publish_with(image, news_index)
    response = client.get(f"/en/media/photos/{image.pk}/download/original/")
    assert b"".join(response.streaming_content) == buffer.getvalue()


def test_metadata_with_script_is_stored_as_plain_text(admin_client, client, news_index):
    hostile = "<script>alert(document.cookie)</script>Summit <b>photo</b>"
    photo = jpeg(
        xmp_packet=xmp(
            description=hostile.replace("<", "&lt;").replace(">", "&gt;"),
            credit="&lt;img src=x onerror=alert(1)&gt;Agency",
        ),
        iim_datasets={116: '<a href="javascript:alert(1)">© Agency</a>'},
    )
    assert upload(admin_client, "hostile.jpg", photo).status_code == 302
    image = get_image_model().objects.get()
    assert "<" not in image.caption + image.credit + image.copyright
    assert image.caption == "alert(document.cookie)Summit photo"
    assert image.credit == "Agency"
    assert image.copyright == "© Agency"
    publish_with(image, news_index)
    page = client.get(f"/en/media/photos/{image.pk}/").content.decode()
    assert "alert(document.cookie)Summit photo" in page
    assert "<script>alert" not in page and "onerror" not in page


def test_ten_megabytes_of_metadata_are_ignored(admin_client):
    text = "A" * (10 * 1024 * 1024)
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", xmp(description=text, credit=text).decode())
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "navy").save(buffer, "PNG", pnginfo=info)
    response = upload(admin_client, "verbose.png", buffer.getvalue())
    assert response.status_code in (200, 302)
    for image in get_image_model().objects.all():
        assert (image.caption, image.credit) == ("", "")
    long_caption = jpeg(iim_datasets={120: "B" * 60_000})
    assert upload(admin_client, "long.jpg", long_caption, title="Long").status_code == 302
    assert get_image_model().objects.get(title="Long").caption == ""


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("ships.jpg", b"GIF89a" + b"\x00" * 64, "does not match the file format (gif)"),
        ("ships.png", jpeg(xmp_packet=xmp(credit="Agency")), "The extension does not match"),
        ("ships.jpg", b"<html><script>alert(1)</script></html>", "does not match the file format"),
    ],
)
def test_an_image_that_lies_about_its_type_is_refused(admin_client, name, content, message):
    response = upload(admin_client, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_image_model().objects.exists()


def test_a_decompression_bomb_with_metadata_is_refused(admin_client):
    response = upload(admin_client, "bomb.png", png_declaring(30_000, 30_000))
    assert response.status_code == 200
    assert "too many pixels" in response.content.decode()
    assert not get_image_model().objects.exists()
