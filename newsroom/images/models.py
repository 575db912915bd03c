"""The newsroom's image model: Wagtail's image plus the credit and caption press photos carry.

Alt text lives in Wagtail's own ``description`` field, which the admin asks for on upload.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class NewsroomImage(AbstractImage):
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(
        _("credit"), max_length=255, blank=True, help_text=_("Photographer or source, e.g. NATO")
    )

    admin_form_fields = (*Image.admin_form_fields, "caption", "credit")

    @property
    def alt_text(self):
        return self.description or self.title


class NewsroomRendition(AbstractRendition):
    image = models.ForeignKey(NewsroomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
