"""Subscribers to e-mail alerts and what each of them chose.

A subscriber is an e-mail address (stored normalised: trimmed, lower case) with a language, a
frequency and a set of choices. Nothing but a confirmation message is sent to an address until
``confirmed_at`` is set by the link in that message (double opt-in). A press account may have a
subscriber of its own (``press_account``): its address is the account's, it needs no
confirmation, and only it may receive embargoed material.

Choices are rows of ``Choice`` (an item type, or the translation key of a topic or a person, so
one choice covers every language); "everything" is a flag. A subscriber matches an item when
any one choice does (see ``matching.py``).
"""

import datetime
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_DIGEST_TIME = datetime.time(8, 0)


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately, one message per item")
    DAILY = "daily", _("A daily digest")
    WEEKLY = "weekly", _("A weekly digest")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def receiving(self):
        """Confirmed subscribers, and press accounts' subscribers only while the account (and its
        user) are active."""
        return self.confirmed().exclude(
            models.Q(press_account__isnull=False)
            & (
                models.Q(press_account__active=False)
                | models.Q(press_account__user__is_active=False)
            )
        )


class Subscriber(models.Model):
    email = models.CharField(_("e-mail address"), max_length=254, unique=True)
    # The signed links name this, never the row's id or the address.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    language = models.CharField(_("language"), max_length=8)
    frequency = models.CharField(
        _("frequency"), max_length=12, choices=Frequency.choices, default=Frequency.IMMEDIATELY
    )
    digest_time = models.TimeField(_("digest time"), default=DEFAULT_DIGEST_TIME)
    digest_weekday = models.PositiveSmallIntegerField(
        _("digest day"), choices=Weekday.choices, default=Weekday.MONDAY
    )
    everything = models.BooleanField(_("everything"), default=False)
    press_account = models.OneToOneField(
        "press.PressAccount",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="alerts",
        verbose_name=_("press account"),
    )
    embargoed = models.BooleanField(
        _("embargoed material"),
        default=False,
        help_text=_("Press accounts only: items shared with the press before release."),
    )
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, db_index=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    last_digest_at = models.DateTimeField(_("last digest"), null=True, blank=True)
    # The moment of the next digest (the subscriber's time in the organisation's zone), set
    # when they confirm or change their choices, and moved on by each digest (digests.py).
    next_digest_at = models.DateTimeField(_("next digest"), null=True, blank=True, db_index=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["frequency", "confirmed_at"], name="alerts_frequency")]

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    def choices_label(self):
        """ "everything; type:speech; topic:<key>" (the CSV export's column)."""
        parts = ["everything"] if self.everything else []
        parts += [f"{choice.kind}:{choice.value}" for choice in self.choices.all()]
        return "; ".join(parts)

    def choice_values(self, kind):
        return sorted(choice.value for choice in self.choices.all() if choice.kind == kind)

    def set_choices(self, *, item_types=(), topics=(), people=()):
        wanted = {
            *((Choice.Kind.TYPE, value) for value in item_types),
            *((Choice.Kind.TOPIC, str(value)) for value in topics),
            *((Choice.Kind.PERSON, str(value)) for value in people),
        }
        have = {(choice.kind, choice.value): choice.pk for choice in self.choices.all()}
        stale = [pk for pair, pk in have.items() if pair not in wanted]
        if stale:
            Choice.objects.filter(pk__in=stale).delete()
        Choice.objects.bulk_create(
            Choice(subscriber=self, kind=kind, value=value)
            for kind, value in sorted(wanted - set(have))
        )
        if hasattr(self, "_prefetched_objects_cache"):
            self._prefetched_objects_cache.pop("choices", None)


class Choice(models.Model):
    class Kind(models.TextChoices):
        TYPE = "type", _("item type")
        TOPIC = "topic", _("topic")
        PERSON = "person", _("person")

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="choices")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    # An item type ("press-release"), or the translation key of a topic or a person.
    value = models.CharField(_("value"), max_length=40)

    class Meta:
        verbose_name = _("choice")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "kind", "value"], name="alerts_one_choice"
            )
        ]
        indexes = [models.Index(fields=["kind", "value"], name="alerts_choice_value")]

    def __str__(self):
        return f"{self.kind}: {self.value}"
