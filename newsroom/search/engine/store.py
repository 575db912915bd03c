"""The index on disk: one folder in the data folder, read by every worker, written by one
process at a time.

    <NEWSROOM_SEARCH_INDEX_DIR>/
        CURRENT          the name of the index folder in use (replaced atomically)
        index-<stamp>/   a tantivy index
        write.lock       held (flock) by whoever writes; tantivy allows one writer per index
        rebuilding       present while a rebuild runs; writers then note their ids in
        journal          which the rebuild replays before it switches CURRENT

Readers keep their index open and reload it when its ``meta.json`` changes (each commit
rewrites it), so a change is seen by the next search in every process. A missing or
unreadable index is rebuilt in a background thread; until it is ready ``reader()`` answers
``None`` and the caller searches the old way (Wagtail's database backend).
"""

import contextlib
import datetime
import fcntl
import logging
import os
import shutil
import threading
from pathlib import Path

import tantivy
from django.conf import settings
from django.db import close_old_connections, connection, transaction

from newsroom.news.models import NewsItemPage

from .documents import SCHEMA, SCHEMA_VERSION, documents_for

logger = logging.getLogger(__name__)

WRITER_HEAP = 50_000_000
REBUILD_HEAP = 200_000_000
REBUILD_BATCH = 500


class Unavailable(Exception):
    """The index is missing or cannot be read."""


def root():
    return Path(settings.NEWSROOM_SEARCH_INDEX_DIR)


class _Opened:
    def __init__(self, name, index, stamp):
        self.name, self.index, self.stamp = name, index, stamp


_opened = {}  # root folder -> _Opened, per process
_opened_lock = threading.Lock()


def _current_name(folder):
    try:
        name = (folder / "CURRENT").read_text().strip()
    except FileNotFoundError:
        raise Unavailable("no index yet") from None
    if not name or "/" in name:
        raise Unavailable("CURRENT names no index")
    return name


def _stamp(path):
    try:
        return (path / "meta.json").stat().st_mtime_ns
    except FileNotFoundError:
        raise Unavailable(f"{path} has no meta.json") from None


def _open(path):
    try:
        version = (path / "newsroom-schema").read_text().strip()
    except FileNotFoundError:
        version = ""
    if version != SCHEMA_VERSION:  # built by an older Newsroom: its fields differ
        raise Unavailable(f"{path} has schema {version or 'unknown'}, not {SCHEMA_VERSION}")
    try:
        return tantivy.Index(SCHEMA, str(path), reuse=True)
    except (OSError, ValueError) as error:  # tantivy's word for a damaged index
        raise Unavailable(f"{path}: {error}") from error


def current_index():
    """The index in use, reloaded if it changed since this process last looked; raises
    ``Unavailable``."""
    folder = root()
    name = _current_name(folder)
    stamp = _stamp(folder / name)
    with _opened_lock:
        opened = _opened.get(folder)
        if opened is None or opened.name != name:
            opened = _opened[folder] = _Opened(name, _open(folder / name), stamp)
        elif opened.stamp != stamp:
            opened.index.reload()
            opened.stamp = stamp
        return opened.index


def reader():
    """The index to search, or None while it is missing or damaged (a rebuild is then
    started in the background, once per process at a time). None too when the readers'
    search is the database's (NEWSROOM_SEARCH_ENGINE=database): nothing keeps an index fresh."""
    if settings.NEWSROOM_SEARCH_ENGINE != "tantivy":
        return None
    apply_waiting()  # this thread's own writes first: it finds what it has just saved
    try:
        return current_index()
    except Unavailable as error:
        heal(str(error))
        return None


def forget(error=None):
    """Drop this process's open index after a search failed on it, and rebuild."""
    with _opened_lock:
        _opened.pop(root(), None)
    heal(f"search failed: {error}")


# --- writing -----------------------------------------------------------------------------------
@contextlib.contextmanager
def _write_lock(folder):
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "write.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # writes take milliseconds; a rebuild does not hold it
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _new_index(folder):
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%S%f")
    path = folder / f"index-{stamp}-{os.getpid()}"
    path.mkdir(parents=True)
    (path / "newsroom-schema").write_text(SCHEMA_VERSION)
    return path, tantivy.Index(SCHEMA, str(path), reuse=False)


def _switch(folder, name):
    temporary = folder / f"CURRENT.{os.getpid()}"
    temporary.write_text(name)
    os.replace(temporary, folder / "CURRENT")


def _apply(index, pks, heap=WRITER_HEAP):
    """Make the index agree with the database for ``pks``: each item that readers may see is
    (re)written, every other one removed."""
    found = documents_for(pks)
    writer = index.writer(heap, 1)
    try:
        # By query: delete_documents_by_term misses unsigned terms (tantivy-py 0.27).
        writer.delete_documents_by_query(tantivy.Query.term_set_query(SCHEMA, "id", pks))
        for _pk, doc in found:
            writer.add_document(doc)
        writer.commit()
    except BaseException:
        writer.rollback()
        raise
    finally:
        writer.wait_merging_threads()


# Writes asked for inside a transaction wait for it to commit: a publish saves its page three or
# four times, each asking for a write, and other processes could not read the rows before the
# commit anyway. Per thread, as transactions are; the thread's next search applies them first.
# A write that waited for a transaction rolled back makes the index agree with the database
# all the same: ``update`` writes what the database says, whatever was asked.
_waiting = threading.local()
MAX_WAITING = 1000


def update(pks):
    """Bring the items ``pks`` up to date in the index: at once, or when the transaction in
    progress commits (and before this thread's next search).
    With no usable index, nothing partial is put in its place (a short-lived process, such as
    ``newsroom generate``, would leave an index of a few items that looks whole): the ids go to
    the journal and a rebuild starts; searches use the database until it is done."""
    pks = {int(pk) for pk in pks}
    if not pks:
        return
    waiting = _waiting_ids()
    if connection.in_atomic_block and len(waiting) + len(pks) <= MAX_WAITING:
        waiting.update(pks)
        # Each time: a callback registered in a savepoint that rolls back is dropped with it.
        transaction.on_commit(apply_waiting)
        return
    _write(sorted(pks | waiting))
    waiting.clear()


def _waiting_ids():
    if not hasattr(_waiting, "ids"):
        _waiting.ids = set()
    return _waiting.ids


def apply_waiting():
    """Write what this thread's transactions asked for (after a commit, or before a search)."""
    waiting = _waiting_ids()
    if waiting:
        pks = sorted(waiting)
        waiting.clear()
        _write(pks)


def _write(pks):
    folder = root()
    with _write_lock(folder):
        try:
            index = _open(folder / _current_name(folder))
        except Unavailable as error:
            missing = str(error)
        else:
            missing = None
        if missing or rebuild_running(folder):
            with open(folder / "journal", "a") as journal:
                journal.write("".join(f"{pk}\n" for pk in pks))
        if not missing:
            _apply(index, pks)
    if missing:
        heal(missing)


# --- rebuilding ----------------------------------------------------------------------------------
def rebuild(progress=None):
    """Build a new index from the database and switch to it; returns the number of items.
    ``progress(done, total)`` is called after each batch. Searches keep using the previous
    index (or the database backend) until the switch."""
    folder = root()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rebuilding").write_text(str(os.getpid()))
    try:
        pks = list(NewsItemPage.objects.visible().order_by("pk").values_list("pk", flat=True))
        path, index = _new_index(folder)
        writer = index.writer(REBUILD_HEAP, 1)
        try:
            for start in range(0, len(pks), REBUILD_BATCH):
                for _pk, doc in documents_for(pks[start : start + REBUILD_BATCH]):
                    writer.add_document(doc)
                if progress:
                    progress(min(start + REBUILD_BATCH, len(pks)), len(pks))
            writer.commit()
        finally:
            writer.wait_merging_threads()
        if progress and not pks:
            progress(0, 0)
        with _write_lock(folder):
            journal = folder / "journal"
            if journal.exists():
                replay = [int(line) for line in journal.read_text().split() if line.isdigit()]
                _apply(index, sorted(set(replay)))
                journal.unlink()
            _switch(folder, path.name)
            (folder / "rebuilding").unlink(missing_ok=True)
        _remove_old(folder, keep=path.name)
        return len(pks)
    finally:
        (folder / "rebuilding").unlink(missing_ok=True)


def _remove_old(folder, keep):
    # Other processes may still have an old index open: its files stay readable until closed.
    for old in folder.glob("index-*"):
        if old.name != keep and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)


_healing = threading.Lock()


def rebuild_running(folder):
    """True while a live process rebuilds (a crashed one leaves a marker naming a dead pid)."""
    try:
        pid = int((folder / "rebuilding").read_text() or 0)
    except (FileNotFoundError, ValueError):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def heal(reason):
    """Rebuild, unless this process is already doing so or another process is (its
    ``rebuilding`` marker): in a background thread, or before answering when
    ``NEWSROOM_SEARCH_REBUILD`` is ``request`` (small archives, the tests)."""
    folder = root()
    if rebuild_running(folder) or not _healing.acquire(blocking=False):
        return
    logger.warning("search index unavailable (%s): rebuilding it", reason)
    if settings.NEWSROOM_SEARCH_REBUILD == "request":
        try:
            rebuild()
        finally:
            _healing.release()
        return

    def run():
        try:
            rebuild()
        except Exception:
            logger.exception("rebuilding the search index failed")
        finally:
            close_old_connections()
            _healing.release()

    threading.Thread(target=run, name="search-index-rebuild", daemon=True).start()
