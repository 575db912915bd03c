"""Keeping ``ImageUse`` and ``GalleryUse`` in step with what each item shows once published.

An item's row holds its live content: publishing saves the whole page, while saving a draft
saves only the revision fields (``update_fields``) and leaves the content in the revision. So a
full save of a live item records what it shows, a save of its content while not live forgets
it, and a draft's save changes nothing.
"""

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.signals import page_unpublished

from newsroom.news.models import NewsItemPage

from .models import GalleryUse, ImageUse


def shown_by(page):
    """(image ids, gallery ids) an item's live content shows: its listing image and the body's
    image and gallery blocks. Read from the stored block data, so no image is loaded."""
    images, galleries = set(), set()
    if page.listing_image_id:
        images.add(page.listing_image_id)
    for block in page.body.raw_data:
        value = block.get("value")
        if block.get("type") == "image" and isinstance(value, dict) and value.get("image"):
            images.add(value["image"])
        elif block.get("type") == "gallery" and isinstance(value, int):
            galleries.add(value)
    return images, galleries


def record(page):
    images, galleries = shown_by(page)
    with transaction.atomic():
        ImageUse.objects.filter(page=page).delete()
        GalleryUse.objects.filter(page=page).delete()
        ImageUse.objects.bulk_create(
            [ImageUse(page_id=page.pk, image_id=pk) for pk in images], ignore_conflicts=True
        )
        GalleryUse.objects.bulk_create(
            [GalleryUse(page_id=page.pk, gallery_id=pk) for pk in galleries],
            ignore_conflicts=True,
        )


def forget(page):
    ImageUse.objects.filter(page_id=page.pk).delete()
    GalleryUse.objects.filter(page_id=page.pk).delete()


CONTENT_FIELDS = {"body", "listing_image", "listing_image_id", "live"}


def on_saved(sender, instance, update_fields=None, **kwargs):
    if not isinstance(instance, NewsItemPage):
        return
    if update_fields is not None and not CONTENT_FIELDS & set(update_fields):
        return  # a draft's revision, or bookkeeping: the live content is unchanged
    if instance.live:
        record(instance)
    else:
        forget(instance)


def on_unpublished(sender, instance, **kwargs):
    if isinstance(instance, NewsItemPage):
        forget(instance)


def rebuild():
    """Every live item's uses again, for pages written without signals (``newsroom generate``'s
    bulk writer): read from the stored rows in batches, written in bulk."""
    with transaction.atomic():
        ImageUse.objects.all().delete()
        GalleryUse.objects.all().delete()
        rows = NewsItemPage.objects.live().only("pk", "listing_image_id", "body")
        images, galleries = [], []
        for page in rows.iterator(chunk_size=500):
            shown_images, shown_galleries = shown_by(page)
            images.extend(ImageUse(page_id=page.pk, image_id=pk) for pk in shown_images)
            galleries.extend(GalleryUse(page_id=page.pk, gallery_id=pk) for pk in shown_galleries)
            if len(images) > 5000:
                ImageUse.objects.bulk_create(images, ignore_conflicts=True)
                images.clear()
        ImageUse.objects.bulk_create(images, ignore_conflicts=True)
        GalleryUse.objects.bulk_create(galleries, ignore_conflicts=True)


def connect():
    post_save.connect(on_saved, dispatch_uid="media-uses-saved")
    page_unpublished.connect(on_unpublished, dispatch_uid="media-uses-unpublished")
