"""An image's renditions as the formats describe them (feeds, JSON-LD, ninjs, the API)."""

import uuid

from django.db.models import Prefetch
from wagtail.images import get_image_model

from newsroom.core.addresses import absolute
from newsroom.core.files import mime_type_of
from newsroom.formats.images import ImageFacts

# Rendition filter specs. Large images follow the search engines' advice (>= 1200 px wide, 16x9,
# 4x3 and 1x1 crops); Wagtail never upscales, so a smaller original gives a smaller rendition.
LARGE_SPEC = "fill-1200x675"
THUMBNAIL_SPEC = "fill-480x270"
SHARE_SPECS = {"16x9": "fill-1200x675", "4x3": "fill-1200x900", "1x1": "fill-1200x1200"}
PREVIEW_SPEC = "fill-960x540"
# Every spec the formats ask for. A prefetch of renditions must hold all the specs later asked of
# those images: Wagtail trusts the prefetched list, so an existing rendition missing from it would
# be created a second time (IntegrityError).
SYNDICATION_SPECS = tuple(
    dict.fromkeys((LARGE_SPEC, THUMBNAIL_SPEC, PREVIEW_SPEC, *SHARE_SPECS.values()))
)


def image_guid(image):
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'newsroom:image:{image.pk}')}"


def renditions_prefetch(lookup, specs=SYNDICATION_SPECS):
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    return Prefetch(f"{lookup}__renditions", queryset=renditions)


def rendition_facts(image, spec, request, language=None):
    """Absolute address, size and type of one rendition of ``image``, with its alt text,
    caption and credit in ``language`` (the active one by default)."""
    rendition = image.get_rendition(spec)
    return ImageFacts(
        url=absolute(request, rendition.url),
        width=rendition.width,
        height=rendition.height,
        mime_type=mime_type_of(rendition.file.name),
        alt=image.alt_text_in(language),
        caption=image.text_in("caption", language),
        credit=image.text_in("credit", language),
    )
