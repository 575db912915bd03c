"""Webhook tests: a real HTTP receiver on 127.0.0.1 (a thread of ``http.server``) that checks
each signature the way a Standard Webhooks receiver does; background tasks run at once."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from newsroom.push import signatures


class Receiver:
    """Answers each POST with the next of ``answers`` (a status, "hang" or "redirect"), then
    with 200; keeps what it received and whether each signature was good."""

    def __init__(self, secret=""):
        self.secret, self.answers, self.received = secret, [], []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                headers = {name.lower(): value for name, value in self.headers.items()}
                answer = receiver.answers.pop(0) if receiver.answers else 200
                good = signatures.verify(receiver.secret, headers, body, now=int(time.time()))
                receiver.received.append({"headers": headers, "body": body, "good": good,
                                          "path": self.path, "answer": answer})  # fmt: skip
                if answer == "hang":
                    time.sleep(3)
                    answer = 200
                if answer == "redirect":
                    self.send_response(302)
                    self.send_header("Location", f"http://127.0.0.1:{receiver.port}/elsewhere/")
                else:
                    self.send_response(answer)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/hook/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def events(self):
        return [json.loads(row["body"]) for row in self.received if row["answer"] == 200]

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    found = Receiver()
    yield found
    found.stop()


@pytest.fixture(autouse=True)
def _push_settings(settings):
    settings.TASKS = {
        **settings.TASKS,
        "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    }
    settings.WAGTAILADMIN_BASE_URL = "https://news.example.org"
    settings.NEWSROOM_WEBHOOKS_ALLOW_PRIVATE = True  # the receiver is on 127.0.0.1
    settings.NEWSROOM_WEBHOOK_TIMEOUT = 1


@pytest.fixture
def officer(db):
    user = get_user_model().objects.create_user("officer", password="a-long-staff-password")
    user.groups.add(Group.objects.get(name="Moderators"))
    client = Client()
    client.force_login(user)
    return client
