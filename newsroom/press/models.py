"""Press accounts for accredited journalists, and the audit log of what they read.

A journalist is a Django user in the "Accredited journalists" group (no admin access) with a
``PressAccount``: their outlet, whether the account is active, and the secret token of their
private feeds. Every view of embargoed material is an ``AuditEntry``.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

JOURNALISTS_GROUP = "Accredited journalists"


def new_token():
    return secrets.token_urlsafe(32)


class PressAccount(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="press_account",
        verbose_name=_("user"),
    )
    outlet = models.CharField(_("outlet"), max_length=200, help_text=_("e.g. Le Soir, Reuters"))
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Untick to close the press area and the feeds to this journalist at once."),
    )
    feed_token = models.CharField(
        _("feed token"), max_length=64, unique=True, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("press account")
        verbose_name_plural = _("press accounts")
        ordering = ["user__last_name", "user__username"]

    def __str__(self):
        name = self.user.get_full_name() or self.user.get_username()
        return f"{name} ({self.outlet})"

    def rotate_token(self):
        """A new feed address; the old one stops working at once."""
        self.feed_token = new_token()
        self.save(update_fields=["feed_token"])

    def revoke_token(self):
        self.feed_token = None
        self.save(update_fields=["feed_token"])


class AuditEntry(models.Model):
    """One look at embargoed material: who, what, when, from where, through which channel."""

    class Channel(models.TextChoices):
        PAGE = "page", _("Item page")
        FEED_ATOM = "feed-atom", _("Atom feed")
        FEED_JSON = "feed-json", _("JSON feed")
        NINJS = "ninjs", _("ninjs")
        MEDIA = "media", _("Media download")
        EMAIL = "e-mail", _("E-mail alert")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("journalist"),
    )
    username = models.CharField(_("user name"), max_length=150)
    outlet = models.CharField(_("outlet"), max_length=200, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("item"),
    )
    item_title = models.CharField(_("item title"), max_length=255)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    path = models.CharField(_("address"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("embargo audit entry")
        verbose_name_plural = _("embargo audit log")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.username} {self.channel} {self.item_title}"


class AccreditationRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=AccreditationRequest.Status.PENDING)

    def pending_first(self):
        """Pending requests first (oldest first: they have waited longest), then the decided
        ones, most recently decided first."""
        waiting = models.Case(
            models.When(status=AccreditationRequest.Status.PENDING, then=0), default=1
        )
        return self.annotate(_waiting=waiting).order_by(
            "_waiting", models.F("decided_at").desc(nulls_last=True), "created_at", "pk"
        )


class AccreditationRequest(models.Model):
    """A journalist's request for press access, sent from the public form (no account needed)
    and decided once by the press office in the admin (``accreditation/decisions.py``)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    name = models.CharField(_("name"), max_length=200)
    outlet = models.CharField(_("outlet"), max_length=200)
    role = models.CharField(_("role"), max_length=200, help_text=_("e.g. correspondent, editor"))
    email = models.CharField(_("work e-mail address"), max_length=254)
    country = models.CharField(_("country"), max_length=100)
    work_url = models.URLField(_("link to published work"), max_length=500)
    languages = models.CharField(_("working languages"), max_length=200)
    language = models.CharField(
        _("language of the messages"),
        max_length=10,
        default="en",
        help_text=_("The language of the form the journalist filled in."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decision_message = models.TextField(_("message to the journalist"), blank=True, max_length=2000)
    account = models.ForeignKey(
        PressAccount,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accreditation_requests",
        verbose_name=_("press account"),
    )

    objects = AccreditationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("accreditation request")
        verbose_name_plural = _("accreditation requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One pending request per address: a second one while it waits is not stored.
            models.UniqueConstraint(
                fields=["email"],
                condition=models.Q(status="pending"),
                name="press_one_pending_request_per_address",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.outlet})"

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING
