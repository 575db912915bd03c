"""The press-photo metadata a file carries (IPTC IIM, XMP, EXIF), read and written as plain values.

Reading: ``read_photo_metadata(file)`` returns what a photographer's file says about itself:
caption, creator, credit line, copyright notice, date taken, city and country. Values are plain
text (markup removed, control characters dropped, whitespace collapsed); a value longer than
``MAX_VALUE_LENGTH`` is not a caption but junk, and is ignored, as is an XMP packet larger than
``MAX_XMP_BYTES``. A file whose metadata cannot be read gives empty metadata, never an error.

Writing: ``jpeg_with_metadata(chunks, metadata)`` streams a JPEG with its EXIF and XMP replaced by
ones that carry the credit and copyright (other EXIF fields kept), and an IPTC IIM record added.
The compressed picture is copied byte for byte: a download is the original, at full quality.
"""

import datetime
import re
import struct
import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape

from defusedxml import ElementTree
from django.utils.html import strip_tags
from PIL import Image, IptcImagePlugin

MAX_VALUE_LENGTH = 2000
MAX_XMP_BYTES = 512 * 1024
MAX_HEADER_BYTES = 1024 * 1024  # a JPEG whose segments before the picture pass this is refused

# EXIF tags (TIFF 6.0 / EXIF 2.3).
EXIF_DESCRIPTION = 0x010E
EXIF_ARTIST = 0x013B
EXIF_COPYRIGHT = 0x8298
EXIF_IFD = 0x8769
EXIF_DATE_ORIGINAL = 0x9003

# IPTC IIM application record (2:xx) datasets.
IIM_DATE_CREATED = 55
IIM_BYLINE = 80
IIM_CITY = 90
IIM_COUNTRY = 101
IIM_CREDIT = 110
IIM_COPYRIGHT = 116
IIM_CAPTION = 120

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "xmpRights": "http://ns.adobe.com/xap/1.0/rights/",
}
XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
EXIF_HEADER = b"Exif\x00\x00"
PHOTOSHOP_HEADER = b"Photoshop 3.0\x00"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class PhotoMetadata:
    caption: str = ""
    creator: str = ""
    credit: str = ""
    copyright: str = ""
    date_taken: datetime.date | None = None
    city: str = ""
    country: str = ""
    usage_terms: str = ""

    @property
    def place(self):
        return ", ".join(part for part in (self.city, self.country) if part)


def clean_text(value):
    """Plain text from a metadata value, or "" for junk (too long, not text)."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(part) for part in value)
    if not isinstance(value, str) or len(value) > MAX_VALUE_LENGTH:
        return ""
    value = strip_tags(CONTROL.sub(" ", value))
    return " ".join(value.split())


def parse_date(value):
    """A date from EXIF ("2023:11:17 10:00:00"), IIM ("20231117") or XMP ("2023-11-17T…")."""
    text = clean_text(value)
    match = re.match(r"^(\d{4})[-:]?(\d{2})[-:]?(\d{2})", text)
    if not match:
        return None
    try:
        return datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def read_photo_metadata(file):
    """What the file (a path or a binary file object) says about itself; XMP first, then IPTC
    IIM, then EXIF, field by field."""
    try:
        with Image.open(file) as image:
            sources = [_from_xmp(image), _from_iptc(image), _from_exif(image)]
    except Exception:  # noqa: BLE001 - any unreadable file simply carries no metadata
        return PhotoMetadata()
    fields = {}
    for name in PhotoMetadata.__dataclass_fields__:
        for source in sources:
            if source.get(name):
                fields[name] = source[name]
                break
    return PhotoMetadata(**fields)


def _from_exif(image):
    try:
        exif = image.getexif()
        taken = exif.get_ifd(EXIF_IFD).get(EXIF_DATE_ORIGINAL)
    except Exception:  # noqa: BLE001 - broken EXIF is no EXIF
        return {}
    return {
        "caption": clean_text(exif.get(EXIF_DESCRIPTION, "")),
        "creator": clean_text(exif.get(EXIF_ARTIST, "")),
        "copyright": clean_text(exif.get(EXIF_COPYRIGHT, "")),
        "date_taken": parse_date(taken) if taken else None,
    }


def _from_iptc(image):
    try:
        info = IptcImagePlugin.getiptcinfo(image) or {}
    except Exception:  # noqa: BLE001 - a broken IIM record is no record
        return {}

    def value(dataset):
        return clean_text(info.get((2, dataset), b""))

    return {
        "caption": value(IIM_CAPTION),
        "creator": value(IIM_BYLINE),
        "credit": value(IIM_CREDIT),
        "copyright": value(IIM_COPYRIGHT),
        "date_taken": parse_date(info.get((2, IIM_DATE_CREATED), b"")),
        "city": value(IIM_CITY),
        "country": value(IIM_COUNTRY),
    }


def _from_xmp(image):
    packet = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    if isinstance(packet, str):
        packet = packet.encode("utf-8", errors="replace")
    if not packet or len(packet) > MAX_XMP_BYTES:
        return {}
    try:
        root = ElementTree.fromstring(packet.strip(b"\x00 \r\n\t"))
    except Exception:  # noqa: BLE001 - malformed or hostile XML (entities) is no XMP
        return {}

    def first(path):
        for element in root.iterfind(f".//{path}", NS):
            texts = [clean_text(li.text or "") for li in element.iterfind(".//rdf:li", NS)]
            text = "; ".join(t for t in texts if t) or clean_text(element.text or "")
            if text:
                return text
        for description in root.iterfind(".//rdf:Description", NS):
            prefix, name = path.split(":")
            attribute = description.get(f"{{{NS[prefix]}}}{name}")
            if attribute:
                return clean_text(attribute)
        return ""

    return {
        "caption": first("dc:description"),
        "creator": first("dc:creator"),
        "credit": first("photoshop:Credit"),
        "copyright": first("dc:rights"),
        "date_taken": parse_date(first("photoshop:DateCreated")),
        "city": first("photoshop:City"),
        "country": first("photoshop:Country"),
        "usage_terms": first("xmpRights:UsageTerms"),
    }


def xmp_packet(metadata):
    """An XMP packet with the IPTC Core fields journalists rely on."""

    def alt(value):
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li></rdf:Alt>'

    parts = []
    if metadata.caption:
        parts.append(f"<dc:description>{alt(metadata.caption)}</dc:description>")
    if metadata.creator:
        parts.append(
            f"<dc:creator><rdf:Seq><rdf:li>{escape(metadata.creator)}</rdf:li></rdf:Seq>"
            "</dc:creator>"
        )
    if metadata.copyright:
        parts.append(f"<dc:rights>{alt(metadata.copyright)}</dc:rights>")
    if metadata.usage_terms:
        parts.append(f"<xmpRights:UsageTerms>{alt(metadata.usage_terms)}</xmpRights:UsageTerms>")
    for name, value in (
        ("Credit", metadata.credit),
        ("City", metadata.city),
        ("Country", metadata.country),
        ("DateCreated", metadata.date_taken.isoformat() if metadata.date_taken else ""),
    ):
        if value:
            parts.append(f"<photoshop:{name}>{escape(value)}</photoshop:{name}>")
    namespaces = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NS.items() if prefix != "x")
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        f'<x:xmpmeta xmlns:x="{NS["x"]}"><rdf:RDF {namespaces}>'
        f'<rdf:Description rdf:about="">{"".join(parts)}</rdf:Description>'
        '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()


def iim_record(metadata):
    """An IPTC IIM application record (as Photoshop's 8BIM resource 0x0404)."""

    def dataset(number, value):
        data = value.encode("utf-8")[:2000]
        return struct.pack(">BBBH", 0x1C, 2, number, len(data)) + data

    record = struct.pack(">BBBH", 0x1C, 1, 90, 3) + b"\x1b%G"  # coded character set: UTF-8
    record += struct.pack(">BBBH", 0x1C, 2, 0, 2) + b"\x00\x04"  # record version 4
    for number, value in (
        (IIM_CAPTION, metadata.caption),
        (IIM_BYLINE, metadata.creator),
        (IIM_CREDIT, metadata.credit),
        (IIM_COPYRIGHT, metadata.copyright),
        (IIM_CITY, metadata.city),
        (IIM_COUNTRY, metadata.country),
        (IIM_DATE_CREATED, metadata.date_taken.strftime("%Y%m%d") if metadata.date_taken else ""),
    ):
        if value:
            record += dataset(number, value)
    if len(record) % 2:
        record += b"\x00"
    return PHOTOSHOP_HEADER + b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(record)) + record


def exif_block(existing, metadata):
    """The file's EXIF (``existing``, an APP1 payload or b"") with caption, creator and
    copyright set."""
    exif = Image.Exif()
    if existing:
        try:
            exif.load(existing)
        except Exception:  # noqa: BLE001 - a broken EXIF block is replaced by a new one
            exif = Image.Exif()
    for tag, value in (
        (EXIF_DESCRIPTION, metadata.caption),
        (EXIF_ARTIST, metadata.creator),
        (EXIF_COPYRIGHT, metadata.copyright),
    ):
        if value:
            exif[tag] = ascii_text(value)
    try:
        return exif.tobytes()
    except Exception:  # noqa: BLE001 - EXIF Pillow cannot write again: a fresh one
        fresh = Image.Exif()
        for tag in (EXIF_DESCRIPTION, EXIF_ARTIST, EXIF_COPYRIGHT):
            if tag in exif:
                fresh[tag] = exif[tag]
        return fresh.tobytes()


def ascii_text(value):
    """EXIF's text fields are 7-bit ASCII: "©" becomes "(c)", accents are dropped."""
    value = value.replace("©", "(c)")
    return unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()


def segment(marker, payload):
    if len(payload) + 2 > 0xFFFF:
        return b""  # too long for one segment: left out rather than a broken file
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload


class NotAJpeg(ValueError):
    pass


def jpeg_with_metadata(chunks, metadata):
    """The JPEG read from ``chunks`` (an iterator of bytes) with new EXIF, XMP and IPTC
    segments, as an iterator of bytes. Everything from the start of the picture data on is
    passed through unchanged."""
    buffer = bytearray()
    chunks = iter(chunks)

    def need(count):
        while len(buffer) < count:
            chunk = next(chunks, b"")
            if not chunk:
                raise NotAJpeg("The file ends before its picture.")
            buffer.extend(chunk)

    need(2)
    if buffer[:2] != b"\xff\xd8":
        raise NotAJpeg("Not a JPEG file.")
    position = 2
    first, kept, exif = [], [], b""
    while True:
        need(position + 2)
        if buffer[position] != 0xFF:
            raise NotAJpeg("A JPEG segment is broken.")
        marker = buffer[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker in (0xDA, 0xD9) or 0xD0 <= marker <= 0xD7 or marker == 0x01:
            break
        need(position + 4)
        length = struct.unpack(">H", bytes(buffer[position + 2 : position + 4]))[0]
        if position + 2 + length > MAX_HEADER_BYTES:
            raise NotAJpeg("The JPEG's segments are too large.")
        need(position + 2 + length)
        whole = bytes(buffer[position : position + 2 + length])
        payload = whole[4:]
        position += 2 + length
        if marker == 0xE1 and payload.startswith(EXIF_HEADER):
            exif = payload
        elif (marker == 0xE1 and payload.startswith(XMP_HEADER)) or (
            marker == 0xED and payload.startswith(PHOTOSHOP_HEADER)
        ):
            continue
        elif marker == 0xE0 and not kept:
            first.append(whole)
        else:
            kept.append(whole)
    yield b"\xff\xd8" + b"".join(first)
    yield segment(0xE1, exif_block(exif, metadata))
    yield segment(0xE1, XMP_HEADER + xmp_packet(metadata))
    yield segment(0xED, iim_record(metadata))
    yield b"".join(kept)
    yield bytes(buffer[position:])
    yield from chunks


def is_jpeg(name):
    return name.lower().endswith((".jpg", ".jpeg"))


def jpeg_bytes_with_metadata(data, metadata):
    """``jpeg_with_metadata`` for bytes in memory (small files: renditions)."""
    return b"".join(jpeg_with_metadata(iter((data,)), metadata))
