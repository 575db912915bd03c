"""Fixtures shared by every app's tests, private services (Redis) and the skip allow-list."""

import fnmatch
import os
import shutil
from pathlib import Path

import pytest
from django.core.cache import cache
from wagtail.embeds.finders import get_finders


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
    from newsroom.delivery import fragments, memo

    memo.clear()
    fragments.clear()
    # The page cache's warming thread renders with a database connection of its own, which does
    # not see a test's uncommitted rows; the tests that are about warming switch it on.
    settings.NEWSROOM_PAGE_CACHE_WARM_PAGES = 0


@pytest.fixture
def home(db):
    from newsroom.home.site_tree import ensure_site_tree

    page, _ = ensure_site_tree()
    return page


@pytest.fixture
def news_index(home):
    from newsroom.home.site_tree import news_index

    return news_index(home)


@pytest.fixture
def topic_index(home):
    from newsroom.home.site_tree import topic_index

    return topic_index(home)


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
        if not any(fnmatch.fnmatchcase(report.nodeid, pattern) for pattern in self.allowed):
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
