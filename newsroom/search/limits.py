"""A time limit on the database work of one search.

Ranking every match of a word that is in most items (``summit`` on a 100,000-item archive) takes
the database search backend minutes; a reader, or anyone sending such queries on purpose, would
hold a server worker that long. The search page gives up after ``NEWSROOM_SEARCH_TIME_LIMIT``
seconds and says how to narrow the search instead.

SQLite: a progress handler that aborts the statement once the deadline has passed (SQLite calls
it every few thousand virtual-machine steps). PostgreSQL: ``statement_timeout`` for the
transaction around the search.
"""

import contextlib
import time

from django.db import OperationalError, connection, transaction

PROGRESS_STEPS = 10_000  # SQLite instructions between two looks at the clock


class TooSlow(Exception):
    """The database work did not finish within the limit."""


@contextlib.contextmanager
def time_limit(seconds):
    """Run the block's queries under a limit of ``seconds`` (None or 0: none); raise
    ``TooSlow`` when the database gave up on one."""
    if not seconds:
        yield
        return
    try:
        if connection.vendor == "postgresql":
            nested = connection.in_atomic_block
            with transaction.atomic():
                with connection.cursor() as cursor:
                    # SET cannot take a parameter; the value is a whole number of milliseconds.
                    cursor.execute(f"SET LOCAL statement_timeout = {max(1, int(seconds * 1000))}")
                yield
                if nested:  # in an outer transaction, the setting would outlive the block
                    with connection.cursor() as cursor:
                        cursor.execute("SET LOCAL statement_timeout TO DEFAULT")
        elif connection.vendor == "sqlite":
            connection.ensure_connection()
            deadline = time.monotonic() + seconds
            raw = connection.connection
            raw.set_progress_handler(lambda: time.monotonic() > deadline, PROGRESS_STEPS)
            try:
                yield
            finally:
                raw.set_progress_handler(None, PROGRESS_STEPS)
        else:
            yield
    except OperationalError as error:
        # SQLite says "interrupted"; PostgreSQL raises QueryCanceled (SQLSTATE 57014).
        cause = getattr(error, "__cause__", None)
        if "interrupted" in str(error) or getattr(cause, "sqlstate", None) == "57014":
            raise TooSlow(str(error)) from error
        raise
