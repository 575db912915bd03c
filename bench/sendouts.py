"""make bench-sendouts: a send-out of a public release to a 10,000-contact media list.

In one process, on a fresh SQLite database in a temporary data folder: a press officer (the
Django test client, signed in as a Moderator) prepares the send-out and presses *Send now*;
the bench times that request (the send itself is only enqueued), then the fan-out task (10,000
deliveries queued in the outbox), then the outbox's sender handing every message to a real
aiosmtpd server (``newsroom.mailing.smtp_sink``, its own process). Figures are printed and
written to bench/results/sendouts-<date>.json. BENCH_SENDOUTS_CONTACTS: 10000 by default;
BENCH_SENDOUTS_DATABASE_URL=postgres://…/<name>: on that PostgreSQL database instead (dropped
and created again first, so name one that holds nothing else).
"""

import datetime
import json
import os
import platform
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CONTACTS = int(os.environ.get("BENCH_SENDOUTS_CONTACTS", "10000"))
DATABASE_URL = os.environ.get("BENCH_SENDOUTS_DATABASE_URL", "")


def say(message):
    print(f"bench-sendouts: {message}", flush=True)


def main():
    data = Path(tempfile.mkdtemp(prefix="bench-sendouts-"))
    # The sink starts first: the settings read EMAIL_PORT once, at start-up.
    from newsroom.mailing.testing import SMTPServer

    sink = SMTPServer(data / "smtp", store=False).start()
    os.environ.update({
        "NEWSROOM_DATA_DIR": str(data), "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(sink.port), "SECRET_KEY": "bench-only",
        "NEWSROOM_WORKER": "0", "NEWSROOM_SCHEDULER": "false",
        "WAGTAILADMIN_BASE_URL": "https://news.example.org",
    })  # fmt: skip
    if DATABASE_URL:
        fresh_postgres(DATABASE_URL)
        os.environ["DATABASE_URL"] = DATABASE_URL
    try:
        run(sink)
    finally:
        sink.stop()


def fresh_postgres(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def run(sink):
    # Django is set up here, after the environment above is in place.
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.test import Client, override_settings

    settings.ALLOWED_HOSTS = ["*"]
    # The admin's pages render without collectstatic first, as in the tests.
    static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    override_settings(STORAGES={**settings.STORAGES, "staticfiles": static}).enable()
    say(
        f"migrating a fresh {'PostgreSQL' if DATABASE_URL else 'SQLite'} database (a minute or two)"
    )
    call_command("migrate", verbosity=0)
    from newsroom.home.site_tree import ensure_site_tree, news_index
    from newsroom.mailing import sender
    from newsroom.mailing.models import Delivery, Dispatch
    from newsroom.news.factories import PressReleasePageFactory
    from newsroom.sendouts import tasks
    from newsroom.sendouts.models import MediaContact, MediaList, SendOut

    home, _ = ensure_site_tree()
    item = PressReleasePageFactory(parent=news_index(home), title="A readiness plan")
    contacts = MediaContact.objects.bulk_create(
        MediaContact(
            name=f"Journalist {n}",
            email=f"journalist{n}@outlet{n % 50}.example",
            key=uuid.uuid4(),
            beats="defence",
        )  # fmt: skip
        for n in range(CONTACTS)
    )
    media_list = MediaList.objects.create(name="Everyone on defence")
    media_list.members.add(*contacts)
    user = get_user_model().objects.create_user("officer", email="officer@example.org")
    user.groups.add(Group.objects.get(name="Moderators"))
    client = Client()
    client.force_login(user)
    posted = client.post(f"/admin/sendouts/new/{item.pk}/", {
        "lists": [media_list.pk], "note": "Dear colleagues", "sender_name": "Press office",
        "reply_to": "press@example.org",
    })  # fmt: skip
    assert posted.status_code == 302, posted.status_code
    sendout = SendOut.objects.get()
    started = time.perf_counter()
    page = client.get(f"/admin/sendouts/send/{sendout.pk}/")
    counts_page = time.perf_counter() - started
    assert f'class="reach-members">{CONTACTS}<' in page.content.decode(), page.status_code
    started = time.perf_counter()
    sent = client.post(f"/admin/sendouts/send/{sendout.pk}/", {"action": "send-now"})
    send_request = time.perf_counter() - started
    assert sent.status_code == 302
    started = time.perf_counter()
    queued = tasks.send.call(sendout.pk)
    fan_out = time.perf_counter() - started
    dispatch = Dispatch.objects.get(key=sendout.dispatch_key("public"))
    started = time.perf_counter()
    accepted = sender.send_dispatch(dispatch.pk)
    sending = time.perf_counter() - started
    sink.wait_for(CONTACTS, timeout=120)
    assert accepted == CONTACTS == Delivery.objects.filter(status="sent").count()
    figures = {
        "contacts": CONTACTS,
        "counts_page_s": round(counts_page, 3),
        "send_now_request_s": round(send_request, 3),
        "fan_out_s": round(fan_out, 2),
        "queued": queued,
        "sending_s": round(sending, 2),
        "messages_per_s": round(accepted / sending),
        "connections": settings.NEWSROOM_MAIL_CONNECTIONS,
        "database": "postgresql" if DATABASE_URL else "sqlite",
        "machine": f"{platform.node()} {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}",
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
    }
    for name, value in figures.items():
        say(f"{name}: {value}")
    vendor = "-postgresql" if DATABASE_URL else ""
    out = ROOT / "bench" / "results" / f"sendouts{vendor}-{datetime.date.today():%Y-%m-%d}.json"
    out.write_text(json.dumps(figures, indent=2) + "\n")
    say(f"written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
