"""The archive file: writing it, and checking every byte of it before anything is restored."""

import contextlib
import datetime
import hashlib
import io
import json
import os
import tarfile
import tempfile
import zlib
from pathlib import Path, PurePosixPath

from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

from . import tables

FORMAT = "newsroom-backup"
VERSION = 1
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024
# What reading a damaged or truncated gzip/tar file raises.
READ_ERRORS = (tarfile.TarError, OSError, EOFError, zlib.error)


class ArchiveError(Exception):
    """The archive cannot be used; the message says why, for the person running the command."""


@contextlib.contextmanager
def snapshot():
    """One consistent view of every table, without holding up editors while the dump runs."""
    if connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    elif connection.vendor == "sqlite":
        # A deferred read transaction: with WAL, writers carry on while it reads its snapshot.
        # (Django's atomic() would BEGIN IMMEDIATE here and lock out writers until the end.)
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("ROLLBACK")
    else:
        with transaction.atomic():
            yield


def _add_file(tar, name, path, members):
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
    members[name] = {"sha256": digest.hexdigest(), "size": os.path.getsize(path)}
    tar.add(path, arcname=name, recursive=False)


def media_files(storage=default_storage, folder=""):
    """Every file name in the media storage (file system or object storage), sorted."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}{name}" for name in files]
    for sub in folders:
        names += media_files(storage, f"{folder}{sub}/")
    return sorted(names)


def applied_migrations():
    return sorted(
        f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
    )


def write(destination, out=None):
    """Write the archive to ``destination`` (refusing to overwrite); return the manifest."""
    destination = Path(destination)
    if destination.exists():
        raise ArchiveError(f"{destination} already exists; choose another name.")
    destination.parent.mkdir(parents=True, exist_ok=True)
    members, counts = {}, {}
    partial = destination.with_name(f".{destination.name}.partial")
    try:
        with (
            tempfile.TemporaryDirectory() as work,
            tarfile.open(partial, "w:gz", compresslevel=6) as tar,
        ):
            with snapshot():
                migrations = applied_migrations()
                for model in tables.backed_up_models():
                    path = Path(work) / "table.jsonl"
                    with open(path, "w", encoding="utf-8") as dump:
                        rows = tables.dump_rows(model, dump)
                    name = tables.member_name(model)
                    _add_file(tar, name, path, members)
                    counts[model._meta.label_lower] = {"table": model._meta.db_table, "rows": rows}
            media = media_files()
            media_bytes = 0
            for name in media:
                path = Path(work) / "media-file"
                with default_storage.open(name, "rb") as source, open(path, "wb") as copy:
                    while chunk := source.read(CHUNK):
                        copy.write(chunk)
                _add_file(tar, f"media/{name}", path, members)
                media_bytes += members[f"media/{name}"]["size"]
            manifest = {
                "format": FORMAT,
                "version": VERSION,
                "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
                "database": {"vendor": connection.vendor},
                "migrations": migrations,
                "tables": counts,
                "media": {"files": len(media), "bytes": media_bytes},
                "members": members,
            }
            body = json.dumps(manifest, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(body)
            info.mtime = int(datetime.datetime.now(datetime.UTC).timestamp())
            tar.addfile(info, io.BytesIO(body))
        partial.rename(destination)
    finally:
        partial.unlink(missing_ok=True)
    return manifest


def safe_media_name(name):
    """The storage name of a media member, or None when it could escape the media folder."""
    relative = name.removeprefix("media/")
    parts = PurePosixPath(relative).parts
    if not parts or relative.startswith("/") or "\\" in relative:
        return None
    if any(part in {"", ".", ".."} for part in parts):
        return None
    return relative


def _open(path):
    path = Path(path)
    if not path.is_file():
        raise ArchiveError(f"{path} does not exist or is not a file.")
    try:
        return tarfile.open(path, "r:gz")
    except READ_ERRORS as error:
        raise ArchiveError(
            f"{path} is not a Newsroom backup (not a gzipped tar archive: {error})."
        ) from None


def _damaged(path, error):
    return ArchiveError(
        f"{path} is damaged or incomplete (truncated?): {error}. Nothing was restored."
    )


class MemberStream:
    """A member's bytes; a damaged archive raises ArchiveError with a message, not a trace."""

    def __init__(self, path, member, stream):
        self.path, self.stream, self.size, self.name = path, stream, member.size, member.name

    def read(self, size=-1):
        try:
            return self.stream.read(size)
        except READ_ERRORS as error:
            raise _damaged(self.path, error) from None

    def __iter__(self):
        while True:
            try:
                line = self.stream.readline()
            except READ_ERRORS as error:
                raise _damaged(self.path, error) from None
            if not line:
                return
            yield line


def members(path):
    """Yield (member, stream) for every regular file of the archive, in order."""
    with _open(path) as tar:
        try:
            for member in tar:
                if not member.isfile():
                    raise ArchiveError(
                        f"{path} holds {member.name!r}, which is not a regular file; "
                        "a Newsroom backup only holds files."
                    )
                yield member, MemberStream(path, member, tar.extractfile(member))
        except READ_ERRORS as error:
            raise _damaged(path, error) from None


def verify(path):
    """Read the whole archive and check it against its manifest; return the manifest."""
    seen, manifest = {}, None
    for member, stream in members(path):
        if member.name == MANIFEST:
            try:
                manifest = json.loads(stream.read())
            except ValueError:
                raise ArchiveError(f"{path}: its manifest is not valid JSON.") from None
            continue
        digest, size = hashlib.sha256(), 0
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
        seen[member.name] = {"sha256": digest.hexdigest(), "size": size}
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError(f"{path} is not a Newsroom backup (it has no Newsroom manifest).")
    if manifest.get("version") != VERSION:
        raise ArchiveError(
            f"{path} is a version {manifest.get('version')} backup; this Newsroom reads "
            f"version {VERSION}."
        )
    expected = manifest.get("members", {})
    missing = sorted(set(expected) - set(seen))
    extra = sorted(set(seen) - set(expected))
    damaged = sorted(name for name in expected if name in seen and seen[name] != expected[name])
    problems = []
    if missing:
        problems.append(f"missing: {', '.join(missing[:5])}")
    if extra:
        problems.append(f"not in the manifest: {', '.join(extra[:5])}")
    if damaged:
        problems.append(f"checksum mismatch: {', '.join(damaged[:5])}")
    unsafe = [name for name in seen if name.startswith("media/") and not safe_media_name(name)]
    if unsafe:
        problems.append(f"unsafe file names: {', '.join(unsafe[:5])}")
    if problems:
        raise ArchiveError(
            f"{path} failed its checks ({'; '.join(problems)}). Nothing was restored."
        )
    return manifest
