"""First run, restarts and settings, through the `newsroom` command a user types."""

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory

from deploy.cluster.services import embedded_env, free_port
from newsroom.news.models import NewsItemPage

NEWSROOM = str(Path(sys.executable).parent / "newsroom")
PASSWORD_LINE = re.compile(r"password:\s+(\S+)")


@pytest.mark.django_db
def test_setup_creates_one_admin_and_prints_the_password_once(capsys, monkeypatch):
    monkeypatch.setenv("NEWSROOM_DEMO", "0")
    call_command("newsroom_setup")
    first = capsys.readouterr().out
    password = PASSWORD_LINE.search(first).group(1)
    assert len(password) >= 16
    # Sign-in throttling (django-axes) needs the request every sign-in comes with.
    sign_in = RequestFactory().post("/admin/login/")
    assert authenticate(sign_in, username="admin", password=password) is not None

    call_command("newsroom_setup")
    second = capsys.readouterr().out
    assert "password" not in second
    assert "Existing newsroom found" in second
    assert get_user_model().objects.filter(is_superuser=True).count() == 1


@pytest.mark.django_db
def test_setup_never_touches_an_existing_newsroom(news_index, monkeypatch):
    from newsroom.news.factories import StoryPageFactory

    story = StoryPageFactory(parent=news_index, title="An editor's story")
    call_command("newsroom_setup")
    assert list(NewsItemPage.objects.values_list("title", flat=True)) == [story.title]


def test_production_mode_refuses_to_start_without_a_secret_key(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=embedded_env(
            DJANGO_SETTINGS_MODULE="newsroom.settings",
            DATABASE_URL="postgres://nobody@127.0.0.1:5432/none",
            NEWSROOM_DATA_DIR=str(tmp_path),
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_embedded_mode_generates_and_keeps_a_secret_key(tmp_path):
    command = [
        sys.executable,
        "-c",
        "import django; django.setup(); "
        "from django.conf import settings; print(settings.SECRET_KEY)",
    ]
    env = embedded_env(DJANGO_SETTINGS_MODULE="newsroom.settings", NEWSROOM_DATA_DIR=str(tmp_path))
    first = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    key_file = tmp_path / "secret_key"
    assert first.stdout.strip() == second.stdout.strip() == key_file.read_text().strip()
    assert len(first.stdout.strip()) >= 50
    assert oct(key_file.stat().st_mode)[-3:] == "600"


def test_bad_settings_values_get_clear_messages(tmp_path):
    result = subprocess.run(
        [NEWSROOM, "serve"],
        env=embedded_env(NEWSROOM_DATA_DIR=str(tmp_path), PORT="eighty"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "PORT must be a whole number, not 'eighty'." in result.stderr
    result = subprocess.run(
        [NEWSROOM, "check"],
        env=embedded_env(NEWSROOM_DATA_DIR=str(tmp_path), DEBUG="maybe"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "DEBUG must be true or false, not 'maybe'." in result.stderr


def run_until_served(data_dir, port):
    """Start `newsroom run`, wait for the front page, stop it; return (output, front page)."""
    process = subprocess.Popen(
        [NEWSROOM, "run"],
        env=embedded_env(
            NEWSROOM_DATA_DIR=str(data_dir),
            PORT=str(port),
            WEB_WORKERS="1",
            NEWSROOM_STATIC_ROOT=str(data_dir / "static"),
            NEWSROOM_OFFLINE_EMBEDS="1",
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/", timeout=5) as response:
                    page = response.read().decode()
                    break
            except OSError:
                if process.poll() is not None:
                    break
                time.sleep(0.5)
        else:
            page = None
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        output = process.communicate(timeout=30)[0]
    assert page is not None, output
    return output, page


def test_newsroom_run_from_scratch_then_restart(tmp_path):
    data_dir = tmp_path / "data"
    output, page = run_until_served(data_dir, free_port())
    assert PASSWORD_LINE.search(output), output
    assert "Newsroom is being served on http://127.0.0.1:" in output
    assert (data_dir / "newsroom.sqlite3").exists() and (data_dir / "secret_key").exists()
    assert "<h1" in page

    output, second_page = run_until_served(data_dir, free_port())
    assert not PASSWORD_LINE.search(output), "a second admin password was printed"
    assert "Existing newsroom found" in output
    assert second_page.count("<article") == page.count("<article")
