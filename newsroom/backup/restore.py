"""Rebuild a site from an archive, into an empty database (SQLite or PostgreSQL, either way).

Order, so that a failure at any step leaves nothing half done and can simply be run again:

1. read the whole archive and check every member's SHA-256 against the manifest;
2. check that the archive was made by this version's migrations, that the database is empty
   and that no media file of the archive would replace a different file already there;
3. migrate the (empty) database;
4. copy the media files (files already there with the same bytes are kept);
5. in one transaction: empty the rows ``migrate`` seeded, insert every table, check the row
   counts against the manifest, reset the id sequences;
6. rebuild the search indexes (the admin's and the readers') and make every cached page stale.
"""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader

from newsroom.delivery import invalidation
from newsroom.search import engine as search_index

from . import archive, tables
from .archive import ArchiveError

# Tables that ``migrate`` itself fills in a new database (content types, permissions, Wagtail's
# root page, default site, locale, collection, groups and their permissions). Rows there do
# not make a database "in use"; rows anywhere else do.
SEEDED_TABLES = {
    "django_content_type",
    "auth_permission",
    "auth_group",
    "auth_group_permissions",
    "wagtailcore_page",
    "wagtailcore_site",
    "wagtailcore_locale",
    "wagtailcore_collection",
    "wagtailcore_groupcollectionpermission",
    "wagtailcore_grouppagepermission",
    "wagtailcore_groupapprovaltask",
    "wagtailcore_groupapprovaltask_groups",
    "wagtailcore_task",
    "wagtailcore_workflow",
    "wagtailcore_workflowpage",
    "wagtailcore_workflowtask",
}


class RestoreError(ArchiveError):
    """The restore was refused or failed; nothing in the database was changed."""


def check_migrations(manifest):
    """The archive's tables must have the shape this version's migrations give them."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    on_disk = {f"{app}.{name}" for app, name in loader.disk_migrations}
    latest = {f"{app}.{name}" for app, name in loader.graph.leaf_nodes()}
    theirs = set(manifest.get("migrations", []))
    if theirs - on_disk:
        raise RestoreError(
            "This backup was made by a newer version of Newsroom (it has migrations this "
            f"version does not know, e.g. {sorted(theirs - on_disk)[0]}). Restore it with that "
            "version. Nothing was restored."
        )
    if latest - theirs:
        raise RestoreError(
            "This backup was made by an older version of Newsroom (it lacks migrations, e.g. "
            f"{sorted(latest - theirs)[0]}). Restore it with the version that made it, then "
            "upgrade. Nothing was restored."
        )


def _count(cursor, sql):
    cursor.execute(sql)
    return cursor.fetchone()[0]


def reasons_not_empty():
    """Why this database already holds a site (empty list: it is safe to restore into)."""
    existing = set(connection.introspection.table_names())
    quote = connection.ops.quote_name
    reasons = []
    with connection.cursor() as cursor:
        for model in tables.backed_up_models():
            table = model._meta.db_table
            if table not in existing or table in SEEDED_TABLES:
                continue
            rows = _count(cursor, f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608
            if rows:
                reasons.append(f"{table} has {rows} rows")
        if {"wagtailcore_page", "django_content_type"} <= existing:
            # Only Wagtail's own root and welcome pages (plain `Page`s) come from migrate.
            pages = _count(
                cursor,
                "SELECT COUNT(*) FROM wagtailcore_page p JOIN django_content_type c "
                "ON c.id = p.content_type_id WHERE NOT (c.app_label = 'wagtailcore' "
                "AND c.model = 'page')",
            )
            if pages:
                reasons.insert(0, f"it has {pages} pages")
    return reasons


def _sha256(stream):
    digest = hashlib.sha256()
    while chunk := stream.read(archive.CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def media_conflicts(manifest, storage=default_storage):
    """Media files of the archive whose name is taken by a file with other bytes."""
    conflicts = []
    for name, member in manifest["members"].items():
        if not name.startswith("media/"):
            continue
        relative = archive.safe_media_name(name)
        if storage.exists(relative):
            with storage.open(relative, "rb") as existing:
                if _sha256(existing) != member["sha256"]:
                    conflicts.append(relative)
    return conflicts


def check_target(manifest):
    reasons = reasons_not_empty()
    if reasons:
        raise RestoreError(
            f"The database {describe_database()} is not empty ({'; '.join(reasons[:4])}). "
            "Restore only goes into an empty database, so that nothing is overwritten: "
            "create a new database (or point NEWSROOM_DATA_DIR at a new folder) and run "
            "restore again."
        )
    conflicts = media_conflicts(manifest)
    if conflicts:
        raise RestoreError(
            f"The media folder already holds {len(conflicts)} different file(s) with names "
            f"from the backup (e.g. {conflicts[0]}). Restore into an empty media folder. "
            "Nothing was restored."
        )


def describe_database():
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"(SQLite, {database['NAME']})"
    return f"({connection.vendor}, {database.get('NAME')} on {database.get('HOST') or 'local'})"


def copy_media(path, storage=default_storage):
    copied = 0
    for member, stream in archive.members(path):
        if not member.name.startswith("media/"):
            continue
        name = archive.safe_media_name(member.name)
        if storage.exists(name):
            continue  # the same bytes: checked by media_conflicts()
        saved = storage.save(name, File(stream, name=name))
        if saved != name:
            raise RestoreError(f"The media storage saved {name} as {saved}; restore stopped.")
        copied += 1
    return copied


def load_database(path, manifest):
    models = tables.backed_up_models()
    by_member = {tables.member_name(model): model for model in models}
    counts = {}
    with transaction.atomic():
        tables.empty_tables(models)
        for member, stream in archive.members(path):
            model = by_member.get(member.name)
            if model is None:
                continue
            lines = (line.decode("utf-8") for line in stream)
            counts[model._meta.label_lower] = tables.load_rows(model, lines)
        expected = {label: entry["rows"] for label, entry in manifest["tables"].items()}
        loaded = {label: counts.get(label, 0) for label in expected}
        if loaded != expected or set(counts) - set(expected):
            wrong = sorted(
                label
                for label in set(expected) | set(counts)
                if expected.get(label) != counts.get(label)
            )
            raise RestoreError(
                f"Row counts differ from the manifest for {', '.join(wrong[:5])}; the "
                "transaction was rolled back and nothing was restored."
            )
        tables.reset_sequences(models)
    ContentType.objects.clear_cache()
    return counts


def restore(path, out, verbosity=1):
    """Restore the archive at ``path`` into the current (empty) database; return the counts."""

    def say(message):
        if verbosity:
            out.write(message + "\n")
            out.flush()

    say(f"Checking {path}…")
    manifest = archive.verify(path)
    check_migrations(manifest)
    check_target(manifest)
    say(
        f"Backup of {manifest['created']} from {manifest['database']['vendor']}: "
        f"{sum(t['rows'] for t in manifest['tables'].values()):,} rows, "
        f"{manifest['media']['files']:,} media files. Creating the tables…"
    )
    call_command("migrate", "--no-input", verbosity=0)
    copied = copy_media(path)
    say(f"Media: {copied:,} files copied. Loading the database…")
    counts = load_database(path, manifest)
    say("Rebuilding the search indexes…")
    call_command("update_index", verbosity=0)  # the admin's (Wagtail's database backend)
    if settings.NEWSROOM_SEARCH_ENGINE == "tantivy":
        search_index.rebuild()  # the readers': update_index leaves a custom backend alone

    invalidation.content_changed()
    say(
        f"Restored {sum(counts.values()):,} rows in {len(counts)} tables "
        f"into {describe_database()}."
    )
    return counts
