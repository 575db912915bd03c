"""Downloads of photos: the web size and the original, with the credit and copyright written into
the file's metadata, and a gallery's originals as one ZIP streamed as it is written.

Nothing here holds a whole file in memory: files are read in ``CHUNK`` pieces, and the ZIP is
written to a sink that hands each piece on as soon as it is written (``zipfile`` writes data
descriptors when it cannot seek back, so it needs no temporary file).
"""

import mimetypes
import os
import zipfile

from django.utils.text import slugify

from newsroom.formats.photo_metadata import PhotoMetadata, is_jpeg, jpeg_with_metadata

CHUNK = 64 * 1024


def extension(name):
    return os.path.splitext(name)[1].lower() or ".jpg"


def content_type(name):
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def copyright_of(image, organisation):
    if image.copyright:
        return image.copyright
    holder = organisation.copyright_holder or organisation.name
    return f"© {holder}" if holder else ""


def metadata_of(image, organisation):
    return PhotoMetadata(
        caption=image.caption_text,
        creator=image.credit_text,
        credit=image.credit_text,
        copyright=copyright_of(image, organisation),
        date_taken=image.date_taken,
        city=image.place,
        usage_terms=image.usage_terms or organisation.text_in("usage_terms"),
    )


def file_chunks(field):
    """The stored file's bytes, ``CHUNK`` at a time; the file is closed at the end."""
    handle = field.storage.open(field.name, "rb")
    try:
        while chunk := handle.read(CHUNK):
            yield chunk
    finally:
        handle.close()


def with_metadata(field, metadata):
    if is_jpeg(field.name):
        return jpeg_with_metadata(file_chunks(field), metadata)
    return file_chunks(field)  # PNG, WebP, GIF: as stored


def original_with_metadata(image, organisation):
    """(the original's bytes as an iterator, its name)."""
    return with_metadata(image.file, metadata_of(image, organisation)), image.file.name


def rendition_with_metadata(rendition, image, organisation):
    return with_metadata(rendition.file, metadata_of(rendition.image, organisation)), (
        rendition.file.name
    )


class Sink:
    """A write-only file for ``zipfile``: what is written waits here until taken."""

    def __init__(self):
        self.pieces = []

    def write(self, data):
        self.pieces.append(bytes(data))
        return len(data)

    def flush(self):
        pass

    def take(self):
        data = b"".join(self.pieces)
        self.pieces.clear()
        return data


def zip_name(number, image):
    return f"{number:03d}-{slugify(image.title) or 'photo'}-{image.pk}{extension(image.file.name)}"


def gallery_zip(photos, organisation):
    """The photos' originals, with their metadata, as one ZIP (stored: JPEGs do not shrink)."""
    sink = Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as archive:
        for number, photo in enumerate(photos, start=1):
            image = photo.image
            info = zipfile.ZipInfo(
                zip_name(number, image), date_time=image.created_at.timetuple()[:6]
            )
            info.compress_type = zipfile.ZIP_STORED
            metadata = metadata_of(image, organisation)
            if photo.caption:
                metadata = PhotoMetadata(**{**metadata.__dict__, "caption": photo.caption})
            with archive.open(info, "w", force_zip64=True) as member:
                for chunk in with_metadata(image.file, metadata):
                    member.write(chunk)
                    yield sink.take()
        yield sink.take()
    yield sink.take()
