"""Faults against real services: a worker process killed with SIGKILL mid-send, and the mail
server down for a while. Each test starts its own SMTP server (aiosmtpd, own process), its own
SQLite database file and `newsroom worker` processes, and stops them all."""

import collections
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from newsroom.mailing.testing import HOST, SMTPServer

ROOT = Path(__file__).resolve().parents[3]
NEWSROOM = Path(sys.executable).parent / "newsroom"
pytestmark = pytest.mark.cluster  # real processes; run by make test


def wait_until(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class Newsroom:
    """A data folder with a migrated SQLite database, and the environment to run in it."""

    def __init__(self, data_dir, smtp_port, **extra):
        self.data_dir = data_dir
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("NEWSROOM_", "EMAIL_", "DJANGO_"))
            and key not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY"}
        }
        self.env.update(
            NEWSROOM_DATA_DIR=str(data_dir), NEWSROOM_DEMO="0", LOG_LEVEL="INFO",
            EMAIL_HOST=HOST, EMAIL_PORT=str(smtp_port), NEWSROOM_MAIL_CLAIM_TIMEOUT="5",
            NEWSROOM_MAIL_SWEEP_INTERVAL="0.5", NEWSROOM_MAIL_RETRY_BASE="1",
            NEWSROOM_MAIL_BATCH="100", NEWSROOM_WORKER_INTERVAL="0.1",
        )  # fmt: skip
        self.env.update(extra)
        self.workers = []

    def queue(self, recipients, key="fault"):
        subprocess.run(  # noqa: S603 - our own command
            [NEWSROOM, "mail_synthetic", "--recipients", str(recipients), "--key", key],
            env=self.env, cwd=ROOT, check=True, capture_output=True, timeout=120,
        )  # fmt: skip

    def start_worker(self):
        log = open(self.data_dir / f"worker{len(self.workers)}.log", "wb")  # noqa: SIM115
        worker = subprocess.Popen(  # noqa: S603 - our own command
            [NEWSROOM, "worker"], env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
        )
        log.close()
        self.workers.append(worker)
        return worker

    def stop(self):
        for worker in self.workers:
            if worker.poll() is None:
                worker.terminate()
                try:
                    worker.wait(20)
                except subprocess.TimeoutExpired:
                    worker.kill()
                    worker.wait(5)

    def statuses(self):
        with closing(sqlite3.connect(self.data_dir / "newsroom.sqlite3", timeout=20)) as db:
            rows = db.execute(
                "SELECT status, next_attempt_at IS NOT NULL, last_error FROM mailing_delivery"
            ).fetchall()
        return rows

    def logs(self):
        return "\n".join(path.read_text() for path in sorted(self.data_dir.glob("worker*.log")))


@pytest.fixture
def newsroom_for(tmp_path, migrated_sqlite):
    made = []

    def make(smtp, **extra):
        data_dir = migrated_sqlite(tmp_path / f"data{len(made)}")
        made.append(Newsroom(data_dir, smtp.port, **extra))
        return made[-1]

    yield make
    for newsroom in made:
        newsroom.stop()


@pytest.fixture
def sink(tmp_path):
    server = SMTPServer(tmp_path / "smtp", store=False).start()
    yield server
    server.stop()


def test_a_worker_killed_mid_send_loses_nothing_and_resends_only_what_was_in_flight(
    sink, newsroom_for
):
    recipients = 10_000
    newsroom = newsroom_for(sink, NEWSROOM_MAIL_CONNECTIONS="2")
    newsroom.queue(recipients)
    worker = newsroom.start_worker()
    wait_until(lambda: len(sink.received()) >= 2000, 60, "the first 2,000 messages")
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(10)
    time.sleep(0.5)  # the server finishes what it had been given
    at_kill = len(sink.received())
    assert at_kill < recipients, "the send finished before the kill: nothing was tested"
    newsroom.start_worker()
    wait_until(
        lambda: len({rcpt for _, rcpt in sink.received()}) == recipients,
        90, f"every recipient ({newsroom.logs()[-2000:]})",
    )  # fmt: skip
    wait_until(
        lambda: all(status == "sent" for status, *_ in newsroom.statuses()), 30, "all recorded"
    )
    received = sink.received()
    by_recipient = collections.defaultdict(list)
    for message_id, rcpt in received:
        by_recipient[rcpt].append(message_id)
    duplicates = {rcpt: ids for rcpt, ids in by_recipient.items() if len(ids) > 1}
    # Every recipient got the message; a second copy only for what was in flight at the kill:
    # at most one per SMTP connection of the killed worker, with the Message-ID of the first.
    assert len(by_recipient) == recipients
    assert len(received) - recipients == sum(len(ids) - 1 for ids in duplicates.values())
    assert len(received) - recipients <= 2
    for ids in duplicates.values():
        assert len(set(ids)) == 1
    print(f"killed after {at_kill} messages; {len(duplicates)} sent twice (same Message-ID)")


def test_while_the_mail_server_is_down_messages_wait_and_all_go_out_when_it_is_back(
    sink, newsroom_for
):
    newsroom = newsroom_for(sink, NEWSROOM_MAIL_RETRY_BASE="1")
    sink.stop()
    newsroom.queue(300)
    newsroom.start_worker()

    def all_waiting():
        rows = newsroom.statuses()
        return rows and all(
            status == "queued" and retry_set and "unreachable" in error
            for status, retry_set, error in rows
        )

    wait_until(all_waiting, 30, "every delivery waiting for a retry")
    time.sleep(2)  # a few retries against the closed port: still waiting, none failed
    assert all_waiting()
    sink.start()
    wait_until(lambda: len(sink.received()) >= 300, 60, "all 300 messages after the restart")
    wait_until(
        lambda: all(status == "sent" for status, *_ in newsroom.statuses()), 30, "all recorded"
    )
    assert len({rcpt for _, rcpt in sink.received()}) == 300
