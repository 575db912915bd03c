"""The newsroom's image model: Wagtail's image plus what press photos carry (caption, credit,
copyright, date taken, place, usage terms) and who may see it; and galleries, ordered photo sets.

An upload's own metadata (IPTC IIM, XMP, EXIF: ``formats/photo_metadata.py``) fills the fields the
editor left empty when the image is first saved.

Alt text lives in Wagtail's own ``description`` field, which the admin asks for on upload. Alt
text, caption and credit can be given again in each language after the default one
(core.per_language); pages, feeds and structured data read them in the reader's language.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from newsroom.core.per_language import PerLanguageTexts
from newsroom.formats.photo_metadata import read_photo_metadata


class Access(models.TextChoices):
    WITH_ITEMS = "items", _("Public once a published item shows it")
    PUBLIC = "public", _("Public in the media library, even unused")
    RESTRICTED = "restricted", _("Accredited journalists only")


class NewsroomImage(PerLanguageTexts, AbstractImage):
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(
        _("credit"), max_length=255, blank=True, help_text=_("Photographer or source, e.g. NATO")
    )
    copyright = models.CharField(
        _("copyright notice"), max_length=255, blank=True, help_text=_("e.g. © NATO 2023")
    )
    date_taken = models.DateField(_("date taken"), null=True, blank=True)
    place = models.CharField(
        _("place"), max_length=255, blank=True, help_text=_("City and country, e.g. Brussels")
    )
    usage_terms = models.TextField(
        _("usage terms"),
        blank=True,
        help_text=_("Leave empty to use the organisation's usage terms (its settings)."),
    )
    access = models.CharField(
        _("who may see it"),
        max_length=10,
        choices=Access.choices,
        default=Access.WITH_ITEMS,
        help_text=_(
            "Restricted images never appear publicly; accredited journalists may download them, "
            "and each download is in the embargo audit log."
        ),
    )

    admin_form_fields = (
        *Image.admin_form_fields,
        *("caption", "credit", "copyright", "date_taken", "place", "usage_terms", "access"),
    )
    per_language_fields = ("description", "caption", "credit")

    @property
    def restricted(self):
        return self.access == Access.RESTRICTED

    def save(self, *args, **kwargs):
        if self._state.adding and self.file:
            self.fill_from_file_metadata()
        super().save(*args, **kwargs)

    def fill_from_file_metadata(self):
        """Fill the fields left empty from what the file says (caption, creator, copyright,
        date taken, place). Each value is plain text cut to its field's length."""
        try:
            self.file.seek(0)
            metadata = read_photo_metadata(self.file)
            self.file.seek(0)
        except (OSError, ValueError):
            return
        values = {
            "caption": metadata.caption,
            "credit": metadata.credit or metadata.creator,
            "copyright": metadata.copyright,
            "place": metadata.place,
            "usage_terms": metadata.usage_terms,
        }
        for name, value in values.items():
            if value and not getattr(self, name):
                limit = self._meta.get_field(name).max_length
                setattr(self, name, value[:limit] if limit else value)
        if metadata.date_taken and not self.date_taken:
            self.date_taken = metadata.date_taken

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


class Gallery(index.Indexed, ClusterableModel):
    """An ordered, captioned set of photos, attached to items with the body's gallery block and
    shown at /en/media/galleries/<slug>/ (public once a published item shows it)."""

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    introduction = models.TextField(_("introduction"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("introduction"),
        InlinePanel("photos", label=_("Photos"), min_num=1),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("gallery")
        verbose_name_plural = _("galleries")
        ordering = ["title"]

    def __str__(self):
        return self.title


class GalleryPhoto(Orderable):
    gallery = ParentalKey(Gallery, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        NewsroomImage, on_delete=models.CASCADE, related_name="gallery_photos"
    )
    caption = models.CharField(
        _("caption"),
        max_length=500,
        blank=True,
        help_text=_("Leave empty to use the caption stored with the image."),
    )

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("gallery photo")

    @property
    def caption_text(self):
        return self.caption or self.image.caption_text


register_snippet(Gallery)
