"""Fixtures shared by every app's tests, private services (Redis) and the skip allow-list."""

import contextlib
import fcntl
import fnmatch
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.core.cache import cache
from wagtail.embeds.finders import get_finders


@pytest.fixture(autouse=True, scope="session")
def _private_data_dir(tmp_path_factory):
    """The files the settings keep in the data folder (the page cache's generation, the
    scheduler's and setup's locks, backups) in a folder of this session's own, not ./data: two
    xdist workers, or a `make run` in the same checkout, would otherwise share them."""
    from django.test import override_settings

    from newsroom.caching import generation

    data_dir = tmp_path_factory.mktemp("data")
    private = override_settings(
        DATA_DIR=data_dir,
        NEWSROOM_PAGE_CACHE_GENERATION_FILE=data_dir / "page-cache-generation",
        NEWSROOM_SCHEDULER_LOCK_FILE=data_dir / "scheduler.lock",
    )
    private.enable()
    generation.reset_store()
    yield data_dir
    private.disable()
    generation.reset_store()


@pytest.fixture(autouse=True)
def _test_environment(settings, tmp_path):
    # Tests render templates without running collectstatic first, and write media to a temp dir.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    # No test may reach the network: video addresses are "embedded" by an offline finder.
    settings.WAGTAILEMBEDS_FINDERS = [{"class": "newsroom.core.fake_embeds.OfflineEmbedFinder"}]
    get_finders.cache_clear()
    # Each test has its own database, so nothing cached by an earlier test may leak into it.
    cache.clear()
    from newsroom.caching import fragments, memo

    memo.clear()
    fragments.clear()
    # The page cache's warming thread renders with a database connection of its own, which does
    # not see a test's uncommitted rows; the tests that are about warming switch it on.
    settings.NEWSROOM_PAGE_CACHE_WARM_PAGES = 0
    # The reader search's index: one per test, as the database is, built before answering.
    settings.NEWSROOM_SEARCH_INDEX_DIR = tmp_path / "search-index"
    settings.NEWSROOM_SEARCH_REBUILD = "request"


@pytest.fixture
def home(db):
    from newsroom.home.site_tree import ensure_site_tree

    page, _ = ensure_site_tree()
    return page


@pytest.fixture
def empty_site(db):
    """No site tree, as right after `migrate` (each worker's database has one built once): for
    the tests of setting up a newsroom from nothing. Rolled back with the test."""
    from wagtail.models import Page

    for page in Page.objects.filter(depth=2):
        page.delete()


@pytest.fixture
def news_index(home):
    from newsroom.home.site_tree import news_index

    return news_index(home)


@pytest.fixture
def topic_index(home):
    from newsroom.home.site_tree import topic_index

    return topic_index(home)


# --- one migrated database per run -------------------------------------------------------------
# Migrating an empty SQLite database takes about a minute of CPU (230 migrations). It is done
# once, by `manage.py migrate` into a file kept under .pytest_cache and named by a digest of
# everything the schema depends on (migrations, settings, the lock file); then every xdist
# worker's in-memory test database is a copy of it (Django's migrate then finds nothing to
# apply), and so is the database of every `newsroom setup` a test runs in a subprocess, unless
# the test is about setting up from nothing (the ``migrated_sqlite`` fixture).
ROOT = Path(__file__).resolve().parent
TEMPLATES = ROOT / ".pytest_cache" / "newsroom-migrated"


def _schema_digest():
    digest = hashlib.sha256()
    sources = [ROOT / "uv.lock", ROOT / "newsroom" / "settings.py"]
    sources += sorted(ROOT.glob("newsroom/**/migrations/*.py"))
    sources += sorted(ROOT.glob("demo/**/migrations/*.py"))
    for path in sources:
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@contextlib.contextmanager
def _locked(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another worker building the same file: wait for it
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def migrated_sqlite_template():
    """The path of an SQLite file with every migration applied and nothing else; built on the
    first call of a run (by any worker), reused while the schema's sources are unchanged."""
    template = TEMPLATES / f"{_schema_digest()}.sqlite3"
    with _locked(template.with_suffix(".lock")):
        if not template.exists():
            from deploy.cluster.services import embedded_env

            # Built in memory (tmpfs) where there is one: SQLite's writes need no disk.
            shm = Path("/dev/shm")  # noqa: S108 - mkdtemp makes a private folder in it
            build = Path(
                tempfile.mkdtemp(prefix="newsroom-migrate-", dir=shm if shm.is_dir() else None)
            )
            subprocess.run(  # noqa: S603 - our own interpreter and manage.py
                [sys.executable, str(ROOT / "manage.py"), "migrate", "--no-input", "-v", "0"],
                env=embedded_env(NEWSROOM_DATA_DIR=str(build), NEWSROOM_DEMO="0"),
                cwd=ROOT, check=True, capture_output=True, timeout=1800,
            )  # fmt: skip
            partial = template.with_suffix(".partial")
            _copy_sqlite(build / "newsroom.sqlite3", partial)
            partial.rename(template)
            shutil.rmtree(build, ignore_errors=True)
    return template


def _copy_sqlite(source, target, uri=False):
    """Copy an SQLite database through SQLite's backup API (which reads its write-ahead log
    too); returns the open target connection."""
    with contextlib.closing(sqlite3.connect(source)) as origin:
        copy = sqlite3.connect(target, uri=uri)
        origin.backup(copy)
    if not uri:
        copy.close()
    return copy


@pytest.fixture(scope="session")
def migrated_sqlite():
    """migrated_sqlite(data_dir): put a migrated, empty database in a newsroom data folder, for
    a `newsroom setup` that then only has the newsroom to create. Not for tests of setting up
    from nothing."""

    def put(data_dir):
        data_dir = Path(data_dir)
        data_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(migrated_sqlite_template(), data_dir / "newsroom.sqlite3")
        return data_dir

    return put


def migrated_postgres_template(connection):
    """The name of a PostgreSQL database with every migration applied, on the test server:
    built once per schema (named by its digest, next to the test database's name), reused by
    every worker and run; older templates of the same checkout are dropped."""
    from urllib.parse import urlsplit, urlunsplit

    base = re.sub(r"_gw\d+$", "", connection.creation._get_test_db_name())  # one for all workers
    name = f"{base}_tpl_{_schema_digest()}"[:63]
    with _locked(TEMPLATES / f"{name}.lock"), connection._nodb_cursor() as cursor:
        cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [f"{base}_tpl_%"])
        existing = {row[0] for row in cursor.fetchall()}
        if name in existing:
            return name
        for old in existing:
            cursor.execute(f'DROP DATABASE IF EXISTS "{old}"')
        partial = f"{name[:55]}_partial"
        cursor.execute(f'DROP DATABASE IF EXISTS "{partial}"')
        cursor.execute(f'CREATE DATABASE "{partial}"')
        url = urlsplit(os.environ["DATABASE_URL"])
        subprocess.run(  # noqa: S603 - our own interpreter and manage.py
            [sys.executable, str(ROOT / "manage.py"), "migrate", "--no-input", "-v", "0"],
            env={**os.environ, "DATABASE_URL": urlunsplit(url._replace(path=f"/{partial}"))},
            cwd=ROOT, check=True, capture_output=True, timeout=1800,
        )  # fmt: skip
        cursor.execute(f'ALTER DATABASE "{partial}" RENAME TO "{name}"')
    return name


_kept_open = []  # the in-memory test database lives while a connection to it is open


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings, django_db_blocker):
    """The test database starts as a copy of the migrated template: the in-memory SQLite one,
    or (make test-postgres) each worker's PostgreSQL one."""
    from django.db import connections
    from django.db.backends.sqlite3.creation import DatabaseCreation

    connection = connections["default"]
    if connection.vendor == "postgresql" and os.environ.get("DATABASE_URL"):
        # Django's own option: CREATE DATABASE test_... TEMPLATE <migrated>.
        settings_test = connection.settings_dict["TEST"]
        with django_db_blocker.unblock():
            settings_test["TEMPLATE"] = migrated_postgres_template(connection)
        yield
        return
    if connection.vendor != "sqlite" or connection.settings_dict["TEST"].get("NAME"):
        yield
        return
    template = migrated_sqlite_template()
    create = DatabaseCreation._create_test_db

    def create_from_template(self, verbosity, autoclobber, keepdb=False):
        name = create(self, verbosity, autoclobber, keepdb)
        if self.connection.alias == "default" and self.is_in_memory_db(name):
            _kept_open.append(_copy_sqlite(template, name, uri=True))
        return name

    DatabaseCreation._create_test_db = create_from_template
    try:
        yield
    finally:
        DatabaseCreation._create_test_db = create


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, _private_data_dir):
    """Each worker's test database also gets the site tree (the front page and its sections, in
    every language) once, committed: building it through Wagtail and wagtail-localize took ~1.5 s
    per test, more than most tests themselves. Tests still roll back whatever they change."""
    from newsroom.home.site_tree import ensure_site_tree

    with django_db_blocker.unblock():
        ensure_site_tree()


# --- running in parallel (pytest-xdist, --dist loadgroup) ----------------------------------------
# Tests are independent and go to whichever worker is free, except those sharing a costly
# session or module fixture, which go to one worker as a group: the browser tests (one newsroom
# server and one Chromium; last in their worker, as Playwright's event loop must not run beside
# Django's database tests), the cluster tests (one private PostgreSQL), and the modules below.
GROUPS = {
    "tests/cluster/": "cluster",
    "newsroom/backup/tests/test_backup.py": "backup",
    "newsroom/scheduling/tests/test_servers.py": "scheduling-servers",
    "demo/tests/test_demo_french.py": "french-demo",
    "demo/tests/test_demo.py": "english-demo",
    "tests/browser/": "browser",
}
# The order work is handed out in: the longest groups first, the browser tests last.
ORDER = [
    *("cluster", "backup", "scheduling-servers", "french-demo", "english-demo", None, "browser")
]


def _group(item):
    path = item.nodeid.split("::")[0]
    return next((name for prefix, name in GROUPS.items() if path.startswith(prefix)), None)


@pytest.hookimpl(tryfirst=True)  # before xdist names the groups in the test ids
def pytest_collection_modifyitems(config, items):
    for item in items:
        if (name := _group(item)) is not None:
            item.add_marker(pytest.mark.xdist_group(name))
    items.sort(key=lambda item: ORDER.index(_group(item)))  # stable: keeps each group's order


def pytest_collection_finish(session):
    # xdist marks a test's group in its id. When an upgrade breaks that (pytest 9.2 with xdist
    # 3.8: pytest-dev/pytest-xdist#1386) the groups' costly fixtures quietly run on every worker.
    if getattr(session.config.option, "loadgroup", False):
        lost = [item.nodeid for item in session.items if _group(item) and "@" not in item.nodeid]
        if lost:
            raise pytest.UsageError(f"pytest-xdist did not apply the test groups, e.g. {lost[0]}")


# --- private services -------------------------------------------------------------------------
# No test talks to whatever listens on the usual ports: each starts (or shares, per session and
# per xdist worker) a server of its own on a free port. deploy/cluster/services.py runs them;
# deploy/cluster/ensure-tools.sh installs the programs.


def _start_redis(log_path):
    from deploy.cluster import services

    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (bash deploy/cluster/ensure-tools.sh)")
    return services.Redis(services.free_port(), log_path).start()


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    """One private redis-server for the session: tests share it under key prefixes of their own."""
    server = _start_redis(tmp_path_factory.mktemp("redis") / "redis.log")
    yield server
    server.stop()


@pytest.fixture
def private_redis(tmp_path):
    """A redis-server of this test's own, which it may stop and start again (same port)."""
    server = _start_redis(tmp_path / "redis.log")
    yield server
    server.stop()


# --- skips ------------------------------------------------------------------------------------
# A test that skips passes nothing: a regression would read as a skip. With --strict-skips
# (make test, make test-postgres) or CI=true, the run fails when a test skips unless its id is
# on the allow-list, one commented entry a line.
SKIPS_ALLOWED = Path(__file__).resolve().parent / "tests" / "skips-allowed.txt"


def pytest_addoption(parser):
    parser.addoption(
        "--strict-skips",
        action="store_true",
        help=f"fail the run when a test skips unless it is listed in {SKIPS_ALLOWED.name}",
    )


def allowed_skips(path=SKIPS_ALLOWED):
    """{test id pattern: why} from the allow-list; an entry without a comment is an error."""
    allowed = {}
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pattern, _, why = line.partition(" # ")
        if not why.strip():
            raise pytest.UsageError(f"{path.name}:{number}: say why after ' # ': {line!r}")
        allowed[pattern.strip()] = why.strip()
    return allowed


class SkipPolicy:
    """Collects the skips not on the allow-list and fails the session when there are any. In
    the controller under xdist, which receives every worker's reports."""

    def __init__(self, allowed):
        self.allowed, self.unlisted = allowed, []

    def pytest_runtest_logreport(self, report):
        if not report.skipped or hasattr(report, "wasxfail"):
            return
        nodeid = report.nodeid.split("@")[0]  # without the xdist group
        if not any(fnmatch.fnmatchcase(nodeid, pattern) for pattern in self.allowed):
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
            self.unlisted.append((report.nodeid, str(reason)))

    def pytest_sessionfinish(self, session):
        if self.unlisted:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter):
        if not self.unlisted:
            return
        terminalreporter.section("skips not on the allow-list", red=True, bold=True)
        for nodeid, reason in self.unlisted:
            terminalreporter.line(f"{nodeid}: {reason}")
        terminalreporter.line(
            "A skip hides a regression: make the test run, or add its id and why it may skip "
            f"to tests/{SKIPS_ALLOWED.name}."
        )


def pytest_configure(config):
    ci = os.environ.get("CI", "").lower() not in {"", "0", "false", "no"}
    strict = ci or config.getoption("--strict-skips")
    if strict and getattr(config, "workerinput", None) is None:  # not in an xdist worker
        config.pluginmanager.register(SkipPolicy(allowed_skips()), "newsroom-skip-policy")
