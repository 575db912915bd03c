"""What the media library may show: the one place that says which images and galleries are public.

An image is listed when it is marked public, or when a visible item (``visible()``: published,
not expired, outside private sections) shows it, directly or in a gallery. A restricted image is
listed for accredited journalists only, on the same condition. A gallery is public when a visible
item shows it.
"""

from django.db.models import DateField, F, Prefetch, Q
from django.db.models.functions import Cast, Coalesce
from wagtail.images import get_image_model

from newsroom.images.models import Access, Gallery, GalleryPhoto
from newsroom.news.models import NewsItemPage, VideoPage
from newsroom.news.models.items import picture_specs

from .models import GalleryUse, ImageUse

# The tiles of the library and of a gallery (media-grid, gallery-grid: tracks of 14rem or more,
# cropped to 4:3): at most 268 px wide in the 70rem wrap, 343 px on a 375 px phone; the widths
# give 1x and 2x of both. The templates' picture tags ask for exactly these.
TILE_SPECS = picture_specs(("272x204", "544x408", "688x516"))
DISPLAY_SPEC = "max-1200x1200"
WEB_SPEC = "max-2048x2048|format-jpeg|jpegquality-85"


def visible_items():
    return NewsItemPage.objects.visible()


def shown_image_ids(items):
    """Ids of the images ``items`` show, directly or in their galleries (a sub-select)."""
    direct = ImageUse.objects.filter(page__in=items.values("pk")).values("image_id")
    in_galleries = GalleryPhoto.objects.filter(gallery__uses__page__in=items.values("pk")).values(
        "image_id"
    )
    return direct, in_galleries


def listed_images(*, journalist=False, items=None):
    """The images of the library, newest first; ``items`` (visible items) narrows the list to
    the images they show."""
    allowed = [Access.WITH_ITEMS, Access.PUBLIC]
    if journalist:
        allowed.append(Access.RESTRICTED)
    direct, in_galleries = shown_image_ids(visible_items() if items is None else items)
    condition = Q(access__in=allowed) & (Q(pk__in=direct) | Q(pk__in=in_galleries))
    if items is None:
        condition |= Q(access=Access.PUBLIC)
    return (
        get_image_model()
        .objects.filter(condition)
        .annotate(asset_date=Coalesce(F("date_taken"), Cast("created_at", DateField())))
        .order_by("-asset_date", "-pk")
    )


def with_renditions(images, *specs, lookup="renditions"):
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    return images.prefetch_related(Prefetch(lookup, queryset=renditions))


def items_showing(image, language=None):
    """The visible items that show ``image``, newest first. With ``language``, only their
    versions in that language (which may show another photo: it is the same item for the
    reader), as every listing of a language's pages shows that language's items only."""
    galleries = GalleryPhoto.objects.filter(image=image).values("gallery_id")
    pages = ImageUse.objects.filter(image=image).values("page_id")
    via_galleries = GalleryUse.objects.filter(gallery_id__in=galleries).values("page_id")
    shown = visible_items().filter(Q(pk__in=pages) | Q(pk__in=via_galleries))
    if language is None:
        return shown.for_listing()
    return (
        visible_items()
        .filter(translation_key__in=shown.values("translation_key"))
        .filter(locale__language_code=language)
        .for_listing()
    )


def public_galleries():
    shown = GalleryUse.objects.filter(page__in=visible_items().values("pk")).values("gallery_id")
    return Gallery.objects.filter(pk__in=shown)


def galleries_showing(image):
    return public_galleries().filter(photos__image=image).distinct()


def gallery_photos(gallery, *, journalist=False):
    photos = gallery.photos.select_related("image").order_by("sort_order", "pk")
    if not journalist:
        photos = photos.exclude(image__access=Access.RESTRICTED)
    return photos


def listed_videos(items):
    """Video items with an uploaded file or an external address, newest first."""
    return (
        VideoPage.objects.filter(pk__in=items.values("pk"))
        .visible()
        .select_related("video_file", "listing_image")
        .defer_streamfields()
        .order_by("-display_date", "-pk")
    )
