"""What the formats say about a file: its type and its size."""

import mimetypes


def document_size(document):
    """Size in bytes of an uploaded file (stored once measured), or 0 when unknown or missing."""
    try:
        return document.file_size or document.get_file_size() or 0
    except OSError:
        return 0


def mime_type_of(name):
    return mimetypes.guess_type(name)[0] or "application/octet-stream"
