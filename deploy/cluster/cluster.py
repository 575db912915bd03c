"""make cluster: two app servers on this machine's PostgreSQL and Redis, nginx balancing them,
and Varnish in front of nginx as the edge cache (readers' entry point).

    python deploy/cluster/cluster.py start    set up (once, under a lock) and start everything
    python deploy/cluster/cluster.py stop     stop what `start` started
    python deploy/cluster/cluster.py status

Environment (defaults in brackets):
    DATABASE_URL        [postgres://postgres@127.0.0.1:5432/newsroom_cluster], created if missing
    REDIS_URL           [redis://127.0.0.1:6379/0]
    CLUSTER_PORT        [8500] nginx; the app servers listen on the next two ports
    CLUSTER_EDGE_PORT   [8580] Varnish, in front of nginx; purged by the app servers
    CLUSTER_SERVERS     [2] app servers;   WEB_WORKERS [2] workers each
    CLUSTER_DIR         [data/cluster] logs, pid files, nginx's configuration, the data folder
    SECRET_KEY          [generated once into CLUSTER_DIR]
"""

import json
import os
import secrets
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import psycopg
from psycopg import sql

from deploy.cluster import services

ROOT = services.ROOT


def settings_from_env():
    run_dir = Path(os.environ.get("CLUSTER_DIR", ROOT / "data" / "cluster")).resolve()
    return {
        "database_url": os.environ.get(
            "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_cluster"
        ),
        "redis_url": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "port": int(os.environ.get("CLUSTER_PORT", "8500")),
        "edge_port": int(os.environ.get("CLUSTER_EDGE_PORT", "8580")),
        "servers": int(os.environ.get("CLUSTER_SERVERS", "2")),
        "workers": int(os.environ.get("WEB_WORKERS", "2")),
        "run_dir": run_dir,
    }


def ensure_database(url):
    """Create the database named in ``url`` if the server does not have it yet."""
    name = url.rsplit("/", 1)[1].split("?", 1)[0]
    maintenance = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(maintenance, autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if found.fetchone() is None:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"Created database {name}")


def secret_key(run_dir):
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = run_dir / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def start(config, extra_env=None):
    run_dir = config["run_dir"]
    state_file = run_dir / "cluster.json"
    if state_file.exists():
        sys.exit(f"A cluster is already running (see {state_file}): stop it first.")
    run_dir.mkdir(parents=True, exist_ok=True)
    ensure_database(config["database_url"])
    env = services.cluster_env(
        config["database_url"], config["redis_url"], run_dir / "data", f"newsroom-{run_dir.name}",
        # Production mode asks for the demo newsroom explicitly: this cluster is for trying.
        SECRET_KEY=secret_key(run_dir),
        **{"NEWSROOM_DEMO": "1", **services.edge_env(config["edge_port"]), **(extra_env or {})},
    )  # fmt: skip
    ports = [config["port"] + number + 1 for number in range(config["servers"])]
    servers = []
    for number, port in enumerate(ports, start=1):
        # Every server runs the full `newsroom run`: the first sets the database up, the
        # others wait for it on the set-up lock and find nothing left to do.
        server = services.AppServer(
            port, env, run_dir / f"server-{number}.log", workers=config["workers"]
        ).start()
        servers.append(server)
    for server in servers:
        server.wait_ready(timeout=900)
    nginx = services.Nginx(config["port"], ports, run_dir / "nginx").start()
    edge = services.Varnish(config["edge_port"], config["port"], run_dir / "varnish").start()
    state = {
        "edge": {"pid": edge.pid, "url": edge.url},
        "nginx": {"pid": nginx.pid, "url": nginx.url},
        "servers": [{"pid": server.pid, "url": server.url} for server in servers],
        "started": time.time(),
    }
    state_file.write_text(json.dumps(state, indent=2))
    print(f"Cluster running: Varnish on {edge.url}/ (the readers' address), in front of")
    print(f"nginx on {nginx.url}/, in front of")
    for server in servers:
        print(f"  {server.url}/  (log: {server.log_path})")
    print("Stop it with: make cluster-stop")
    return env, servers, nginx, edge


def processes(state):
    """What `start` started, front first (a state file from before the edge cache has none)."""
    return [*([state["edge"]] if "edge" in state else []), state["nginx"], *state["servers"]]


def stop(config):
    state_file = config["run_dir"] / "cluster.json"
    if not state_file.exists():
        print("No cluster is running.")
        return
    state = json.loads(state_file.read_text())
    for entry in processes(state):
        try:
            os.killpg(entry["pid"], 15)  # each was started in a session of its own
        except ProcessLookupError:
            continue
        for _ in range(100):
            try:
                os.killpg(entry["pid"], 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
    state_file.unlink()
    print("Cluster stopped.")


def status(config):
    state_file = config["run_dir"] / "cluster.json"
    if not state_file.exists():
        print("No cluster is running.")
        return 1
    state = json.loads(state_file.read_text())
    for entry in processes(state):
        answer = services.get(entry["url"] + "/en/", timeout=10)[0]
        print(f"{entry['url']}/en/ -> {answer}")
    return 0


def main(argv):
    command = argv[1] if len(argv) > 1 else "help"
    config = settings_from_env()
    if command == "start":
        start(config)
    elif command == "stop":
        stop(config)
    elif command == "status":
        return status(config)
    else:
        print(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
