"""Photos as photographers' cameras and agencies write them, built here with Pillow: EXIF tags,
an XMP packet and an IPTC IIM record (APP13) written into the JPEG by hand."""

import io
import struct

import pytest
from PIL import Image

from newsroom.news.factories import StoryPageFactory
from newsroom.press.factories import press_account

PASSWORD = "a-long-press-password"


def iim(datasets):
    """An APP13 segment holding an IPTC IIM record: {dataset number: text}."""
    record = b"".join(
        struct.pack(">BBBH", 0x1C, 2, number, len(value.encode())) + value.encode()
        for number, value in datasets.items()
    )
    if len(record) % 2:
        record += b"\x00"
    payload = (
        b"Photoshop 3.0\x00" + b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(record)) + record
    )
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def xmp(description="", creator="", rights="", credit="", date=""):
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">'
        '<rdf:Description rdf:about="">'
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{description}</rdf:li></rdf:Alt>'
        f"</dc:description><dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator>"
        f'<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">{rights}</rdf:li></rdf:Alt></dc:rights>'
        f"<photoshop:Credit>{credit}</photoshop:Credit>"
        f"<photoshop:DateCreated>{date}</photoshop:DateCreated>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
    ).encode()


def jpeg(size=(64, 48), color=(0, 58, 112), *, exif=None, xmp_packet=None, iim_datasets=None):
    """A JPEG with the given EXIF tags ({tag: value}), XMP packet and IIM datasets."""
    picture = Image.new("RGB", size, color)
    for x in range(0, size[0], 8):  # some detail, so the picture data is not trivial
        picture.putpixel((x, x % size[1]), (255, 200, 0))
    options = {"quality": 92}
    if exif:
        tags = Image.Exif()
        for tag, value in exif.items():
            if tag == 0x9003:
                tags.get_ifd(0x8769)[tag] = value
            else:
                tags[tag] = value
        options["exif"] = tags.tobytes()
    if xmp_packet:
        options["xmp"] = xmp_packet
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", **options)
    data = buffer.getvalue()
    if iim_datasets:
        data = data[:2] + iim(iim_datasets) + data[2:]
    return data


def scan_data(data):
    """The JPEG's compressed picture: everything from its first start-of-scan marker."""
    return data[data.index(b"\xff\xda") :]


def publish(item):
    """Publish the item's current content as the admin's Publish button does."""
    item.save_revision().publish()
    item.refresh_from_db()
    return item


@pytest.fixture
def published_story(news_index):
    def make(**fields):
        fields.setdefault("parent", news_index)
        return publish(StoryPageFactory(**fields))

    return make


@pytest.fixture
def journalist(client, db):
    press_account()
    response = client.post("/en/press/sign-in/", {"username": "journalist", "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()
    return client
