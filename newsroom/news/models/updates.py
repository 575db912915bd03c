"""The "Last updated" line: when did what readers see last change after first publication?

Wagtail publishes a revision by copying it onto the page and saving the page. At that save the
database still holds the previous live revision, so the two versions a reader would have seen
can be compared field by field. Only a visible difference sets ``last_updated_at``: publishing
the same text again (a re-save, a change of tags or SEO fields) leaves it as it was.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail.fields import StreamValue
from wagtail.models import Page, Revision

# The default zone's city, so that the catalogue can name it in French.
gettext_noop("Brussels")


def organisation_zone_label():
    """ "Brussels time (Europe/Brussels)": the zone every time an editor sets is read in."""
    zone = settings.TIME_ZONE
    city = zone.rsplit("/", 1)[-1].replace("_", " ")
    return format_lazy(_("{city} time ({zone})"), city=_(city), zone=zone)


def _comparable(value):
    if isinstance(value, StreamValue):
        # Block ids are bookkeeping: compare only each block's type and content.
        return [(block["type"], block["value"]) for block in value.get_prep_value()]
    return value


class VisibleChanges(models.Model):
    """Abstract: records when the visible content of a published item last changed."""

    last_updated_at = models.DateTimeField(
        _("last updated"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when a publication changes what readers see."),
    )

    # What a reader sees of an item; subclasses add their own fields.
    visible_fields = ("title", "display_date", "dateline", "teaser", "listing_image_id", "body")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk and self.live and self.live_revision_id:
            self._note_visible_change()
        return super().save(*args, **kwargs)

    def visible_content(self):
        return {name: _comparable(getattr(self, name)) for name in self.visible_fields}

    def with_content_json(self, content):
        # Like first_published_at, this belongs to the page, not to a revision: an old draft
        # published later must not bring back the date it was saved with.
        page = super().with_content_json(content)
        page.last_updated_at = self.last_updated_at
        return page

    def _note_visible_change(self):
        previous_id = (
            Page.objects.filter(pk=self.pk).values_list("live_revision_id", flat=True).first()
        )
        if previous_id is None or previous_id == self.live_revision_id:
            return  # first publication, or a save that publishes nothing new
        previous = Revision.objects.filter(pk=previous_id).first()
        if previous is None:
            return
        if previous.as_object().visible_content() != self.visible_content():
            self.last_updated_at = self.last_published_at or timezone.now()
