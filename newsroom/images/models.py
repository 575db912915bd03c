"""The newsroom's image model: Wagtail's image plus the credit and caption press photos carry.

Alt text lives in Wagtail's own ``description`` field, which the admin asks for on upload. Alt
text, caption and credit can be given again in each language after the default one
(core.per_language); pages, feeds and structured data read them in the reader's language.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from newsroom.core.per_language import PerLanguageTexts


class NewsroomImage(PerLanguageTexts, AbstractImage):
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(
        _("credit"), max_length=255, blank=True, help_text=_("Photographer or source, e.g. NATO")
    )

    admin_form_fields = (*Image.admin_form_fields, "caption", "credit")
    per_language_fields = ("description", "caption", "credit")

    @property
    def alt_text(self):
        """Alt text in the active language."""
        return self.alt_text_in()

    @property
    def caption_text(self):
        return self.text_in("caption")

    @property
    def credit_text(self):
        return self.text_in("credit")

    def alt_text_in(self, language=None):
        return self.text_in("description", language) or self.title


class NewsroomRendition(AbstractRendition):
    image = models.ForeignKey(NewsroomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
