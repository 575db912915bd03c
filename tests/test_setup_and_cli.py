"""First run, restarts and settings, through the `newsroom` command a user types."""

import os
import re
import shutil
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
def test_setup_creates_one_admin_and_prints_the_password_once(capsys, settings):
    settings.NEWSROOM_DEMO = False
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


@pytest.mark.own_database
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


@pytest.mark.own_database
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


@pytest.mark.own_database
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


@pytest.mark.own_database
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


# --- the demo: assumed in embedded mode, asked for in production mode ------------------------
def demo_settings(**env):
    """NEWSROOM_DEMO and whether the demo app is installed, as a child process sees them."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.apps import apps; "
            "from django.conf import settings; "
            "print(settings.NEWSROOM_DEMO, apps.is_installed('demo'))",
        ],
        env=embedded_env(DJANGO_SETTINGS_MODULE="newsroom.settings", **env),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.mark.own_database
def test_the_demo_is_installed_by_default_only_in_embedded_mode(tmp_path):
    production = {"DATABASE_URL": f"sqlite:///{tmp_path}/site.sqlite3", "SECRET_KEY": "x" * 50}
    data = {"NEWSROOM_DATA_DIR": str(tmp_path), "NEWSROOM_DEMO": ""}
    assert demo_settings(**data) == ["True", "True"]
    assert demo_settings(**data, **production) == ["False", "False"]
    assert demo_settings(**data | {"NEWSROOM_DEMO": "1"}, **production) == ["True", "True"]
    assert demo_settings(**data | {"NEWSROOM_DEMO": "0"}) == ["False", "False"]


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    # Collected once for the module: collectstatic reruns only when a source file changes.
    return tmp_path_factory.mktemp("static")


def production_env(tmp_path, static_root, **extra):
    """Production mode (DATABASE_URL set), on an SQLite file so that no server is needed (and,
    with ``migrated_database`` first, migrated already: `newsroom run` from nothing is tested
    above, these tests are about what setup puts in)."""
    return embedded_env(
        DATABASE_URL=f"sqlite:///{tmp_path}/site.sqlite3",
        SECRET_KEY="production-secret-" + "x" * 40,
        NEWSROOM_DATA_DIR=str(tmp_path / "data"),
        NEWSROOM_STATIC_ROOT=str(static_root),
        NEWSROOM_OFFLINE_EMBEDS="1",
        NEWSROOM_DEMO="",
        **extra,
    )


def newsroom(env, *args):
    return subprocess.run([NEWSROOM, *args], env=env, capture_output=True, text=True, timeout=600)


def count_items(tmp_path):
    import sqlite3

    with sqlite3.connect(tmp_path / "site.sqlite3") as db:
        items = db.execute("SELECT count(*) FROM news_newsitempage").fetchone()[0]
        press = db.execute("SELECT count(*) FROM auth_user WHERE NOT is_superuser").fetchone()[0]
    return items, press


def migrated_database(tmp_path, migrated_sqlite):
    shutil.move(
        migrated_sqlite(tmp_path / "template") / "newsroom.sqlite3", tmp_path / "site.sqlite3"
    )


@pytest.mark.own_database
def test_production_setup_sets_up_an_empty_newsroom_unless_the_demo_is_asked_for(
    tmp_path, static_root, migrated_sqlite
):
    migrated_database(tmp_path, migrated_sqlite)
    env = production_env(tmp_path, static_root)
    setup = newsroom(env, "setup")
    assert setup.returncode == 0, setup.stdout + setup.stderr
    assert "the demo was not asked for" in setup.stdout
    assert "NEWSROOM_DEMO=1 newsroom load-demo" in setup.stdout
    assert PASSWORD_LINE.search(setup.stdout)
    assert count_items(tmp_path) == (0, 0)  # no items, no press account

    refused = newsroom(env, "load-demo")
    assert refused.returncode != 0
    assert "The demo newsroom is not installed" in refused.stderr
    assert "NEWSROOM_DEMO=1 newsroom load-demo" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert count_items(tmp_path) == (0, 0)

    loaded = newsroom(env | {"NEWSROOM_DEMO": "1"}, "load-demo")
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    assert "Demo newsroom loaded" in loaded.stdout
    items, press = count_items(tmp_path)
    assert items > 0 and press > 0


@pytest.mark.own_database
def test_production_setup_loads_the_demo_when_asked_with_demo(
    tmp_path, static_root, migrated_sqlite
):
    migrated_database(tmp_path, migrated_sqlite)
    setup = newsroom(production_env(tmp_path, static_root), "setup", "--demo")
    assert setup.returncode == 0, setup.stdout + setup.stderr
    assert "Demo newsroom loaded" in setup.stdout
    items, press = count_items(tmp_path)
    assert items > 0 and press > 0

    unknown = newsroom(production_env(tmp_path, static_root), "setup", "--dmeo")
    assert unknown.returncode != 0 and "unknown option '--dmeo'" in unknown.stderr


@pytest.mark.own_database
def test_embedded_load_demo_with_the_demo_switched_off_says_so(tmp_path):
    result = newsroom(embedded_env(NEWSROOM_DATA_DIR=str(tmp_path), NEWSROOM_DEMO="0"), "load-demo")
    assert result.returncode != 0
    assert "switched off (NEWSROOM_DEMO=0)" in result.stderr
