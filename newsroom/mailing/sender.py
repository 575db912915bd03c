"""The worker's side of the outbox: claim deliveries, send them over one connection, record each.

``send_dispatch(id)`` (run by a background task) loops: claim a batch of a dispatch's due
deliveries, render them with the dispatch's composer, hand each to Django's e-mail backend over
one open connection, and record each as sent *right after* the server accepted it, in its own
commit. So a worker killed at any moment leaves at most one message per connection that was
accepted but not recorded (sent again later, with the same Message-ID), and a batch of claimed
deliveries in "sending" that ``sweep()`` gives back after NEWSROOM_MAIL_CLAIM_TIMEOUT. A live
sender renews its batch's claim every quarter of that timeout, so a slow server never makes a
batch look abandoned, and it drops any row that was taken back all the same (it stalled for
longer than the timeout): that row belongs to whoever claims it next, and is sent once.

Claiming is one statement, safe with many workers: on PostgreSQL an ``UPDATE … WHERE id IN
(SELECT … FOR UPDATE SKIP LOCKED)`` (two workers never wait for, nor take, each other's rows);
on SQLite the same conditional UPDATE, which SQLite's single writer makes atomic.

Failures: a 5xx refusal of the recipient fails the delivery and suppresses the address; 4xx,
a dropped or unreachable server, a sending service's API error, or a composer that raised are
retried with exponential back-off (NEWSROOM_MAIL_RETRY_BASE seconds, doubling, at most an hour
apart) until NEWSROOM_MAIL_RETRY_HOURS after the first attempt, then failed with the reason.
While waiting, a delivery is "queued" with ``next_attempt_at`` and ``last_error``.
"""

import hashlib
import hmac
import json
import logging
import os
import smtplib
import socket
import threading
import time
from datetime import timedelta
from email.utils import formatdate

from anymail.exceptions import AnymailError, AnymailRecipientsRefused
from django.conf import settings
from django.core.mail import get_connection
from django.db import close_old_connections, connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from newsroom.formats.email import build

from .models import Delivery, Dispatch, Suppression
from .ratelimit import Rate
from .signals import delivery_sent
from .suppressions import suppress

logger = logging.getLogger(__name__)
WORKER_ID = f"{socket.gethostname()[:40]}:{os.getpid()}"
TABLE = Delivery._meta.db_table
QUEUED, SENDING, SENT = Delivery.Status.QUEUED, Delivery.Status.SENDING, Delivery.Status.SENT
FAILED, CANCELLED = Delivery.Status.FAILED, Delivery.Status.CANCELLED


class Recipient:
    """What a composer's render() receives (the outbox's Recipient, plus the delivery id)."""

    __slots__ = ("address", "data", "delivery_id")

    def __init__(self, address, data, delivery_id=None):
        self.address, self.data, self.delivery_id = address, data, delivery_id


def batch_size():
    size = settings.NEWSROOM_MAIL_BATCH
    if settings.NEWSROOM_MAIL_RATE:
        # A batch must be sent well within the claim timeout, or another worker would take it.
        size = min(
            size, int(settings.NEWSROOM_MAIL_RATE * settings.NEWSROOM_MAIL_CLAIM_TIMEOUT / 4)
        )
    return max(1, size)


def claim(dispatch_id, limit, after=0):
    """Take up to ``limit`` due deliveries of a dispatch with ids above ``after``:
    ([(id, address, data, attempts)] in id order, the claim's time, which identifies it)."""
    now = timezone.now()
    # The table name and the status are ours; every other value is a parameter. The status is
    # written out so that both databases see the partial index "mailing_delivery_queued" fits.
    due = (
        f"SELECT id FROM {TABLE} WHERE dispatch_id = %s AND status = '{QUEUED}' "  # noqa: S608
        f"AND id > %s AND (next_attempt_at IS NULL OR next_attempt_at <= %s) ORDER BY id LIMIT %s"
    )
    if connection.vendor == "postgresql":
        # Locked and materialised once: as an IN (...) sub-query, the planner, with no
        # statistics yet for rows just added, may run the locking scan again for every row of
        # the outer one (measured: six claims of 200 rows busy for seconds in the lock manager).
        sql = (
            f"WITH picked AS MATERIALIZED ({due} FOR UPDATE SKIP LOCKED) "  # noqa: S608
            f"UPDATE {TABLE} SET status = %s, claimed_at = %s, claimed_by = %s, "
            f"attempts = attempts + 1 FROM picked WHERE {TABLE}.id = picked.id "
            f"RETURNING {TABLE}.id, address, data, attempts"
        )
        values = [dispatch_id, after, now, limit, SENDING, now, WORKER_ID]
    else:
        # SQLite's single writer makes the conditional UPDATE atomic.
        sql = (
            f"UPDATE {TABLE} SET status = %s, claimed_at = %s, claimed_by = %s, "  # noqa: S608
            f"attempts = attempts + 1 WHERE id IN ({due}) AND status = '{QUEUED}' "
            f"RETURNING id, address, data, attempts"
        )
        values = [SENDING, now, WORKER_ID, dispatch_id, after, now, limit]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, values)
        rows = cursor.fetchall()
    batch = sorted(
        (ident, address, json.loads(data) if isinstance(data, str) else data, attempts)
        for ident, address, data, attempts in rows
    )
    return batch, now


def renew(ids, claimed_at):
    """Refresh this claim of ``ids`` so that sweep() leaves it alone. Returns the ids still
    held (a row taken back and claimed again carries another claim time) and the new time."""
    now = timezone.now()
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {TABLE} SET claimed_at = %s WHERE status = '{SENDING}' "  # noqa: S608
            f"AND claimed_by = %s AND claimed_at = %s AND id IN ({marks}) RETURNING id",
            [now, WORKER_ID, claimed_at, *ids],
        )
        return {row[0] for row in cursor.fetchall()}, now


def message_id(dispatch, delivery_id, address):
    """The same for every attempt at one delivery, and not guessable from outside."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{dispatch.key}\0{address}".encode(), hashlib.sha256
    ).hexdigest()[:20]
    return f"{delivery_id}.{digest}@{settings.NEWSROOM_MAIL_MESSAGE_ID_DOMAIN}"


def _record_sent(delivery_id, mid):
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {TABLE} SET status = %s, sent_at = %s, message_id = %s, last_error = '', "  # noqa: S608
            f"next_attempt_at = NULL, claimed_at = NULL WHERE id = %s",
            [SENT, timezone.now(), mid, delivery_id],
        )


def _set(delivery_id, **fields):
    Delivery.objects.filter(pk=delivery_id).update(claimed_at=None, **fields)


def retry_later(ids_and_attempts, dispatch, error):
    """Temporary failure: queued again after a back-off, or failed once retried long enough."""
    now = timezone.now()
    give_up_at = (dispatch.released_at or now) + timedelta(hours=settings.NEWSROOM_MAIL_RETRY_HOURS)
    error = str(error)[:2000]
    for delivery_id, attempts in ids_and_attempts:
        delay = min(settings.NEWSROOM_MAIL_RETRY_BASE * 2 ** max(0, attempts - 1), 3600)
        if now + timedelta(seconds=delay) > give_up_at:
            _set(
                delivery_id, status=FAILED, last_error=f"gave up after {attempts} attempts: {error}"
            )
        else:
            _set(
                delivery_id, status=QUEUED, next_attempt_at=now + timedelta(seconds=delay),
                last_error=error,
            )  # fmt: skip


def _refused(delivery_id, address, code, error, suppress_address):
    _set(delivery_id, status=FAILED, last_error=f"refused ({code}): {error}"[:2000])
    if suppress_address:
        suppress(address, Suppression.Reason.REJECTED, f"{code} {error}")


def _smtp_text(value):
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


class ConnectionTrouble(Exception):
    """The server is unreachable or dropped us: the rest of the batch waits too."""


def send_message(backend, email):
    """Hand one message to the backend. Returns None when accepted, else (kind, code, text):
    kind "permanent-recipient", "permanent" or "temporary"; raises ConnectionTrouble."""
    try:
        backend.send_messages([email])
    except smtplib.SMTPRecipientsRefused as error:
        code, text = next(iter(error.recipients.values()))
        kind = "permanent-recipient" if 500 <= code < 600 else "temporary"
        return kind, code, _smtp_text(text)
    except smtplib.SMTPServerDisconnected as error:
        raise ConnectionTrouble(f"the mail server closed the connection: {error}") from error
    except smtplib.SMTPResponseException as error:
        kind = "permanent" if 500 <= error.smtp_code < 600 else "temporary"
        if error.smtp_code == 421:  # "closing the channel": the connection is gone
            raise ConnectionTrouble(f"421 {_smtp_text(error.smtp_error)}") from error
        return kind, error.smtp_code, _smtp_text(error.smtp_error)
    except (smtplib.SMTPException, OSError) as error:
        raise ConnectionTrouble(f"the mail server is unreachable: {error}") from error
    except AnymailRecipientsRefused as error:
        return "permanent-recipient", "api", str(error)
    except AnymailError as error:
        return "temporary", "api", str(error)
    status = getattr(email, "anymail_status", None)
    if status is not None and status.status and status.status <= {"rejected", "invalid"}:
        return "permanent-recipient", "api", f"the sending service said {sorted(status.status)}"
    return None


def _prepare_connection():
    if connection.vendor == "postgresql":
        # Each "sent" record is its own commit; waiting for it to reach the disk would cap the
        # rate at the disk's flushes. A killed worker loses nothing this way (the commit is in
        # the server's memory); only a crash of the database server itself could forget the
        # last fraction of a second of records, whose messages would then go again with the
        # same Message-ID, which mail programs drop.
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO OFF")


def send_dispatch(dispatch_id):
    """Send a dispatch's due deliveries until none is left, over NEWSROOM_MAIL_CONNECTIONS
    connections at once (one thread each: while one waits for the server's answer, another
    prepares its next message). Returns how many messages the server accepted."""
    if not connection.in_atomic_block:
        # A worker's connection may have gone stale between tasks. Inside a transaction (a test,
        # or a caller's atomic block) closing it would break the caller's work instead.
        close_old_connections()
    dispatch = Dispatch.objects.filter(pk=dispatch_id).first()
    if dispatch is None or dispatch.released_at is None or dispatch.cancelled_at:
        return 0
    accepted = []
    helpers = [
        threading.Thread(target=_helper, args=(dispatch, accepted), name=f"mail-{n}", daemon=True)
        for n in range(1, settings.NEWSROOM_MAIL_CONNECTIONS)
    ]
    for helper in helpers:
        helper.start()
    total = _send_loop(dispatch)
    for helper in helpers:
        helper.join()
    return total + sum(accepted)


def _helper(dispatch, accepted):
    try:
        accepted.append(_send_loop(dispatch))
    except Exception:
        # Its claimed deliveries stay "sending" until sweep() gives them back: none is lost.
        logger.exception("A mail sending thread failed")
    finally:
        connection.close()  # this thread's own database connection


def _send_loop(dispatch):
    _prepare_connection()
    render = import_string(dispatch.composer)(dispatch.params)
    from_email = settings.DEFAULT_FROM_EMAIL
    rate = Rate(settings.NEWSROOM_MAIL_RATE)
    backend = get_connection(fail_silently=False)
    sent = 0
    size = batch_size()
    # Each claim starts after the last id this loop took, so it does not step again over the
    # rows already sent (their index entries linger until vacuum); once nothing is left above,
    # one claim from the start picks up what another worker gave back.
    after = 0
    try:
        while True:
            if Dispatch.objects.filter(pk=dispatch.pk, cancelled_at__isnull=False).exists():
                return sent
            batch, claimed_at = claim(dispatch.pk, size, after)
            if not batch and after:
                after = 0
                batch, claimed_at = claim(dispatch.pk, size)
            if not batch:
                return sent
            after = batch[-1][0]
            accepted, trouble = _send_batch(
                dispatch, batch, claimed_at, render, backend, from_email, rate
            )
            sent += accepted
            if trouble:
                _wait_with_the_rest(dispatch, trouble)
                return sent
    finally:
        try:
            backend.close()
        except Exception:  # noqa: BLE001 - a dead connection may fail to close
            logger.debug("closing the mail connection failed", exc_info=True)


def _wait_with_the_rest(dispatch, error):
    """The server is unreachable: the dispatch's other due deliveries wait too (the admin
    shows them waiting, with the reason), and sweep() enqueues them again when due."""
    retry_at = timezone.now() + timedelta(seconds=settings.NEWSROOM_MAIL_RETRY_BASE)
    Delivery.objects.filter(dispatch=dispatch, status=QUEUED, next_attempt_at__isnull=True).update(
        next_attempt_at=retry_at, last_error=str(error)[:2000]
    )


def _send_batch(dispatch, batch, claimed_at, render, backend, from_email, rate):
    accepted = 0
    renew_every = settings.NEWSROOM_MAIL_CLAIM_TIMEOUT / 4
    renewed_at = time.monotonic()
    held = None  # every row of the batch, until a renewal finds some taken back
    try:
        backend.open()
    except Exception as error:  # noqa: BLE001 - any failure to connect: wait and retry
        logger.warning("Mail server unreachable, %d messages wait: %s", len(batch), error)
        error = f"server unreachable: {error}"
        retry_later([(row[0], row[3]) for row in batch], dispatch, error)
        return 0, error
    date = formatdate(usegmt=True)
    prepare = getattr(render, "prepare", None)
    if prepare is not None:
        try:
            prepare([Recipient(address, data, ident) for ident, address, data, _ in batch])
        except Exception:  # noqa: BLE001 - render() still answers, one recipient at a time
            logger.exception("Composer %s failed to prepare a batch", dispatch.composer)
    for position, (delivery_id, address, data, attempts) in enumerate(batch):
        if time.monotonic() - renewed_at > renew_every:
            held, claimed_at = renew([row[0] for row in batch[position:]], claimed_at)
            renewed_at = time.monotonic()
        if held is not None and delivery_id not in held:
            continue  # taken back while this sender stalled: the next claim sends it
        try:
            outgoing = render(Recipient(address, data, delivery_id))
        except Exception as error:  # noqa: BLE001 - a composer's bug must not lose the message
            logger.exception("Composer %s failed for delivery %s", dispatch.composer, delivery_id)
            retry_later([(delivery_id, attempts)], dispatch, f"composer error: {error!r}")
            continue
        if outgoing is None:
            _set(delivery_id, status=CANCELLED, last_error="no longer wanted (composer)")
            continue
        mid = message_id(dispatch, delivery_id, address)
        try:
            email = build(
                outgoing, to=address, from_email=from_email, message_id=mid, date=date,
                connection=backend,
            )  # fmt: skip
        except ValueError as error:
            _set(delivery_id, status=FAILED, last_error=f"bad message: {error}")
            continue
        rate.take()
        try:
            outcome = send_message(backend, email)
        except ConnectionTrouble as error:
            logger.warning(
                "Mail connection lost; %d messages wait: %s", len(batch) - position, error
            )
            rest = [(row[0], row[3]) for row in batch[position:] if held is None or row[0] in held]
            retry_later(rest, dispatch, error)
            return accepted, str(error)
        if outcome is None:
            _record_sent(delivery_id, mid)
            accepted += 1
            if delivery_sent.receivers:
                delivery = Delivery(
                    pk=delivery_id, dispatch=dispatch, address=address, data=data, status=SENT,
                    attempts=attempts, message_id=mid, sent_at=timezone.now(),
                )  # fmt: skip
                delivery_sent.send(sender=Delivery, delivery=delivery)
            continue
        kind, code, text = outcome
        if kind == "temporary":
            retry_later([(delivery_id, attempts)], dispatch, f"{code} {text}")
        else:
            _refused(delivery_id, address, code, text, kind == "permanent-recipient")
    return accepted, None


def sweep():
    """Give back stale claims of dead workers, and return the dispatches that have due work
    nobody is on: retries whose time has come, and released deliveries that waited too long
    (a task lost with a killed worker). The caller enqueues a send task for each."""
    now = timezone.now()
    stale = now - timedelta(seconds=settings.NEWSROOM_MAIL_CLAIM_TIMEOUT)
    Delivery.objects.filter(status=SENDING, claimed_at__lt=stale).update(
        status=QUEUED, claimed_at=None, next_attempt_at=now,
        last_error="taken back from a worker that stopped",
    )  # fmt: skip
    due = (
        Delivery.objects.filter(
            status=QUEUED, next_attempt_at__lte=now, dispatch__released_at__isnull=False,
            dispatch__cancelled_at__isnull=True,
        )
        .values_list("dispatch_id", flat=True)
        .distinct()
    )  # fmt: skip
    forgotten = (
        Delivery.objects.filter(
            status=QUEUED, next_attempt_at__isnull=True, dispatch__released_at__lt=stale,
            dispatch__cancelled_at__isnull=True,
        )
        .values_list("dispatch_id", flat=True)
        .distinct()
    )  # fmt: skip
    return sorted({*due, *forgotten})
