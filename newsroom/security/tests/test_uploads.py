"""Uploads through the admin's forms: an image bomb, a program dressed as a photo, an SVG with
script, a web page or an oversized file as a document are all refused with a clear message."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>'
)


def png(width=8, height=8):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def png_declaring(width, height):
    """A tiny PNG whose header claims a huge size: what a decompression bomb looks like."""
    data = bytearray(png(1, 1))
    header = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + header))
    return bytes(data)


def upload_image(client, name, content):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Upload",
            "description": "An upload",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )


def upload_document(client, name, content):
    return client.post(
        "/admin/documents/add/",
        {
            "title": "Upload",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )


def test_a_real_photo_is_accepted(admin_client):
    response = upload_image(admin_client, "summit.png", png())
    assert response.status_code == 302
    assert get_image_model().objects.get().width == 8


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bomb.png", png_declaring(20_000, 20_000), "too many pixels"),
        ("photo.jpg", b"MZ\x90\x00" + b"\x00" * 200, "Upload a valid image"),
        ("drawing.svg", SVG_WITH_SCRIPT, "Not a supported image format"),
        ("drawing.jpg", SVG_WITH_SCRIPT, "The extension does not match the file format (svg)"),
    ],
)
def test_dangerous_images_are_refused_with_a_message(admin_client, name, content, message):
    response = upload_image(admin_client, name, content)
    assert response.status_code == 200  # the form again, nothing saved
    assert message in response.content.decode()
    assert not get_image_model().objects.exists()


def test_images_over_the_size_limit_are_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    response = upload_image(admin_client, "big.png", png(400, 400) + b"\x00" * 2048)
    assert "This file is too big" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_a_pdf_document_is_accepted(admin_client):
    response = upload_document(admin_client, "communique.pdf", b"%PDF-1.4\n%%EOF\n")
    assert response.status_code == 302
    assert get_document_model().objects.get().file.name.endswith(".pdf")


@pytest.mark.parametrize("name", ["drawing.svg", "page.html", "tool.exe", "script.js"])
def test_documents_that_browsers_would_run_are_refused(admin_client, name):
    response = upload_document(admin_client, name, SVG_WITH_SCRIPT)
    assert response.status_code == 200
    assert "File extension" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_documents_over_the_size_limit_are_refused(admin_client, settings):
    settings.NEWSROOM_MAX_DOCUMENT_SIZE = 1024
    response = upload_document(admin_client, "report.pdf", b"%PDF-1.4\n" + b"0" * 4096)
    assert response.status_code == 200
    assert "documents may be at most 1.0\xa0KB" in response.content.decode()
    assert not get_document_model().objects.exists()
