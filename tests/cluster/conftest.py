"""Real services for the cluster and fault tests: a private PostgreSQL and Redis per run, so a
test can stop them without disturbing anyone else's, and app servers started with the
``newsroom`` command behind nginx (deploy/cluster/services.py).

``private_redis`` (a redis-server of the test's own) lives in the top-level conftest.py, shared
with the apps' Redis tests. ``cluster`` starts N app servers on one database and one Redis:
reuse it for any check that needs several servers (e.g. the scheduler publishing once)."""

import itertools
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from deploy.cluster import services
from deploy.cluster.editor import AdminSession, create_editor, news_index_id

needs_postgres = pytest.mark.skipif(
    not services.postgres_available(), reason="PostgreSQL's initdb/pg_ctl are not installed"
)
needs_redis = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="redis-server is not installed"
)
needs_varnish = pytest.mark.skipif(
    shutil.which("varnishd") is None and not Path("/usr/sbin/varnishd").exists(),
    reason="Varnish is not installed (bash deploy/cluster/ensure-tools.sh)",
)
needs_nginx = pytest.mark.skipif(
    shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists(),
    reason="nginx is not installed (bash deploy/cluster/ensure-tools.sh)",
)
_names = itertools.count(1)
# The environment that gives an app server settings_faults.py: every publish pauses inside it.
FAULT_SETTINGS = {
    "DJANGO_SETTINGS_MODULE": "tests.cluster.settings_faults",
    "PYTHONPATH": str(services.ROOT),
}


@pytest.fixture(scope="session")
def private_postgres():
    if not services.postgres_available():
        pytest.skip("PostgreSQL's initdb/pg_ctl are not installed")
    folder = Path(tempfile.mkdtemp(prefix="newsroom-cluster-pg-"))
    server = services.Postgres(folder, services.free_port()).init().start()
    yield server
    server.stop(mode="immediate")
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def set_up_template(private_postgres, tmp_path_factory):
    """A database set up once by `newsroom setup` (demo included), copied for each test."""
    url = private_postgres.create_database("newsroom_template")
    data_dir = tmp_path_factory.mktemp("template-data")
    # Production mode: the demo is loaded only when asked for.
    env = services.cluster_env(url, "", data_dir, "template", NEWSROOM_DEMO="1")
    subprocess.run(
        [services.VENV_BIN / "newsroom", "setup"], env=env, check=True, capture_output=True
    )
    return "newsroom_template", data_dir


class Cluster:
    def __init__(self, postgres, redis, folder):
        self.postgres, self.redis, self.folder = postgres, redis, Path(folder)
        self.servers, self.nginx, self.edge = [], None, None
        self.database = f"newsroom_cluster_{next(_names)}"
        self.data_dir = self.folder / "data"
        self.env = None

    def prepare(self, template=None, **extra_env):
        """A database of its own: empty, or a copy of ``template`` (name, data folder)."""
        if template:
            template, template_data = template
            # The demo's images live in the data folder beside the database that names them.
            shutil.copytree(template_data / "media", self.data_dir / "media")
            self.postgres._run(
                services.postgres_bin("createdb"), "-h", services.HOST, "-p",
                self.postgres.port, "-U", "postgres", "-T", template, self.database,
            )  # fmt: skip
            self.database_url = self.postgres.url(self.database)
        else:
            self.database_url = self.postgres.create_database(self.database)
        self.env = services.cluster_env(
            self.database_url, self.redis.url, self.data_dir, self.database, **extra_env
        )
        return self

    def start_servers(self, count=2, command="run", wait=True, **extra_env):
        started = []
        env = {**self.env, **{key: str(value) for key, value in extra_env.items()}}
        for number in range(count):
            server = services.AppServer(
                services.free_port(), env,
                self.folder / f"server-{len(self.servers) + number + 1}.log", command=command,
            ).start()  # fmt: skip
            started.append(server)
        self.servers.extend(started)
        if wait:
            for server in started:
                server.wait_ready()
        return started

    def start_nginx(self):
        ports = [server.port for server in self.servers]
        self.nginx = services.Nginx(services.free_port(), ports, self.folder / "nginx").start()
        return self.nginx

    def start_edge(self, port):
        """Varnish on ``port`` in front of nginx (prepare() with services.edge_env(port))."""
        self.edge = services.Varnish(port, self.nginx.port, self.folder / "varnish").start()
        return self.edge

    def editor(self, server=None):
        username, password = create_editor(self.env)
        return AdminSession((server or self.servers[0]).url, username, password)

    def news_index_id(self):
        return news_index_id(self.database_url)

    def stop(self):
        if self.edge is not None:
            self.edge.stop()
        if self.nginx is not None:
            self.nginx.stop()
        for server in self.servers:
            server.stop()


@pytest.fixture
def cluster(private_postgres, private_redis, tmp_path):
    running = Cluster(private_postgres, private_redis, tmp_path)
    yield running
    running.stop()
