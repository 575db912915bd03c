"""The outbox: dispatches (one message to many), their deliveries (one per address) and the
suppression list. The API over them is ``outbox.py``; the states are documented there."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from .addresses import InvalidAddress, normalise


class Dispatch(models.Model):
    key = models.CharField(max_length=255, unique=True)
    kind = models.CharField(max_length=32, db_index=True)
    composer = models.CharField(max_length=255)
    params = models.JSONField(default=dict, blank=True)
    source_type = models.CharField(max_length=100, blank=True, default="")
    source_id = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    released_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("dispatch")
        verbose_name_plural = _("dispatches")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["source_type", "source_id"], name="mailing_dispatch_source")
        ]

    def __str__(self):
        return self.key


class Delivery(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        SUPPRESSED = "suppressed", _("suppressed")
        CANCELLED = "cancelled", _("cancelled")

    # No index of its own: the unique (dispatch, address) index starts with it. Every status
    # change writes an entry in each index, so each one less counts at 1,000 messages a second.
    dispatch = models.ForeignKey(
        Dispatch, on_delete=models.CASCADE, related_name="deliveries", db_index=False
    )
    address = models.CharField(max_length=254)
    data = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # When a worker claimed it (status "sending"): a claim older than
    # NEWSROOM_MAIL_CLAIM_TIMEOUT belongs to a dead worker and is taken back.
    claimed_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=64, blank=True, default="")
    last_error = models.TextField(blank=True, default="")
    sent_at = models.DateTimeField(null=True, blank=True)
    message_id = models.CharField(max_length=255, blank=True, default="")

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["dispatch", "address"], name="mailing_delivery_once")
        ]
        indexes = [
            # What a worker claims: a dispatch's queued deliveries, in id order. Partial, so a
            # claim walks only what is still queued, in order, without sorting (the planner has
            # no statistics yet for the 100,000 rows just added).
            models.Index(
                fields=["dispatch", "id"],
                condition=models.Q(status="queued"),
                name="mailing_delivery_queued",
            ),
            models.Index(fields=["status", "next_attempt_at"], name="mailing_delivery_status"),
            models.Index(fields=["address"], name="mailing_delivery_address"),
        ]

    def __str__(self):
        return f"{self.address} ({self.status})"


class Suppression(models.Model):
    class Reason(models.TextChoices):
        BOUNCE = "bounce", _("bounce")
        COMPLAINT = "complaint", _("complaint")
        REJECTED = "rejected", _("rejected by the mail server (5xx)")
        MANUAL = "manual", _("added by hand")

    # The normalised address, or "sha256:<hex>" once forget() has removed the address itself.
    address = models.CharField(max_length=254, unique=True)
    reason = models.CharField(max_length=16, choices=Reason.choices, default=Reason.MANUAL)
    detail = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")
        ordering = ["-created_at"]

    def __str__(self):
        return self.address

    def save(self, *args, **kwargs):
        """Saved by hand (the admin) or by the outbox: its queued deliveries stop at once."""
        with transaction.atomic():
            super().save(*args, **kwargs)
            Delivery.objects.filter(address=self.address, status=Delivery.Status.QUEUED).update(
                status=Delivery.Status.SUPPRESSED, last_error=f"suppressed: {self.reason}"
            )

    def clean(self):
        if not self.address.startswith("sha256:"):
            try:
                self.address = normalise(self.address)
            except InvalidAddress as error:
                raise ValidationError({"address": str(error)}) from None
