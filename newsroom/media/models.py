"""Which published items show which images and galleries: the media library's index.

Rows are written from an item's live content when it is published and removed when it is
unpublished (``uses.py``), so a draft's or an embargoed item's pictures are never in it; whether
the item is still visible (expiry, private sections) is asked at query time (``queries.py``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImageUse(models.Model):
    page = models.ForeignKey(
        "news.NewsItemPage", on_delete=models.CASCADE, related_name="image_uses"
    )
    image = models.ForeignKey("images.NewsroomImage", on_delete=models.CASCADE, related_name="uses")

    class Meta:
        verbose_name = _("image use")
        unique_together = [("page", "image")]

    def __str__(self):
        return f"image {self.image_id} in page {self.page_id}"


class GalleryUse(models.Model):
    page = models.ForeignKey(
        "news.NewsItemPage", on_delete=models.CASCADE, related_name="gallery_uses"
    )
    gallery = models.ForeignKey("images.Gallery", on_delete=models.CASCADE, related_name="uses")

    class Meta:
        verbose_name = _("gallery use")
        unique_together = [("page", "gallery")]

    def __str__(self):
        return f"gallery {self.gallery_id} in page {self.page_id}"
