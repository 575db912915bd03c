"""E-mail alerts in Chromium, with the messages read from a real SMTP server: a reader signs up
at /en/alerts/, confirms with the link of the message received, gets an alert when a story is
published, and leaves with one click from that alert's unsubscribe link.

The session's newsroom writes its mail to files; this module serves a newsroom of its own
(``newsroom serve``: granian and its mail worker) whose mail goes to an aiosmtpd server
started here, so the messages are the ones a reader's mail program would get."""

import email
import email.policy
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from deploy.cluster.services import embedded_env, free_port
from newsroom.mailing.testing import HOST, SMTPServer

NEWSROOM = str(Path(sys.executable).parent / "newsroom")
READER = "reader@example.org"
STORY_TITLE = "Allies agree a plan for faster reinforcement"

PUBLISH_STORY = """
import datetime, os
from newsroom.news.models import NewsIndexPage, StoryPage

page = StoryPage(title=os.environ["STORY_TITLE"], slug="faster-reinforcement",
                 display_date=datetime.date(2023, 11, 17), teaser="A plan agreed on Friday.")
NewsIndexPage.objects.get(locale__language_code="en").add_child(instance=page)
page.save_revision().publish()
"""

SUBSCRIBERS = """
from newsroom.alerts.models import Subscriber
print(Subscriber.objects.filter(email="reader@example.org").count())
"""


@pytest.fixture(scope="module")
def mail_server(tmp_path_factory):
    server = SMTPServer(tmp_path_factory.mktemp("alerts-smtp")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def alerts_site(browser, mail_server, tmp_path_factory, migrated_sqlite):
    """A newsroom (no demo) sending its mail to ``mail_server``; yields (url, env)."""
    data_dir = migrated_sqlite(tmp_path_factory.mktemp("alerts-newsroom"))
    port = free_port()
    url = f"http://{HOST}:{port}"
    env = embedded_env(
        NEWSROOM_DATA_DIR=str(data_dir), NEWSROOM_DEMO="0", NEWSROOM_OFFLINE_EMBEDS="1",
        HOST=HOST, PORT=str(port), WEB_WORKERS="1", NEWSROOM_BASE_URL=url,
        EMAIL_HOST=HOST, EMAIL_PORT=str(mail_server.port), NEWSROOM_WORKER_INTERVAL="0.1",
    )  # fmt: skip
    setup = subprocess.run(
        [NEWSROOM, "setup"], env=env, capture_output=True, text=True, timeout=600
    )
    assert setup.returncode == 0, setup.stdout + setup.stderr
    log = data_dir / "server.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [NEWSROOM, "serve"], env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    try:
        wait_until_served(f"{url}/en/alerts/", process, log)
        yield url, env
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


def wait_until_served(url, process, log, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server stopped:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - local
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    pytest.fail(f"the server did not answer within {seconds} s:\n{log.read_text()}")


def run_shell(env, code, **extra):
    result = subprocess.run(
        [NEWSROOM, "shell", "-c", code], env={**env, **extra}, capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def next_message(server, seen, timeout=60):
    """The message received after the ``seen`` first ones, parsed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = sorted((server.folder / "messages").glob("*.eml"))
        if len(files) > seen:
            return email.message_from_bytes(files[seen].read_bytes(), policy=email.policy.default)
        time.sleep(0.2)
    raise AssertionError(f"no message {seen + 1} arrived in {timeout} s")


def link_in(message, url, path):
    text = message.get_body(("plain",)).get_content()
    found = re.findall(re.escape(url) + r"(" + re.escape(path) + r"[^\s\"<>]*)", text)
    assert found, f"no {path} link in:\n{text}"
    return found[0]


def test_sign_up_confirm_from_the_message_and_unsubscribe_with_one_click(
    alerts_site, mail_server, browser
):
    url, env = alerts_site
    context = browser.new_context(base_url=url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        page.goto("/en/alerts/")
        expect(page.locator("h1")).to_have_text("E-mail alerts")
        page.get_by_label("Your e-mail address").fill(READER)
        page.get_by_label("Everything the newsroom publishes").check()
        page.get_by_role("button", name="Sign up").click()
        expect(page.locator("h1")).to_have_text("Check your inbox")
        expect(page.get_by_role("status")).to_contain_text(
            f"If {READER} can receive alerts, a message is on its way to it."
        )

        confirmation = next_message(mail_server, 0)
        assert confirmation["To"] == READER
        assert confirmation["Subject"].startswith("Confirm your e-mail alerts")
        page.goto(link_in(confirmation, url, "/en/alerts/confirm/"))
        expect(page.locator("h1")).to_have_text("Confirm your subscription")
        expect(page.locator("main")).to_contain_text(
            f"Confirm that you want e-mail alerts at {READER}."
        )
        page.get_by_role("button", name="Confirm my subscription").click()
        expect(page.locator("h1")).to_have_text("Your subscription is confirmed")
        expect(page.get_by_role("status")).to_have_text(
            f"From now on you receive the alerts you chose, at {READER}."
        )

        # A story published now reaches the reader, with an unsubscribe link and header.
        run_shell(env, PUBLISH_STORY, STORY_TITLE=STORY_TITLE)
        alert = next_message(mail_server, 1)
        assert alert["To"] == READER and alert["Subject"] == STORY_TITLE
        assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        unsubscribe = link_in(alert, url, "/en/alerts/unsubscribe/")
        assert alert["List-Unsubscribe"] == f"<{url}{unsubscribe}>"

        page.goto(unsubscribe)
        expect(page.locator("h1")).to_have_text("Unsubscribe")
        expect(page.locator("main")).to_contain_text(f"Stop all e-mail alerts to {READER}.")
        page.get_by_role("button", name="Unsubscribe").click()
        expect(page.locator("h1")).to_have_text("You are unsubscribed")
        expect(page.get_by_role("status")).to_have_text(
            "It takes effect now: no more alerts will be sent to this address."
        )
        assert run_shell(env, SUBSCRIBERS).split()[-1] == "0"
    finally:
        context.close()
