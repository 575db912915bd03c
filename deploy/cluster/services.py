"""The services of a Newsroom cluster on one machine, started and stopped from Python.

Used by ``cluster.py`` (``make cluster``), ``loadtest.py`` (``make loadtest``) and the fault
tests (``tests/cluster/``), which also start a PostgreSQL and a Redis of their own so that they
can stop them without disturbing anyone else's.

* ``AppServer``  ``newsroom run`` (set up, then serve with granian) or ``newsroom serve``;
* ``Nginx``      nginx in front of the app servers, with a generated configuration;
* ``Varnish``    the edge cache in front of nginx (``varnish.vcl``);
* ``Postgres``   a private PostgreSQL cluster in a folder (``initdb`` + ``pg_ctl``);
* ``Redis``      a private ``redis-server`` without persistence.
"""

import contextlib
import os
import shutil
import signal
import socket
import string
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
PG_BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


class ServiceError(RuntimeError):
    pass


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def port_open(port, host=HOST):
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((host, port)) == 0


def wait_until(condition, timeout, what, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(interval)
    raise ServiceError(f"Timed out after {timeout} s waiting for {what}")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(url, headers=None, timeout=30, follow=True):
    """(status, headers, body text) of a GET, errors included; ``follow`` redirects or not."""
    request = urllib.request.Request(url, headers=headers or {})
    opener = urllib.request.build_opener() if follow else urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


def nginx_binary():
    found = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )
    if found is None:
        raise ServiceError("nginx is not installed: run `bash deploy/cluster/ensure-tools.sh`")
    return found


def postgres_bin(name):
    for folder in PG_BIN_DIRS:
        if (folder / name).exists():
            return str(folder / name)
    found = shutil.which(name)
    if found is None:
        raise ServiceError(f"PostgreSQL's {name} is not installed")
    return found


def postgres_available():
    try:
        postgres_bin("initdb")
        postgres_bin("pg_ctl")
    except ServiceError:
        return False
    return True


class Process:
    """A child process in its own session, so that it and its workers stop together."""

    def __init__(self, args, env, log_path, cwd=ROOT):
        self.args = [str(arg) for arg in args]
        self.env = env
        self.log_path = Path(log_path)
        self.cwd = cwd
        self.process = None

    def start(self):
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")  # noqa: SIM115 - kept open by the child
        self.process = subprocess.Popen(
            self.args, env=self.env, cwd=self.cwd, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        log.close()
        return self

    @property
    def pid(self):
        return self.process.pid

    def running(self):
        return self.process is not None and self.process.poll() is None

    def signal_group(self, signum):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signum)

    def stop(self, timeout=20):
        if not self.running():
            return
        self.signal_group(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.signal_group(signal.SIGKILL)
            self.process.wait(10)
        self.signal_group(signal.SIGKILL)  # granian workers left behind, if any

    def kill(self):
        """SIGKILL to the server and every worker at once: no chance to finish anything."""
        self.signal_group(signal.SIGKILL)
        self.process.wait(10)

    def log(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


class AppServer(Process):
    """One app server. ``command`` is "run" (set up, then serve) or "serve"."""

    def __init__(self, port, env, log_path, command="run", workers=2):
        env = {**env, "HOST": HOST, "PORT": str(port), "WEB_WORKERS": str(workers)}
        super().__init__([VENV_BIN / "newsroom", command], env, log_path)
        self.port = port
        self.url = f"http://{HOST}:{port}"

    def wait_ready(self, timeout=300):
        def ready():
            if not self.running():
                raise ServiceError(f"App server on {self.port} exited:\n{self.log()[-3000:]}")
            return port_open(self.port)

        wait_until(ready, timeout, f"the app server on port {self.port}")
        return self


class Nginx(Process):
    def __init__(self, port, upstream_ports, run_dir):
        self.run_dir = Path(run_dir)
        self.port = port
        self.url = f"http://{HOST}:{port}"
        conf = self.run_dir / "nginx.conf"
        super().__init__([nginx_binary(), "-c", conf, "-p", self.run_dir], os.environ.copy(),
                         self.run_dir / "nginx.log")  # fmt: skip
        self.upstream_ports = upstream_ports

    def start(self):
        self.run_dir.mkdir(parents=True, exist_ok=True)
        template = string.Template((Path(__file__).parent / "nginx.conf.template").read_text())
        servers = "\n".join(
            f"    server {HOST}:{port} max_fails=1 fail_timeout=2s;" for port in self.upstream_ports
        )
        # As root, nginx's workers would switch to "nobody", who cannot use the run folder.
        user_line = "user root;" if os.geteuid() == 0 else ""
        (self.run_dir / "nginx.conf").write_text(
            template.safe_substitute(
                run_dir=self.run_dir, servers=servers, host=HOST, port=self.port,
                user_line=user_line,
            )
        )  # fmt: skip
        super().start()
        wait_until(lambda: port_open(self.port) or self._exited(), 30, "nginx")
        return self

    def _exited(self):
        if not self.running():
            raise ServiceError(f"nginx exited:\n{self.log()}")
        return False


def varnish_binary():
    found = shutil.which("varnishd") or (
        "/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None
    )
    if found is None:
        raise ServiceError(
            "Varnish is not installed: run `bash deploy/cluster/ensure-tools.sh` "
            "(Debian packages varnish and varnish-modules)"
        )
    return found


class Varnish(Process):
    """Varnish in front of ``backend_port`` (the cluster's nginx), with the project's VCL."""

    def __init__(self, port, backend_port, run_dir, memory_mb=256):
        self.run_dir = Path(run_dir)
        self.port = port
        self.url = f"http://{HOST}:{port}"
        self.backend_port = backend_port
        self.vcl = self.run_dir / "varnish.vcl"
        # -j none: as root, the default jail would switch to a user who cannot use run_dir.
        # http_gzip_support off: the app compresses, and each encoding is its own copy.
        args = [
            varnish_binary(), "-F", "-a", f"{HOST}:{port}", "-f", self.vcl,
            "-n", self.run_dir / "work", "-s", f"malloc,{memory_mb}m",
            "-p", "http_gzip_support=off", "-T", "none",
            *(["-j", "none"] if os.geteuid() == 0 else []),
        ]  # fmt: skip
        super().__init__(args, os.environ.copy(), self.run_dir / "varnish.log")

    def start(self):
        self.run_dir.mkdir(parents=True, exist_ok=True)
        template = string.Template((Path(__file__).parent / "varnish.vcl").read_text())
        self.vcl.write_text(
            template.safe_substitute(backend_host=HOST, backend_port=self.backend_port, purgers="")
        )
        super().start()
        wait_until(lambda: port_open(self.port) or self._exited(), 30, "varnishd")
        return self

    def _exited(self):
        if not self.running():
            raise ServiceError(f"varnishd exited:\n{self.log()}")
        return False

    def purge(self, keys, soft=False):
        """Drop (or with ``soft`` expire, keeping them for grace) the objects carrying ``keys``."""
        header = "xkey-softpurge" if soft else "xkey-purge"
        request = urllib.request.Request(
            self.url + "/", method="PURGE", headers={header: " ".join(keys)}
        )
        with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310 - our own URL
            return answer.status

    def counters(self, *names):
        """varnishstat's counters, e.g. ``counters("MAIN.cache_hit", "MAIN.backend_req")``."""
        binary = shutil.which("varnishstat") or "/usr/bin/varnishstat"
        fields = [arg for name in names for arg in ("-f", name)]
        out = subprocess.run(
            [binary, "-n", self.run_dir / "work", "-1", *fields],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        return {line.split()[0]: int(line.split()[1]) for line in out.splitlines() if line}


class Postgres:
    """A private PostgreSQL in ``folder``, on ``port``; run as the ``postgres`` user under root."""

    def __init__(self, folder, port):
        self.folder = Path(folder)
        self.data = self.folder / "data"
        self.socket_dir = self.folder / "socket"
        self.port = port
        self.as_root = os.geteuid() == 0

    def url(self, database="postgres"):
        return f"postgres://postgres@{HOST}:{self.port}/{database}"

    def _run(self, *args, check=True):
        command = [str(arg) for arg in args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True)

    def init(self):
        self.socket_dir.mkdir(parents=True, exist_ok=True)
        if self.as_root:
            shutil.chown(self.folder, "postgres")
            shutil.chown(self.socket_dir, "postgres")
        self._run(postgres_bin("initdb"), "-D", self.data, "-U", "postgres", "--auth=trust",
                  "-E", "UTF8", "--no-sync")  # fmt: skip
        return self

    def start(self):
        options = (
            f"-p {self.port} -k {self.socket_dir} -c listen_addresses={HOST} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(postgres_bin("pg_ctl"), "-D", self.data, "-o", options, "-l",
                  self.folder / "postgres.log", "-w", "-t", "60", "start")  # fmt: skip
        return self

    def stop(self, mode="fast"):
        self._run(postgres_bin("pg_ctl"), "-D", self.data, "-m", mode, "-w", "stop", check=False)

    def create_database(self, name):
        self._run(postgres_bin("createdb"), "-h", HOST, "-p", self.port, "-U", "postgres", name)
        return self.url(name)


class Redis(Process):
    def __init__(self, port, log_path):
        binary = shutil.which("redis-server") or "redis-server"
        args = [binary, "--port", port, "--bind", HOST, "--save", "", "--appendonly", "no"]
        super().__init__(args, os.environ.copy(), log_path)
        self.port = port
        self.url = f"redis://{HOST}:{port}/0"

    def start(self):
        super().start()
        wait_until(lambda: port_open(self.port), 30, "redis-server")
        return self


def edge_env(edge_port):
    """What app servers behind the edge cache on ``edge_port`` need: where to purge, and one
    more proxy (Varnish, then nginx) in front of them."""
    return {"NEWSROOM_VARNISH_URL": f"http://{HOST}:{edge_port}", "NEWSROOM_TRUSTED_PROXIES": "2"}


def embedded_env(**extra):
    """This process's environment for a child newsroom in embedded mode (SQLite, no Redis):
    without the database, secret, Redis and settings variables a test run may have set."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "SECRET_KEY", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(extra)
    return env


def cluster_env(database_url, redis_url, data_dir, prefix, **extra):
    """The environment every app server of one cluster shares."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("NEWSROOM_", "DJANGO_")) and key not in {"DATABASE_URL", "REDIS_URL"}
    }
    env.update(
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        NEWSROOM_CACHE_PREFIX=prefix,
        NEWSROOM_DATA_DIR=str(data_dir),
        SECRET_KEY=os.environ.get("SECRET_KEY", "cluster-secret-" + prefix),
        # Behind nginx: the client's address is the last one nginx appended.
        NEWSROOM_TRUSTED_PROXIES="1",
        NEWSROOM_OFFLINE_EMBEDS="1",
        # One search index per server would miss the other servers' publishes.
        NEWSROOM_SEARCH_ENGINE="database",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # granian's threads per worker, each with its own PostgreSQL connection (CONN_MAX_AGE):
        # its default (up to 256) would use up the server's connections under load.
        GRANIAN_BLOCKING_THREADS=os.environ.get("GRANIAN_BLOCKING_THREADS", "8"),
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env
