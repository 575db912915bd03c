"""Sending an endpoint its events, in order, one at a time.

``deliver(endpoint_id)`` (a background task) takes the endpoint's oldest pending delivery and
POSTs it; a 2xx answer marks it delivered and the next one goes. Any other outcome (another
status, a redirect, which is never followed, a time-out after NEWSROOM_WEBHOOK_TIMEOUT seconds,
a refused connection) is logged and the delivery waits, with the later ones behind it, for a
retry after a back-off (NEWSROOM_WEBHOOK_RETRY_BASE seconds, doubling, at most an hour); every
retry carries the same ``webhook-id``. An endpoint that has failed for
NEWSROOM_WEBHOOK_DISABLE_AFTER hours (a day) is disabled, its pending deliveries failed, and
the admin shows a notice. Only one process sends to an endpoint at a time (a lock in the
shared cache), so order holds with several workers.
"""

import http.client
import logging
import socket
import ssl
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import close_old_connections, connection
from django.utils import timezone
from django.utils.translation import gettext as _

from . import guard, signatures
from .models import Attempt, Delivery, Endpoint

logger = logging.getLogger(__name__)
PENDING, DELIVERED, FAILED = (
    Delivery.Status.PENDING,
    Delivery.Status.DELIVERED,
    Delivery.Status.FAILED,
)
USER_AGENT = "Newsroom-Webhooks/1"


class _Pinned(http.client.HTTPConnection):
    """Connects to the IP address the guard checked, whatever a new lookup would say."""

    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedTLS(http.client.HTTPSConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self):
        raw = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(raw, server_hostname=self.host)


def post(url, body, headers):
    """(status code or None, error text) of one POST; never follows a redirect."""
    try:
        scheme, host, port, target, address = guard.check(url)
    except guard.Refused as error:
        return None, str(error)
    kind = _PinnedTLS if scheme == "https" else _Pinned
    conn = kind(host, port, address, settings.NEWSROOM_WEBHOOK_TIMEOUT)
    try:
        conn.request("POST", target, body=body, headers={
            **headers, "Content-Type": "application/json", "User-Agent": USER_AGENT,
        })  # fmt: skip
        response = conn.getresponse()
        response.read(65536)  # the receiver's answer is not kept, only its status
        status, location = response.status, response.getheader("Location", "")
    except TimeoutError:
        return None, _("no answer within %(seconds)s s") % {
            "seconds": settings.NEWSROOM_WEBHOOK_TIMEOUT
        }
    except (OSError, http.client.HTTPException) as error:
        return None, _("could not connect: %(error)s") % {"error": error or type(error).__name__}
    finally:
        conn.close()
    if 300 <= status < 400:
        return status, _("redirect to %(location)s not followed") % {"location": location or "?"}
    if not 200 <= status < 300:
        return status, _("the receiver answered %(status)s") % {"status": status}
    return status, ""


def backoff(attempts):
    return min(settings.NEWSROOM_WEBHOOK_RETRY_BASE * 2 ** max(0, attempts - 1), 3600)


def _lock_key(endpoint_id):
    return f"newsroom-push-endpoint:{endpoint_id}"


def deliver(endpoint_id):
    """Send the endpoint's due deliveries, in order, until one fails. Returns how many went."""
    if not connection.in_atomic_block:
        close_old_connections()
    timeout = settings.NEWSROOM_WEBHOOK_TIMEOUT * 4 + 30
    if not cache.add(_lock_key(endpoint_id), 1, timeout):
        return 0  # another worker is on it, and takes the new events after its current ones
    try:
        return _deliver(endpoint_id)
    finally:
        cache.delete(_lock_key(endpoint_id))


def _deliver(endpoint_id):
    sent = 0
    while True:
        endpoint = Endpoint.objects.filter(pk=endpoint_id, active=True).first()
        if endpoint is None:
            return sent
        delivery = (
            Delivery.objects.filter(endpoint=endpoint, status=PENDING)
            .select_related("event")
            .order_by("event_id")
            .first()
        )
        if delivery is None:
            return sent
        now = timezone.now()
        if delivery.next_attempt_at and delivery.next_attempt_at > now:
            return sent  # waits for its retry; the sweeper enqueues this again when it is due
        event = delivery.event
        body = event.body.encode()
        headers = signatures.headers(endpoint.secret, event.webhook_id, int(time.time()), body)
        started = time.perf_counter()
        status, error = post(endpoint.url, body, headers)
        elapsed = (time.perf_counter() - started) * 1000
        Attempt.objects.create(
            delivery=delivery, status_code=status, response_ms=round(elapsed, 1), error=error
        )
        attempts = delivery.attempts + 1
        if not error:
            Delivery.objects.filter(pk=delivery.pk).update(
                status=DELIVERED, attempts=attempts, delivered_at=timezone.now(),
                next_attempt_at=None, last_error="",
            )  # fmt: skip
            Endpoint.objects.filter(pk=endpoint.pk).update(failing_since=None)
            sent += 1
            continue
        _failed(endpoint, delivery, attempts, error, now)
        return sent


def _failed(endpoint, delivery, attempts, error, now):
    failing_since = endpoint.failing_since or now
    if now - failing_since >= timedelta(hours=settings.NEWSROOM_WEBHOOK_DISABLE_AFTER):
        reason = _("Disabled on %(when)s after failing since %(since)s; last error: %(error)s") % {
            "when": now.strftime("%Y-%m-%d %H:%M UTC"),
            "since": failing_since.strftime("%Y-%m-%d %H:%M UTC"),
            "error": error,
        }
        Endpoint.objects.filter(pk=endpoint.pk).update(active=False, disabled_reason=reason)
        Delivery.objects.filter(endpoint=endpoint, status=PENDING).update(
            status=FAILED, last_error=error[:2000]
        )
        logger.warning("Webhook endpoint %s disabled: %s", endpoint.pk, reason)
        return
    Endpoint.objects.filter(pk=endpoint.pk, failing_since__isnull=True).update(failing_since=now)
    Delivery.objects.filter(pk=delivery.pk).update(
        attempts=attempts, next_attempt_at=now + timedelta(seconds=backoff(attempts)),
        last_error=error[:2000],
    )  # fmt: skip


def due_endpoints():
    """Active endpoints with a pending delivery whose time has come (or that never ran)."""
    now = timezone.now()
    rows = Delivery.objects.filter(status=PENDING, endpoint__active=True).filter(
        next_attempt_at__lte=now
    ) | Delivery.objects.filter(status=PENDING, endpoint__active=True, attempts=0)
    return sorted(set(rows.values_list("endpoint_id", flat=True)))
