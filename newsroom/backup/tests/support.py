"""What the backup tests share: running `newsroom` as an operator does (a subprocess with
NEWSROOM_DATA_DIR / DATABASE_URL), fingerprinting a site's pages (site_pages.py) and reading an
archive's manifest."""

import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

NEWSROOM = str(Path(sys.executable).parent / "newsroom")
POSTGRES = os.environ.get("NEWSROOM_BACKUP_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432")
PREFIX = f"test_backup_{uuid.uuid4().hex[:8]}"


def site_env(data_dir, database_url=None):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "SECRET_KEY"}
    }
    env.update(
        NEWSROOM_DATA_DIR=str(data_dir),
        NEWSROOM_API_RATE_LIMIT="off",
        NEWSROOM_OFFLINE_EMBEDS="1",
        SECRET_KEY="backup-tests-only",
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def newsroom(env, *args, check=True):
    result = subprocess.run(  # noqa: S603 - our own command
        [NEWSROOM, *args], env=env, capture_output=True, text=True, timeout=1800
    )
    if check:
        assert result.returncode == 0, (args, result.stdout[-2000:], result.stderr[-4000:])
    return result


def pages(env, crawl=True, every=1):
    """Start fingerprinting the public pages of a site (one in ``every`` of the sitemaps' and
    links' addresses); call the result to wait for it."""
    args = [sys.executable, "-m", "newsroom.backup.tests.site_pages", "--every", str(every)]
    args += ["--crawl"] * crawl
    process = subprocess.Popen(  # noqa: S603 - our own module
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )

    def wait():
        out, err = process.communicate(timeout=1800)
        assert process.returncode == 0, err.decode()[-4000:]
        return json.loads(out)

    return wait


def assert_same_pages(original, restored):
    assert set(original) == set(restored)
    different = sorted(address for address in original if original[address] != restored[address])
    assert not different, different[:20]


def manifest(path):
    with tarfile.open(path, "r:gz") as tar:
        return json.load(tar.extractfile("manifest.json"))


# Caches that rendering a page fills (image renditions, oEmbed answers): a site that has served
# its pages has more of these rows than the same site before, and the same content.
RENDER_CACHES = {"images.newsroomrendition", "wagtailembeds.embed"}


def row_counts(path):
    tables = manifest(path)["tables"]
    return {label: entry["rows"] for label, entry in tables.items() if label not in RENDER_CACHES}


def pages_of(env, address):
    code = (
        "import django, sys; django.setup(); from django.test import Client; "
        "from django.test.utils import override_settings; "
        "s = {'default': {'BACKEND': 'django.core.files.storage.FileSystemStorage'}, "
        "'staticfiles': {'BACKEND': "
        "'django.contrib.staticfiles.storage.StaticFilesStorage'}}\n"
        "with override_settings(STORAGES=s):\n"
        f"    sys.stdout.write(Client().get({address!r}).content.decode())"
    )
    result = subprocess.run(  # noqa: S603 - our own snippet
        [sys.executable, "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "newsroom.settings"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout
