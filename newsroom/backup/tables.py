"""Every table of the site as portable rows, and back.

A row is a JSON array of its model's local column values, in the order of ``columns(model)``.
Values are read through the ORM (so each field turns the database's own representation into
Python) and written as plain JSON: dates and times as ISO 8601, decimals and UUIDs as strings,
binary data as base64. Loading turns each value back with the field's ``to_python`` and
``get_db_prep_save`` for the target database, then inserts with plain SQL: multi-table models
(every page type) cannot go through ``bulk_create``, and no ``save()`` signal must fire.
"""

import base64
import datetime
import decimal
import json
import uuid

from django.apps import apps
from django.db import connection
from django.utils.duration import duration_iso_string

# Rebuilt by ``update_index`` after a restore: its rows hold backend-specific data (an SQLite
# FTS5 table, PostgreSQL tsvector columns) that cannot move between databases.
REBUILT_APPS = {"wagtailsearch"}
BATCH = 500


def backed_up_models():
    """Every concrete table Django manages, many-to-many tables included, in a stable order."""
    models = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.swapped or meta.app_label in REBUILT_APPS:
            continue
        models.append(model)
    return sorted(models, key=lambda model: model._meta.label_lower)


def columns(model):
    return [field for field in model._meta.local_concrete_fields if not field.generated]


def member_name(model):
    return f"database/{model._meta.label_lower}.jsonl"


def _portable(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return duration_iso_string(value)
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    raise TypeError(f"cannot store a {type(value).__name__} in a backup")


def dump_rows(model, out):
    """Write every row of ``model``'s table to ``out`` (a text file); return the row count."""
    fields = columns(model)
    names = [field.attname for field in fields]
    rows = model._base_manager.order_by("pk").values_list(*names).iterator(chunk_size=BATCH)
    count = 0
    for row in rows:
        values = [field.get_prep_value(value) for field, value in zip(fields, row, strict=True)]
        out.write(json.dumps(values, default=_portable, ensure_ascii=False) + "\n")
        count += 1
    return count


def load_rows(model, lines):
    """Insert the rows of ``lines`` (JSON arrays from ``dump_rows``); return the row count."""
    fields = columns(model)
    quote = connection.ops.quote_name
    # Table and column names come from the models, quoted; values go as parameters.
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    count = 0
    batch = []
    with connection.cursor() as cursor:
        for line in lines:
            values = json.loads(line)
            batch.append(
                [
                    field.get_db_prep_save(
                        None if value is None else field.to_python(value), connection
                    )
                    for field, value in zip(fields, values, strict=True)
                ]
            )
            if len(batch) >= BATCH:
                cursor.executemany(sql, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def empty_tables(models):
    """Delete every row of these tables (what ``migrate`` seeded into a new database)."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in reversed(models):
            cursor.execute(f"DELETE FROM {quote(model._meta.db_table)}")  # noqa: S608


def reset_sequences(models):
    """Let new rows continue after the restored ids (PostgreSQL; SQLite follows by itself)."""
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
