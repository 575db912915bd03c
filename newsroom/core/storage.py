"""Media in S3-compatible object storage, with the cache lifetime each kind of file may have.

The object store serves the files itself, so what caches are told is set on each object when it
is written: image renditions (Wagtail's ``images/`` folder, whose names never change content)
are kept a year and never revalidated; originals and documents keep the bucket's default.
"""

from storages.backends.s3 import S3Storage

from .http import IMMUTABLE

# Wagtail's folder of renditions: a rendition's name holds its operations and the focal point
# it was cut for, and a new original file gets new names, so a name never changes content.
RENDITIONS = "images/"


class MediaStorage(S3Storage):
    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        location = (self.location or "").strip("/")
        relative = name[len(location) :].lstrip("/") if location else name
        if relative.startswith(RENDITIONS):
            parameters.setdefault("CacheControl", IMMUTABLE)
        return parameters
