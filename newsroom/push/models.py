"""Webhook endpoints, the events they are sent, and each delivery's log.

An *event* is one thing that happened to an item (published, updated, unpublished, shared
with the press under embargo), with the JSON body every endpoint receives and an id that stays
the same on every retry (Standard Webhooks' ``webhook-id``). A *delivery* is one event for one
endpoint; endpoints get their deliveries in the order of the events, one at a time, so a
receiver that was down receives everything once it is back, in order, none twice. Each try is
an *attempt* row: the status code (or the error) and the response time.
"""

import base64
import secrets
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_secret():
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


class EventType(models.TextChoices):
    PUBLISHED = "item.published", _("published")
    UPDATED = "item.updated", _("updated")
    UNPUBLISHED = "item.unpublished", _("unpublished")
    EMBARGO = "item.embargo_shared", _("shared with the press under embargo")


class Endpoint(models.Model):
    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("address"), max_length=500, help_text=_("https://… of the receiver"))
    secret = models.CharField(
        _("secret"),
        max_length=100,
        default=new_secret,
        help_text=_("Shared with the receiver, who checks each signature with it."),
    )
    events = models.CharField(
        _("events"), max_length=200, default=",".join(EventType.values), blank=True
    )
    accredited = models.BooleanField(
        _("accredited"),
        default=False,
        help_text=_("Only accredited endpoints are sent embargoed items before their release."),
    )
    active = models.BooleanField(_("active"), default=True)
    failing_since = models.DateTimeField(_("failing since"), null=True, blank=True)
    disabled_reason = models.TextField(_("why it was disabled"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def wants(self, event_type):
        return event_type in self.events.split(",")


class Event(models.Model):
    # The id the receiver sees (webhook-id); the row's own id orders the events.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    type = models.CharField(_("event"), max_length=32, choices=EventType.choices)
    page_id = models.IntegerField(_("item id"), db_index=True)
    title = models.CharField(_("item title"), max_length=255)
    body = models.TextField(_("body"))  # the JSON exactly as signed and sent
    embargoed = models.BooleanField(default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("webhook event")
        verbose_name_plural = _("webhook events")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.type} {self.title}"

    @property
    def webhook_id(self):
        return f"msg_{self.uid.hex}"


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        DELIVERED = "delivered", _("delivered")
        FAILED = "failed", _("failed")  # given up: the endpoint was disabled

    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["endpoint", "event"], name="push_delivery_once")
        ]
        indexes = [models.Index(fields=["endpoint", "status", "event"], name="push_delivery_due")]

    def __str__(self):
        return f"{self.event} → {self.endpoint} ({self.status})"


class Attempt(models.Model):
    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="log")
    at = models.DateTimeField(_("when"), auto_now_add=True)
    status_code = models.PositiveIntegerField(_("status"), null=True, blank=True)
    response_ms = models.FloatField(_("response time (ms)"))
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("webhook attempt")
        verbose_name_plural = _("webhook delivery log")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.status_code or self.error[:40]}"

    @property
    def endpoint_name(self):
        return self.delivery.endpoint.name

    @property
    def event_type(self):
        return self.delivery.event.type
