"""The press office's item types: press releases, speeches and media advisories.

They are ordinary news items (``NewsItemPage``), so every listing, feed, sitemap, API and
search finds them by their ``item_type``; what they add is shown on their own pages.
"""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField

from newsroom.caching import surrogate
from newsroom.core.blocks import RICH_TEXT_FEATURES
from newsroom.core.text import plain_text
from newsroom.scheduling.forms import NewsItemAdminForm

from .items import NewsItemPage
from .numbering import PressReleaseCounter
from .updates import organisation_zone_label


def zone_panel(field_name):
    """A date-time field whose help text names the zone it is typed in (read from settings when
    the form is shown, so it is never frozen into a migration)."""
    return FieldPanel(field_name, help_text=organisation_zone_label())


class ReleaseNumberPanel(FieldPanel):
    """The number, read-only, or a word on when it will come."""

    def __init__(self, field_name, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(field_name, **kwargs)

    def format_value_for_display(self, value):
        return value if value is not None else gettext("Given at first publication")


class PressReleaseForm(NewsItemAdminForm):
    """Refuses any attempt to send a number: it is the newsroom's, not the editor's. (Its base
    keeps the scheduling and embargo checks every item has.)"""

    def clean(self):
        cleaned = super().clean()
        sent = {name: self.data.get(name) for name in ("release_number", "release_year")}
        tampered = [
            name
            for name, value in sent.items()
            if value is not None and value.strip() != str(getattr(self.instance, name) or "")
        ]
        if tampered:
            self.add_error(
                None,
                gettext(
                    "A press release number is given once, at first publication, and never "
                    "changes: %(reference)s keeps its number. Nothing was saved; your other "
                    "changes are still in the form."
                )
                % {"reference": self.instance.reference or gettext("this press release")},
            )
        return cleaned


class PressReleasePage(NewsItemPage):
    """ "Press Release (2023) 142": numbered per year at first publication."""

    release_year = models.PositiveSmallIntegerField(
        _("year of the number"), null=True, blank=True, editable=False
    )
    release_number = models.PositiveIntegerField(
        _("press release number"), null=True, blank=True, editable=False
    )

    item_type = "press-release"
    shows_press_contacts = True
    item_type_label = _("Press release")
    call_to_action = _("Read the press release")
    schema_type = "NewsArticle"
    genre_uri = "http://cv.iptc.org/newscodes/genre/PressRelease"

    base_form_class = PressReleaseForm
    # A copy is another release: it gets its own number when it is first published.
    # (Translations are made from a copy too; they find their source's number by translation key.)
    exclude_fields_in_copy = [
        *NewsItemPage.exclude_fields_in_copy,
        "release_year",
        "release_number",
    ]
    content_panels = [
        *NewsItemPage.content_panels,
        FieldRowPanel(
            [
                ReleaseNumberPanel("release_year", heading=_("Year")),
                ReleaseNumberPanel(
                    "release_number",
                    heading=_("Number"),
                    help_text=_("Given once, at first publication; it cannot be changed."),
                ),
            ],
            heading=_("Press release number"),
        ),
        NewsItemPage.press_contacts_panel,
        *NewsItemPage.tagging_panels,
        NewsItemPage.change_note_panel,
    ]
    template = "news/press_release_page.html"

    class Meta:
        verbose_name = _("press release")

    @property
    def reference(self):
        if self.release_number is None:
            return ""
        return gettext("Press Release (%(year)s) %(number)s") % {
            "year": self.release_year,
            "number": self.release_number,
        }

    def with_content_json(self, content):
        # The number lives on the page, not in revisions: no draft can bring back an old one.
        page = super().with_content_json(content)
        page.release_year, page.release_number = self.release_year, self.release_number
        return page

    def save(self, *args, **kwargs):
        with transaction.atomic():
            if self.live and self.release_number is None:
                # The year of first publication in the organisation's time zone: a release
                # issued at 00:30 on 1 January in Brussels belongs to the new year.
                self.release_year, self.release_number = self._number_for_publication()
                if kwargs.get("update_fields") is not None:
                    kwargs["update_fields"] = {
                        *kwargs["update_fields"],
                        "release_year",
                        "release_number",
                    }
            return super().save(*args, **kwargs)

    def _number_for_publication(self):
        # A translation is the same release: it carries its source's number, in any language.
        numbered = (
            PressReleasePage.objects.filter(
                translation_key=self.translation_key, release_number__isnull=False
            )
            .exclude(pk=self.pk)
            .values_list("release_year", "release_number")
            .first()
        )
        if numbered:
            return numbered
        # The year of first publication in the organisation's time zone: a release issued at
        # 00:30 on 1 January in Brussels belongs to the new year.
        issued = timezone.localtime(self.first_published_at or timezone.now())
        return issued.year, PressReleaseCounter.next_number(issued.year)


class SpeechPage(NewsItemPage):
    """A speech or transcript, with who gave it, where, and whether it is as delivered."""

    speaker = models.ForeignKey(
        "topics.Person",
        verbose_name=_("speaker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="speeches",
    )
    speaker_name = models.CharField(
        _("speaker (not in the list of people)"),
        max_length=255,
        blank=True,
        help_text=_("Name and role of a speaker who is not among the people."),
    )
    event = models.CharField(_("event"), max_length=255, blank=True)
    place = models.CharField(
        _("place"), max_length=255, blank=True, help_text=_("e.g. Brussels, NATO Headquarters")
    )
    as_delivered = models.BooleanField(
        _("as delivered"),
        default=False,
        help_text=_("Tick when the text is what the speaker actually said."),
    )
    media_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("audio or video file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    media_url = models.URLField(
        _("external audio or video address"), blank=True, help_text=_("e.g. a YouTube page")
    )

    item_type = "speech"
    shows_press_contacts = True
    item_type_label = _("Speech")
    call_to_action = _("Read the speech")
    schema_type = "NewsArticle"
    genre_uri = "http://cv.iptc.org/newscodes/genre/Transcript"
    visible_fields = (
        *NewsItemPage.visible_fields,
        *("speaker_id", "speaker_name", "event", "place", "as_delivered"),
        *("media_file_id", "media_url"),
    )

    content_panels = [
        *NewsItemPage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("speaker"), FieldPanel("speaker_name")]),
                FieldRowPanel([FieldPanel("event"), FieldPanel("place")]),
                FieldPanel("as_delivered"),
            ],
            heading=_("Speaker and occasion"),
        ),
        MultiFieldPanel(
            [FieldPanel("media_file"), FieldPanel("media_url")],
            heading=_("Recording (optional)"),
        ),
        NewsItemPage.press_contacts_panel,
        *NewsItemPage.tagging_panels,
        NewsItemPage.change_note_panel,
    ]
    template = "news/speech_page.html"

    class Meta:
        verbose_name = _("speech")

    def clean(self):
        super().clean()
        errors = {}
        if not self.speaker_id and not self.speaker_name.strip():
            errors["speaker_name"] = _("Choose the speaker from the people, or type their name.")
        if self.media_file_id and self.media_url:
            errors["media_url"] = _(
                "Choose either an uploaded recording or an external address, not both."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def speaker_display(self):
        return self.speaker.name if self.speaker_id and self.speaker else self.speaker_name

    def extra_search_text(self):
        return [part for part in (self.speaker_name, self.event, self.place) if part]

    def shown_keys(self):
        keys = super().shown_keys()
        if self.speaker_id:
            keys.append(
                surrogate.key_for_id(type(self).speaker.field.related_model, self.speaker_id)
            )
        return keys


class MediaAdvisoryPage(NewsItemPage):
    """An invitation to the media: when, where, who may come and how to get accredited."""

    class Access(models.TextChoices):
        OPEN = "open", _("Open to media")
        POOL = "pool", _("Pool only")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Takes place as announced")
        CANCELLED = "cancelled", _("Cancelled")

    # What a calendar program compares to know that its copy of the event is out of date.
    CALENDAR_FIELDS = ("event_start", "event_end", "venue", "event_status")

    # Times are typed and shown in the organisation's zone; panels name it (see zone_panel).
    event_start = models.DateTimeField(_("event starts"))
    event_end = models.DateTimeField(_("event ends"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=255)
    access = models.CharField(
        _("access"), max_length=10, choices=Access.choices, default=Access.OPEN
    )
    accreditation_instructions = RichTextField(
        _("accreditation instructions"), blank=True, features=RICH_TEXT_FEATURES
    )
    accreditation_deadline = models.DateTimeField(
        _("accreditation deadline"), null=True, blank=True
    )
    live_stream_url = models.URLField(
        _("live stream address"),
        blank=True,
        help_text=_("Where the event can be watched live, e.g. a web TV or YouTube page."),
    )
    event_status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.SCHEDULED,
        help_text=_(
            "Cancelling keeps the advisory published with a notice, and tells calendars that "
            "subscribed to it."
        ),
    )
    # RFC 5545's SEQUENCE: raised by one each time a published event's time, place or status
    # changes, so that calendar programs replace their copy.
    event_sequence = models.PositiveIntegerField(
        _("revision of the event"), default=0, editable=False
    )

    item_type = "advisory"
    shows_press_contacts = True
    item_type_label = pgettext_lazy("item type", "Media advisory")
    call_to_action = _("See the event details")
    schema_type = "Event"
    genre_uri = "http://cv.iptc.org/newscodes/genre/Daybook"
    visible_fields = (
        *NewsItemPage.visible_fields,
        *("event_start", "event_end", "venue", "access"),
        *("accreditation_instructions", "accreditation_deadline"),
        *("live_stream_url", "event_status"),
    )

    content_panels = [
        *NewsItemPage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([zone_panel("event_start"), zone_panel("event_end")]),
                FieldPanel("venue"),
                FieldPanel("access"),
                FieldPanel("live_stream_url"),
                FieldPanel("event_status"),
            ],
            heading=format_lazy("{} · {}", _("Event"), organisation_zone_label()),
        ),
        MultiFieldPanel(
            [zone_panel("accreditation_deadline"), FieldPanel("accreditation_instructions")],
            heading=_("Accreditation"),
        ),
        NewsItemPage.press_contacts_panel,
        *NewsItemPage.tagging_panels,
        NewsItemPage.change_note_panel,
    ]
    template = "news/media_advisory_page.html"

    class Meta:
        verbose_name = _("media advisory")
        verbose_name_plural = _("media advisories")

    def clean(self):
        super().clean()
        errors = {}
        if self.event_start and self.event_end and self.event_end < self.event_start:
            errors["event_end"] = _("The event cannot end before it starts.")
        if (
            self.event_start
            and self.accreditation_deadline
            and self.accreditation_deadline > self.event_start
        ):
            errors["accreditation_deadline"] = _(
                "The accreditation deadline must come before the event starts."
            )
        if errors:
            raise ValidationError(errors)

    def extra_search_text(self):
        return [self.venue, plain_text(self.accreditation_instructions)]

    @property
    def is_cancelled(self):
        return self.event_status == self.Status.CANCELLED

    @property
    def is_moved(self):
        """Its time or place changed after it was first published (and it still happens)."""
        return self.event_sequence > 0 and not self.is_cancelled

    def with_content_json(self, content):
        # The sequence belongs to the page, not to revisions: a draft never lowers it.
        page = super().with_content_json(content)
        page.event_sequence = self.event_sequence
        return page

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.pk and (update_fields is None or set(self.CALENDAR_FIELDS) & set(update_fields)):
            published = (
                MediaAdvisoryPage.objects.filter(pk=self.pk, live=True)
                .values(*self.CALENDAR_FIELDS)
                .first()
            )
            if published and any(
                published[name] != getattr(self, name) for name in self.CALENDAR_FIELDS
            ):
                self.event_sequence += 1
                if update_fields is not None:
                    kwargs["update_fields"] = {*update_fields, "event_sequence"}
        return super().save(*args, **kwargs)
