"""Test helpers for anything that sends mail, as a pytest plugin: a real SMTP server.

In a conftest.py: ``from newsroom.mailing.testing import mail_via_smtp, smtp_server  # noqa: F401``
(pytest takes ``pytest_plugins`` from the root conftest only). Fixtures:

- ``smtp_server``: an aiosmtpd server (``newsroom.mailing.smtp_sink``) in its own process on a
  free port, keeping every message; ``.messages()`` parses them (``email.message.EmailMessage``,
  default policy: headers, ``get_body(("plain",))``, ``get_body(("html",))``), ``.received()``
  lists (Message-ID, recipient) pairs, ``.stop()`` / ``.start()`` take it down and back up on
  the same port.
- ``mail_via_smtp``: the settings pointed at ``smtp_server`` (Django's SMTP backend); yields it.
- ``mailbox``: a ``Mailbox`` on ``mail_via_smtp``: ``run()`` does something as a request would
  (its on-commit work included), then sends what is due; ``messages()``, ``only(to)``,
  ``addresses()``, ``clear()``. ``text_of()`` / ``html_of()`` give a message's parts.

``deliver_now()`` sends every due delivery in this process, at once (the test's database
transaction included); use it instead of a worker in ordinary tests. ``report_bounce()`` posts
a sending service's bounce for an address to anymail's webhook, as the service would.
"""

import base64
import email
import email.policy
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

HOST = "127.0.0.1"


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def port_open(port):
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((HOST, port)) == 0


class SMTPServer:
    def __init__(self, folder, port=None, store=True, delay=0.0):
        self.folder = Path(folder)
        self.port = port or free_port()
        self.store = store
        self.delay = delay  # seconds before accepting each message: a slow server
        self.process = None

    def start(self):
        (self.folder / "ready").unlink(missing_ok=True)
        args = [sys.executable, "-m", "newsroom.mailing.smtp_sink", "--port", str(self.port),
                "--folder", str(self.folder), "--delay", str(self.delay)]  # fmt: skip
        args += ["--store"] if self.store else []
        self.process = subprocess.Popen(args, start_new_session=True)  # noqa: S603 - ours
        deadline = time.monotonic() + 30
        while not ((self.folder / "ready").exists() and port_open(self.port)):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the SMTP sink on port {self.port} did not start")
            time.sleep(0.05)
        return self

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.process = None

    def received(self):
        """[(Message-ID, recipient)] in the order received (flushed within 0.2 s)."""
        log = self.folder / "received.log"
        if not log.exists():
            return []
        rows = []
        for line in log.read_text().splitlines():
            parts = line.split("\t")
            if len(parts) == 4:
                rows.append((parts[0], parts[1]))
        return rows

    def wait_for(self, count, timeout=30):
        """Wait until ``count`` messages arrived (or fail after ``timeout`` s); returns them."""
        deadline = time.monotonic() + timeout
        while len(rows := self.received()) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{len(rows)} of {count} messages arrived in {timeout} s")
            time.sleep(0.05)
        return rows

    def messages(self):
        folder = self.folder / "messages"
        return [
            email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            for path in sorted(folder.glob("*.eml"))
        ]

    def clear(self):
        (self.folder / "received.log").write_text("")
        shutil.rmtree(self.folder / "messages", ignore_errors=True)
        (self.folder / "messages").mkdir(parents=True, exist_ok=True)


def deliver_now():
    """Send, in this process, every released dispatch's due deliveries. Returns how many."""
    from django.db.models import Q
    from django.utils import timezone

    from newsroom.mailing import sender
    from newsroom.mailing.models import Delivery

    due = (
        Delivery.objects.filter(status=Delivery.Status.QUEUED)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=timezone.now()))
        .filter(dispatch__released_at__isnull=False, dispatch__cancelled_at__isnull=True)
        .values_list("dispatch_id", flat=True)
        .distinct()
    )
    return sum(sender.send_dispatch(dispatch_id) for dispatch_id in sorted(set(due)))


class Mailbox:
    """What the SMTP server received, parsed; ``run()`` does something as a request would (its
    on-commit work included) and then lets the sender send what is due."""

    def __init__(self, server, capture):
        self.server, self.capture = server, capture

    def run(self, action, *args, **kwargs):
        with self.capture(execute=True):
            result = action(*args, **kwargs)
        deliver_now()
        return result

    def messages(self, to=None):
        found = self.server.messages()
        return [message for message in found if to is None or message["To"] == to]

    def addresses(self):
        return sorted(message["To"] for message in self.server.messages())

    def only(self, to):
        found = self.messages(to)
        assert len(found) == 1, [message["Subject"] for message in found]
        return found[0]

    def clear(self):
        self.server.clear()


def text_of(message):
    return message.get_body(("plain",)).get_content()


def html_of(message):
    return message.get_body(("html",)).get_content()


@pytest.fixture
def smtp_server(tmp_path):
    server = SMTPServer(tmp_path / "smtp").start()
    yield server
    server.stop()


@pytest.fixture
def mail_via_smtp(settings, smtp_server):
    settings.EMAIL_BACKEND = "newsroom.mailing.backends.SMTPBackend"
    settings.EMAIL_HOST = HOST
    settings.EMAIL_PORT = smtp_server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 10
    settings.NEWSROOM_MAIL_RETRY_BASE = 60
    # One connection, in the test's own thread: other threads' database connections would not
    # see the test's uncommitted rows.
    settings.NEWSROOM_MAIL_CONNECTIONS = 1
    return smtp_server


@pytest.fixture
def mailbox(mail_via_smtp, django_capture_on_commit_callbacks):
    return Mailbox(mail_via_smtp, django_capture_on_commit_callbacks)


POSTMARK_BOUNCE = {
    # The shape of Postmark's bounce webhook (its documentation's example, our addresses).
    "RecordType": "Bounce",
    "MessageStream": "outbound",
    "ID": 4323372036854775807,
    "Type": "HardBounce",
    "TypeCode": 1,
    "Name": "Hard bounce",
    "Tag": "alert",
    "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
    "Metadata": {},
    "ServerID": 23,
    "Description": "The server was unable to deliver your message (ex: unknown user, mailbox "
    "not found).",
    "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
    "Email": "Gone.Reader@example.org",
    "From": "newsroom@news.example.org",
    "BouncedAt": "2026-12-02T10:15:31Z",
    "DumpAvailable": True,
    "Inactive": True,
    "CanActivate": True,
    "Subject": "NATO Allies agree a new package of support",
}
WEBHOOK_SECRET = "hook:s3cret-shared"  # noqa: S105 - the tests' own
POSTMARK_WEBHOOK = "/mail/webhooks/anymail/postmark/tracking/"


def basic_auth(secret):
    return "Basic " + base64.b64encode(secret.encode()).decode()


def report_bounce(client, settings, address, **fields):
    """POST Postmark's bounce for ``address`` to anymail's webhook; returns the response."""
    settings.ANYMAIL = {**settings.ANYMAIL, "WEBHOOK_SECRET": WEBHOOK_SECRET}
    payload = {**POSTMARK_BOUNCE, "Email": address, **fields}
    return client.post(
        POSTMARK_WEBHOOK, json.dumps(payload), content_type="application/json",
        HTTP_AUTHORIZATION=basic_auth(WEBHOOK_SECRET),
    )  # fmt: skip
