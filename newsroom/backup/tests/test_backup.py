"""`newsroom backup` and `newsroom restore`, run as an operator runs them (subprocesses with
NEWSROOM_DATA_DIR / DATABASE_URL), on real SQLite files and real PostgreSQL databases; the
restored sites are compared page by page with the originals (site_pages.py)."""

import gzip
import hashlib
import io
import json
import re
import sqlite3
import tarfile
from pathlib import Path

import pytest

from .support import (
    assert_same_pages,
    manifest,
    newsroom,
    pages,
    pages_of,
    row_counts,
    site_env,
)


@pytest.fixture(scope="module")
def demo_backup(tmp_path_factory, migrated_sqlite):
    """The demo newsroom on SQLite, its archive, and the fingerprint of its pages."""
    folder = tmp_path_factory.mktemp("demo")
    env = site_env(migrated_sqlite(folder / "site"))
    newsroom(env, "migrate", "--no-input", "-v", "0")
    newsroom(env, "load-demo")
    archive = folder / "demo.tar.gz"
    output = newsroom(env, "backup", str(archive)).stdout
    assert f"Backup written to {archive}" in output
    return {"env": env, "archive": archive, "pages": pages(env)}


def test_the_demo_moves_from_sqlite_to_postgresql_and_back(
    demo_backup, postgres_databases, tmp_path, migrated_sqlite
):
    original = demo_backup["pages"]()
    assert len(original) > 200  # every item, topic, person, archive day, feed, both languages
    on_postgres = site_env(tmp_path / "pg", postgres_databases("demo"))
    output = newsroom(on_postgres, "restore", str(demo_backup["archive"])).stdout
    assert "into (postgresql" in output
    assert_same_pages(original, pages(on_postgres)())

    # Back from PostgreSQL to a new SQLite file (migrated already, as after `newsroom migrate`:
    # the restore into PostgreSQL above started from nothing): same rows, same pages.
    second = tmp_path / "from-postgres.tar.gz"
    newsroom(on_postgres, "backup", str(second))
    assert manifest(second)["database"]["vendor"] == "postgresql"
    assert row_counts(second) == row_counts(demo_backup["archive"])
    on_sqlite = site_env(migrated_sqlite(tmp_path / "sqlite"))
    newsroom(on_sqlite, "restore", str(second))
    assert_same_pages(original, pages(on_sqlite)())

    # The restored site keeps working: ids continue after the restored ones (sequences reset)
    # and the search index was rebuilt.
    newsroom(on_postgres, "generate", "--items", "3")
    search = pages_of(on_postgres, "/en/search/?q=Ukraine")
    assert int(re.search(r"(\d+) results? for", search).group(1)) > 0


def sqlite_tables(data_dir):
    database = data_dir / "newsroom.sqlite3"
    if not database.exists():
        return {}
    with sqlite3.connect(database) as connection:
        names = [
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {
            name: connection.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]  # noqa: S608
            for name in names
        }


def rewrite(source, destination, change, extra=None):
    """Copy an archive member by member, letting ``change(name, data)`` alter each one, and
    add the ``extra`` members {name: data} first."""
    with tarfile.open(source, "r:gz") as old, tarfile.open(destination, "w:gz") as new:
        added = [(name, data) for name, data in (extra or {}).items()]
        for name, data in added + [(m.name, old.extractfile(m).read()) for m in old]:
            data = change(name, data)
            if data is None:
                continue
            info = tarfile.TarInfo(name)
            info.size = len(data)
            new.addfile(info, io.BytesIO(data))


def refused(env, archive, *messages):
    result = newsroom(env, "restore", str(archive), check=False)
    assert result.returncode != 0
    for message in messages:
        assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    return result


def test_bad_archives_are_refused_with_a_clear_message_and_nothing_changes(demo_backup, tmp_path):
    good = demo_backup["archive"]
    target = tmp_path / "target"
    env = site_env(target)

    wrong = tmp_path / "notes.txt"
    wrong.write_text("not a backup")
    refused(env, wrong, "is not a Newsroom backup (not a gzipped tar archive")
    refused(env, tmp_path / "missing.tar.gz", "does not exist or is not a file")

    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    refused(env, truncated, "is damaged or incomplete (truncated?)", "Nothing was restored")

    other_tar = tmp_path / "other.tar.gz"
    rewrite(good, other_tar, lambda name, data: None if name == "manifest.json" else data)
    refused(env, other_tar, "is not a Newsroom backup (it has no Newsroom manifest)")

    def corrupt(name, data):
        if name == "database/wagtailcore.page.jsonl":
            assert b"NATO" in data
            return data.replace(b"NATO", b"OTAN", 1)  # a changed title
        return data

    corrupted = tmp_path / "corrupted.tar.gz"
    rewrite(good, corrupted, corrupt)
    refused(env, corrupted, "checksum mismatch: database/wagtailcore.page.jsonl")

    # A member that would land outside the media folder, listed with its right checksum.
    escaping = "media/../../escaped.txt"

    def escape(name, data):
        if name == "manifest.json":
            content = json.loads(data)
            content["members"][escaping] = {"sha256": hashlib.sha256(b"x").hexdigest(), "size": 1}
            return json.dumps(content).encode()
        return data

    with_traversal = tmp_path / "traversal.tar.gz"
    rewrite(good, with_traversal, escape, extra={escaping: b"x"})
    refused(env, with_traversal, f"unsafe file names: {escaping}")
    assert not (tmp_path / "escaped.txt").exists()

    gz_text = tmp_path / "text.tar.gz"
    gz_text.write_bytes(gzip.compress(b"hello"))
    refused(env, gz_text, "is not a Newsroom backup")

    # None of the above created so much as a table, or a media file.
    assert sqlite_tables(target) == {}
    assert not (target / "media").exists() or not any((target / "media").rglob("*"))

    # The demo site itself is not empty: refused, and every table keeps its rows.
    source_dir = Path(demo_backup["env"]["NEWSROOM_DATA_DIR"])
    before = sqlite_tables(source_dir)
    result = refused(
        demo_backup["env"], good, "is not empty", "Restore only goes into an empty database"
    )
    assert "pages" in result.stderr
    assert sqlite_tables(source_dir) == before

    intact = newsroom(env, "restore", "--check", str(good)).stdout
    assert "is intact" in intact


def test_backup_never_overwrites_a_file(demo_backup):
    result = newsroom(demo_backup["env"], "backup", str(demo_backup["archive"]), check=False)
    assert result.returncode != 0
    assert "already exists; choose another name" in result.stderr
    assert manifest(demo_backup["archive"])["format"] == "newsroom-backup"
