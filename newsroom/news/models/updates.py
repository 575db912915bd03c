"""The "Last updated" line and "Updates to this page": what changed after first publication.

Wagtail publishes a revision by copying it onto the page and saving the page. At that save the
database still holds the previous live revision, so the two versions a reader would have seen
can be compared field by field. Only a visible difference sets ``last_updated_at``: publishing
the same text again (a re-save, a change of tags or SEO fields) leaves it as it was.

An editor may also write a public change note in the edit form ("Corrected the date of the
meeting"). The note travels with the draft's revision; when that revision goes live (now, at its
scheduled time, after a review) it becomes a ``ChangeNote`` of the page, keyed to the revision
and the time of the publication, and is taken off the page and off the revision's content, so
the next publication starts with an empty note and never repeats it. A note is a visible
update: it sets ``last_updated_at`` even when no other field changed. A first publication has
nothing to correct: a note written before it is dropped.
"""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from wagtail.fields import StreamValue
from wagtail.models import Page, Revision

# The longest public change note (the alerts' correction form allows as much).
NOTE_LENGTH = 500

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

    # The note of the next publication, written in the edit form (see the module's docstring).
    change_note = models.CharField(
        _("public change note"),
        max_length=NOTE_LENGTH,
        blank=True,
        help_text=_(
            "Only for an item already published: what changed and why, shown to readers under "
            "“Updates to this page” and in feeds, e.g. “Corrected the date of the meeting.” "
            "Recorded when you publish; leave empty for changes readers need not be told of."
        ),
    )
    tell_recipients = models.BooleanField(
        _("send this correction to those who received the item"),
        default=False,
        help_text=_(
            "E-mails the note, with the link, to the alert subscribers and press send-out "
            "recipients who were sent this item, once."
        ),
    )

    # What a reader sees of an item; subclasses add their own fields.
    visible_fields = ("title", "display_date", "dateline", "teaser", "listing_image_id", "body")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        note = None
        if self.pk and self.live and self.live_revision_id:
            publishing, note = self._note_visible_change()
            if publishing:
                # The note belongs to this publication only: the live page carries none, so a
                # revision saved from it later (in code, a copy) has none either.
                self.change_note, self.tell_recipients = "", False
        with transaction.atomic():
            saved = super().save(*args, **kwargs)
            if note is not None:
                ChangeNote.record(self, *note)
        return saved

    def visible_content(self):
        return {name: _comparable(getattr(self, name)) for name in self.visible_fields}

    def with_content_json(self, content):
        # Like first_published_at, this belongs to the page, not to a revision: an old draft
        # published later must not bring back the date it was saved with.
        page = super().with_content_json(content)
        page.last_updated_at = self.last_updated_at
        return page

    def _note_visible_change(self):
        """Set ``last_updated_at`` if this publication changes what readers see. Returns
        (whether a new revision goes live, (text, tell) of the note it carries or None)."""
        previous_id = (
            Page.objects.filter(pk=self.pk).values_list("live_revision_id", flat=True).first()
        )
        if previous_id == self.live_revision_id:
            return False, None  # a save that publishes nothing new
        moment = self.last_published_at or timezone.now()
        text = " ".join(self.change_note.split())
        # Readers saw an earlier version: it was live until now, or was published before (and
        # unpublished or withdrawn since).
        seen_before = self.first_published_at is not None and self.first_published_at < moment
        republished = previous_id is not None or seen_before
        note = (text, self.tell_recipients) if text and republished else None
        if note is not None:
            self.last_updated_at = moment
        if previous_id is None:
            return True, note  # first publication (or the first after a withdrawal)
        previous = Revision.objects.filter(pk=previous_id).first()
        if (
            previous is not None
            and previous.as_object().visible_content() != self.visible_content()
        ):
            self.last_updated_at = moment
        return True, note


class ChangeNoteQuerySet(models.QuerySet):
    def to_tell(self, page, revision):
        """The note published with ``revision`` that its editor asked to e-mail, or None.
        A note sets ``last_updated_at`` to its publication's time: a publish that set no such
        time carries no note, and costs no query."""
        if revision is None or page.last_updated_at is None:
            return None
        if page.last_updated_at != page.last_published_at:
            return None
        note = self.filter(page=page, revision=revision, tell_recipients=True).first()
        if note is None:
            return None
        # The same note told before (published again with the box still ticked): it went
        # out then, and those sent the item since were sent the corrected version.
        told = self.filter(page=page, text=note.text, tell_recipients=True).exclude(pk=note.pk)
        return None if told.exists() else note


class ChangeNote(models.Model):
    """One public change note, recorded with the publication that carried it."""

    page = models.ForeignKey(
        "news.NewsItemPage", on_delete=models.CASCADE, related_name="change_notes"
    )
    revision = models.ForeignKey(
        Revision, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("published at"))
    text = models.CharField(_("note"), max_length=NOTE_LENGTH)
    tell_recipients = models.BooleanField(default=False)

    objects = ChangeNoteQuerySet.as_manager()

    class Meta:
        verbose_name = _("change note")
        ordering = ["-published_at", "-pk"]  # newest first, as readers see them
        constraints = [
            models.UniqueConstraint(fields=["page", "revision"], name="one_note_per_publication")
        ]

    def __str__(self):
        return self.text

    @classmethod
    def record(cls, page, text, tell):
        note, _created = cls.objects.get_or_create(
            page_id=page.pk,
            revision_id=page.live_revision_id,
            defaults={"published_at": page.last_updated_at, "text": text, "tell_recipients": tell},
        )
        # Off the revision too: reopening the editor (or reverting to this revision) must not
        # offer the note again for the next publication.
        revision = Revision.objects.filter(pk=page.live_revision_id).first()
        if revision is not None and revision.content.get("change_note"):
            revision.content = {**revision.content, "change_note": "", "tell_recipients": False}
            revision.save(update_fields=["content"])
        return note
