"""Faults against real services: a worker process killed with SIGKILL mid-send, the mail
server down for a while, and two servers with a worker each sharing one PostgreSQL and one
Redis (the database task backend and RQ). Each test starts its own SMTP server (aiosmtpd, own
process), its own database (an SQLite file, or a private PostgreSQL's) and `newsroom worker`
processes, and stops them all."""

import collections
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
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


def test_a_server_slower_than_the_claim_timeout_gets_each_message_once(tmp_path, newsroom_for):
    # Each batch of 30 takes 3 s to send, longer than the claim timeout: without its sender renewing
    # the claim, the sweep would take the batch back while it is being sent, and the other
    # connection would send it again.
    slow = SMTPServer(tmp_path / "slow", store=False, delay=0.1).start()
    try:
        newsroom = newsroom_for(
            slow, NEWSROOM_MAIL_CONNECTIONS="2", NEWSROOM_MAIL_BATCH="30",
            NEWSROOM_MAIL_CLAIM_TIMEOUT="2", NEWSROOM_MAIL_SWEEP_INTERVAL="0.2",
        )  # fmt: skip
        newsroom.queue(120)
        newsroom.start_worker()
        wait_until(
            lambda: all(status == "sent" for status, *_ in newsroom.statuses()), 90, "all sent"
        )
        time.sleep(1)  # a few more sweeps: nothing goes again
        per_recipient = collections.Counter(rcpt for _, rcpt in slow.received())
    finally:
        slow.stop()
    assert len(per_recipient) == 120
    assert per_recipient.most_common(1)[0][1] == 1, per_recipient.most_common(3)


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


# --- two servers, a worker each, one PostgreSQL and one Redis -----------------------------------
@pytest.fixture(scope="module")
def postgres_template(tmp_path_factory):
    """A private PostgreSQL (deploy/cluster/services.py) with a migrated database to copy."""
    from deploy.cluster import services

    if not services.postgres_available():
        pytest.skip("PostgreSQL's initdb/pg_ctl are not installed")
    # Not under pytest's folder: the postgres user must be able to reach it.
    folder = Path(tempfile.mkdtemp(prefix="newsroom-mail-pg-"))
    server = services.Postgres(folder, services.free_port()).init().start()
    url = server.create_database("mail_template")
    env = {key: value for key, value in os.environ.items() if not key.startswith("NEWSROOM_")}
    env.update(DATABASE_URL=url, SECRET_KEY="test-only-secret", NEWSROOM_DATA_DIR=str(
        tmp_path_factory.mktemp("pg-migrate")))  # fmt: skip
    subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, ROOT / "manage.py", "migrate", "--no-input", "-v", "0"],
        env=env, cwd=ROOT, check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    yield server
    server.stop(mode="immediate")
    shutil.rmtree(folder, ignore_errors=True)


def postgres_rows(url, sql):
    import psycopg

    with psycopg.connect(url) as connection:
        return connection.execute(sql).fetchall()


@pytest.mark.parametrize("task_backend", ["database", "rq"])
def test_two_servers_with_a_worker_each_send_each_recipient_one_message(
    task_backend, sink, postgres_template, private_redis, tmp_path
):
    from deploy.cluster import services

    recipients = 3000
    database = f"mail_two_{task_backend}"
    postgres_template._run(
        services.postgres_bin("createdb"), "-h", HOST, "-p", postgres_template.port,
        "-U", "postgres", "-T", "mail_template", database,
    )  # fmt: skip
    url = postgres_template.url(database)
    shared = {
        "DATABASE_URL": url, "REDIS_URL": private_redis.url, "SECRET_KEY": "test-only-secret",
        "NEWSROOM_TASK_BACKEND": task_backend, "ALLOWED_HOSTS": "127.0.0.1",
        # Long enough that no batch is taken back from a live worker: the test is about
        # two live workers sharing one dispatch.
        "NEWSROOM_MAIL_CLAIM_TIMEOUT": "120",
    }  # fmt: skip
    servers = [Newsroom(tmp_path / f"server{n}", sink.port, **shared) for n in range(2)]
    try:
        for server in servers:
            server.data_dir.mkdir()
            server.start_worker()
        servers[0].queue(recipients, key=f"two-servers-{task_backend}")

        def every_delivery_recorded():
            rows = postgres_rows(url, "SELECT status, count(*) FROM mailing_delivery GROUP BY 1")
            return dict(rows) == {"sent": recipients}

        logs = lambda: "\n".join(server.logs()[-1500:] for server in servers)  # noqa: E731
        wait_until(every_delivery_recorded, 180, f"every delivery sent ({logs()})")
        time.sleep(2)  # a few sweeps: nothing is sent again afterwards
        received = sink.received()
    finally:
        for server in servers:
            server.stop()
    per_recipient = collections.Counter(rcpt for _, rcpt in received)
    assert len(per_recipient) == recipients
    assert set(per_recipient.values()) == {1}, per_recipient.most_common(3)
    assert len(received) == recipients
    # Both servers' workers took part (each claimed some of the deliveries).
    claimers = postgres_rows(url, "SELECT claimed_by, count(*) FROM mailing_delivery GROUP BY 1")
    assert len(claimers) == 2, claimers
    print(f"{task_backend}: {recipients} recipients, one message each; shares {claimers}")
