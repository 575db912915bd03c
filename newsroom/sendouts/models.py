"""Media contacts, media lists and send-outs.

A *contact* is a journalist the press office writes to: one row per e-mail address (stored in
the outbox's one spelling, ``mailing.addresses.normalise``). Languages and beats are short
codes kept as comma-separated text (``"en,fr"``), so a list's rule is a plain filter on every
database. A contact linked to an active press account is *accredited*: only accredited contacts
may be sent an embargoed item before its release.

A *media list* is chosen by hand (``members``) or defined by a rule (beat, country, language,
accredited or not) that is evaluated when a send-out goes, not when the list is saved.

A *send-out* is one item sent to lists and contacts, with a personal note. Its messages are
outbox dispatches whose source is the send-out (``outbox.counts(sendout)`` gives its totals).
"""

import contextlib
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from newsroom.mailing.addresses import InvalidAddress, normalise


def split_codes(value):
    """ "en, FR;de" -> ["en", "fr", "de"] (order kept, duplicates and blanks dropped)."""
    found = []
    for part in str(value or "").replace(";", ",").split(","):
        code = part.strip().lower()
        if code and code not in found:
            found.append(code)
    return found


def join_codes(value):
    return ",".join(split_codes(value))


def has_code(field, code):
    """A filter: the comma-separated ``field`` holds ``code``."""
    code = code.strip().lower()
    return (
        Q(**{field: code})
        | Q(**{f"{field}__startswith": f"{code},"})
        | Q(**{f"{field}__endswith": f",{code}"})
        | Q(**{f"{field}__contains": f",{code},"})
    )


ACCREDITED = Q(press_account__active=True, press_account__user__is_active=True)


class MediaContactQuerySet(models.QuerySet):
    def accredited(self):
        return self.filter(ACCREDITED)

    def not_accredited(self):
        return self.exclude(ACCREDITED)

    def reachable(self):
        """Contacts who have not unsubscribed from press send-outs."""
        return self.filter(unsubscribed_at__isnull=True)


class MediaContact(models.Model):
    name = models.CharField(_("name"), max_length=200)
    email = models.CharField(_("e-mail address"), max_length=254, unique=True)
    outlet = models.CharField(_("outlet"), max_length=200, blank=True)
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_("e.g. Defence correspondent")
    )
    country = models.CharField(
        _("country"), max_length=2, blank=True, help_text=_("Two-letter code, e.g. BE, FR")
    )
    languages = models.CharField(
        _("languages"),
        max_length=100,
        blank=True,
        help_text=_("Codes separated by commas, e.g. en, fr"),
    )
    beats = models.CharField(
        _("beats"),
        max_length=500,
        blank=True,
        help_text=_("Topics the journalist covers, separated by commas, e.g. defence, climate"),
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    consent = models.BooleanField(_("consent given"), default=False)
    consent_source = models.CharField(
        _("consent source"),
        max_length=200,
        blank=True,
        help_text=_("e.g. business card, press conference sign-up"),
    )
    consent_date = models.DateField(_("consent date"), null=True, blank=True)
    press_account = models.OneToOneField(
        "press.PressAccount",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="media_contact",
        verbose_name=_("press account"),
        help_text=_(
            "Linked to an active press account, the contact is accredited: they may be sent "
            "embargoed items."
        ),
    )
    # The signed unsubscribe link names this, never the row's id or the address.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = MediaContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("media contact")
        verbose_name_plural = _("media contacts")
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    def save(self, *args, **kwargs):
        # The form says what is wrong with an address; a model saved by code keeps what it got.
        with contextlib.suppress(InvalidAddress):
            self.email = normalise(self.email)
        self.country = self.country.strip().upper()
        self.languages, self.beats = join_codes(self.languages), join_codes(self.beats)
        super().save(*args, **kwargs)

    @property
    def accredited(self):
        account = self.press_account
        return bool(account and account.active and account.user.is_active)


class MediaList(models.Model):
    class Kind(models.TextChoices):
        MANUAL = "manual", _("chosen by hand")
        RULE = "rule", _("defined by a rule")

    class Accreditation(models.TextChoices):
        ANY = "any", _("accredited or not")
        YES = "yes", _("accredited only")
        NO = "no", _("not accredited only")

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.MANUAL)
    members = models.ManyToManyField(
        MediaContact, blank=True, related_name="lists", verbose_name=_("members (chosen by hand)")
    )
    rule_beat = models.CharField(_("rule: beat"), max_length=100, blank=True)
    rule_country = models.CharField(_("rule: country"), max_length=2, blank=True)
    rule_language = models.CharField(_("rule: language"), max_length=8, blank=True)
    rule_accredited = models.CharField(
        _("rule: accreditation"),
        max_length=3,
        choices=Accreditation.choices,
        default=Accreditation.ANY,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("media list")
        verbose_name_plural = _("media lists")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def rule(self):
        """The rule as a filter on contacts (everyone when no part of it is set)."""
        condition = Q()
        if self.rule_beat.strip():
            condition &= has_code("beats", self.rule_beat)
        if self.rule_country.strip():
            condition &= Q(country=self.rule_country.strip().upper())
        if self.rule_language.strip():
            condition &= has_code("languages", self.rule_language)
        if self.rule_accredited == self.Accreditation.YES:
            condition &= ACCREDITED
        elif self.rule_accredited == self.Accreditation.NO:
            condition &= ~ACCREDITED
        return condition

    def contacts(self):
        """Every contact on the list now (unsubscribed ones included: counts show them)."""
        if self.kind == self.Kind.RULE:
            return MediaContact.objects.filter(self.rule())
        return MediaContact.objects.filter(lists=self)


class SendOut(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft, not sent")
        QUEUED = "queued", _("being queued")
        WAITING = "waiting", _("waiting until the item is public")
        EMBARGO = "embargo", _("sent to accredited contacts; the others when the embargo ends")
        SENT = "sent", _("sent")
        CANCELLED = "cancelled", _("cancelled")

    class When(models.TextChoices):
        NOW = "now", _("now")
        PUBLIC = "public", _("when the item is public")

    page = models.ForeignKey(
        "news.NewsItemPage",
        on_delete=models.CASCADE,
        related_name="sendouts",
        verbose_name=_("item"),
    )
    lists = models.ManyToManyField(
        MediaList, blank=True, related_name="sendouts", verbose_name=_("media lists")
    )
    contacts = models.ManyToManyField(
        MediaContact, blank=True, related_name="sendouts", verbose_name=_("individual contacts")
    )
    note = models.TextField(_("personal note"), blank=True)
    sender_name = models.CharField(_("sender name"), max_length=100, blank=True)
    reply_to = models.EmailField(_("reply-to address"), blank=True)
    tracking = models.BooleanField(
        _("track opens and clicks"),
        default=False,
        help_text=_(
            "Off by default: whether and when each journalist opened the message or followed "
            "its links is personal data."
        ),
    )
    correction_of = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="corrections"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    when = models.CharField(_("send"), max_length=6, choices=When.choices, default=When.NOW)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("send-out")
        verbose_name_plural = _("send-outs")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.page.title} ({self.created_at:%Y-%m-%d %H:%M})"

    def dispatch_key(self, part):
        return f"sendouts:{self.pk}:{part}"

    def recipients(self):
        """Every contact it goes to: the lists' members (rules evaluated now) and the chosen
        contacts, each once."""
        condition = Q(pk__in=self.contacts.values("pk"))
        for media_list in self.lists.all():
            if media_list.kind == MediaList.Kind.RULE:
                condition |= media_list.rule()
            else:
                condition |= Q(lists=media_list)
        return MediaContact.objects.filter(condition).distinct()


class Opened(models.Model):
    """One open of a tracked send-out's message (only when the press office tracks it)."""

    sendout = models.ForeignKey(SendOut, on_delete=models.CASCADE, related_name="opens")
    contact = models.ForeignKey(MediaContact, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("open")
        constraints = [
            models.UniqueConstraint(fields=["sendout", "contact"], name="sendouts_opened_once")
        ]

    def __str__(self):
        return f"{self.contact_id} opened {self.sendout_id} at {self.at}"


class Clicked(models.Model):
    """A contact's first click on a link of a tracked send-out's message (one row per contact:
    the link and time of that first click)."""

    sendout = models.ForeignKey(SendOut, on_delete=models.CASCADE, related_name="clicks")
    contact = models.ForeignKey(MediaContact, on_delete=models.CASCADE, related_name="+")
    url = models.URLField(_("link"), max_length=2000)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("click")
        constraints = [
            models.UniqueConstraint(fields=["sendout", "contact"], name="sendouts_clicked_once")
        ]

    def __str__(self):
        return f"{self.contact_id} clicked {self.url} of {self.sendout_id} at {self.at}"
