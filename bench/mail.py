"""make bench-mail: one publish matching 100,000 subscribers, sent to a real SMTP server.

1. starts an aiosmtpd server in its own process (``newsroom.mailing.smtp_sink``), which logs
   the time it received each message, and for whom;
2. SQLite, one worker (``newsroom worker``, the embedded database task backend):
   ``bench/mail_publish.py`` publishes stories through the admin (a real POST) without
   subscribers, adds 100,000 confirmed subscribers who chose everything, and publishes one
   more; the bench waits until the server has a message for every one of them;
3. PostgreSQL (BENCH_MAIL_DATABASE_URL, default a database on the local server), two workers;
4. the floor, after each case: a bare ``smtplib`` loop sending that case's alert (the same
   bytes) over one connection to the same server;
5. prints the figures (publish request time without and with subscribers, time from the
   publish request to the first message received, messages a second, each worker's peak RSS)
   and their ratio to the floor, and writes them under bench/results/.

Environment: BENCH_MAIL_RECIPIENTS (100000), BENCH_MAIL_FLOOR (20000 messages),
BENCH_MAIL_DATABASE_URL (postgres://postgres@127.0.0.1:5432/newsroom_mailbench; "off" skips
PostgreSQL), BENCH_MAIL_SQLITE ("off" skips SQLite), BENCH_MAIL_PROFILE (1: py-spy, when
installed, samples each worker; BENCH_MAIL_PROFILE_SECONDS=N: only the first N seconds of
sending), BENCH_DATA (./bench-data).
"""

import datetime
import json
import os
import platform
import shutil
import signal
import smtplib
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
RECIPIENTS = int(os.environ.get("BENCH_MAIL_RECIPIENTS", "100000"))
FLOOR_MESSAGES = int(os.environ.get("BENCH_MAIL_FLOOR", "20000"))
PG_URL = os.environ.get(
    "BENCH_MAIL_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_mailbench"
)
PROFILE = os.environ.get("BENCH_MAIL_PROFILE", "") == "1"
PROFILE_SECONDS = os.environ.get("BENCH_MAIL_PROFILE_SECONDS", "")  # only the first N seconds
SQLITE = os.environ.get("BENCH_MAIL_SQLITE", "on")
DATA = Path(os.environ.get("BENCH_DATA", ROOT / "bench-data")).resolve() / "mail"
HOST = "127.0.0.1"
sys.path.insert(0, str(ROOT))


def say(message):
    print(f"bench-mail: {message}", flush=True)


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def base_env(data_dir, smtp_port, **extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("NEWSROOM_", "EMAIL_", "DJANGO_"))
        and key not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY"}
    }
    env.update(
        NEWSROOM_DATA_DIR=str(data_dir), NEWSROOM_DEMO="0", LOG_LEVEL="WARNING",
        EMAIL_HOST=HOST, EMAIL_PORT=str(smtp_port), DEFAULT_FROM_EMAIL="newsroom@news.example.org",
        DJANGO_SETTINGS_MODULE="newsroom.settings",
    )  # fmt: skip
    env.update(extra)
    return env


class Sink:
    def __init__(self, folder):
        self.folder = Path(folder)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.port = free_port()
        self.process = subprocess.Popen(
            [VENV_BIN / "python", "-m", "newsroom.mailing.smtp_sink", "--port", str(self.port),
             "--folder", str(self.folder)], cwd=ROOT,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while not (self.folder / "ready").exists():
            if time.monotonic() > deadline:
                raise SystemExit("the SMTP sink did not start")
            time.sleep(0.05)

    def lines(self):
        log = self.folder / "received.log"
        return log.read_text().splitlines() if log.exists() else []

    def reset(self):
        (self.folder / "received.log").write_text("")

    def stop(self):
        self.process.terminate()
        self.process.wait(10)


def peak_rss_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def floor(sink, raw):
    sink.reset()
    client = smtplib.SMTP(HOST, sink.port)
    started = time.perf_counter()
    for number in range(FLOOR_MESSAGES):
        client.sendmail("newsroom@news.example.org", [f"floor{number}@example.org"], raw)
    seconds = time.perf_counter() - started
    client.quit()
    return round(FLOOR_MESSAGES / seconds, 1)


def wait_for(sink, count, workers, timeout):
    deadline = time.monotonic() + timeout
    peaks = {}
    while True:
        for worker in workers:
            peaks[worker.pid] = peak_rss_mb(worker.pid) or peaks.get(worker.pid)
        lines = sink.lines()
        if len(lines) >= count:
            return lines, list(peaks.values())
        if time.monotonic() > deadline:
            raise SystemExit(f"only {len(lines)} of {count} messages arrived in {timeout} s")
        for worker in workers:
            if worker.poll() is not None:
                raise SystemExit(f"a worker exited ({worker.returncode}); see {DATA}/*.log")
        time.sleep(0.25)


def profile(worker, name):
    """BENCH_MAIL_PROFILE=1: py-spy samples the worker while it sends (a flame graph per
    worker, DATA/<case>-worker<n>.txt in py-spy's "raw" collapsed-stack format)."""
    if not PROFILE:
        return None
    return subprocess.Popen(
        [VENV_BIN / "py-spy", "record", "--pid", str(worker.pid), "--rate", "200", "--format",
         "raw", "--output", str(DATA / f"{name}.txt"), "--nonblocking",
         *(["--duration", PROFILE_SECONDS] if PROFILE_SECONDS else [])],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def run_case(name, env, workers_count, sink):
    say(f"{name}: {workers_count} worker(s), publishing to {RECIPIENTS:,} subscribers")
    sink.reset()
    logs = [open(DATA / f"{name}-worker{n}.log", "wb") for n in range(workers_count)]  # noqa: SIM115
    workers = [
        subprocess.Popen(
            [VENV_BIN / "newsroom", "worker"],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        for log in logs
    ]
    sample = DATA / f"{name}-message.eml"
    try:
        published = subprocess.run(
            [VENV_BIN / "python", ROOT / "bench" / "mail_publish.py", "--subscribers",
             str(RECIPIENTS), "--sample", str(sample)], env=env, cwd=ROOT, check=True,
            stdout=subprocess.PIPE, text=True,
        ).stdout  # fmt: skip
        facts = json.loads(published.strip().splitlines()[-1])
        say(
            f"{name}: published in {facts['publish_with_subscribers_ms']:.0f} ms "
            f"(without subscribers {facts['publish_without_subscribers_ms']} ms); sending"
        )
        profilers = [profile(worker, f"{name}-worker{n}") for n, worker in enumerate(workers)]
        lines, peaks = wait_for(sink, RECIPIENTS, workers, timeout=max(600, RECIPIENTS / 50))
        for profiler in filter(None, profilers):
            profiler.send_signal(signal.SIGINT)  # py-spy writes its file on SIGINT
            profiler.wait(60)
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            try:
                worker.wait(20)
            except subprocess.TimeoutExpired:
                worker.kill()
        for log in logs:
            log.close()
    times = sorted(float(line.split("\t")[3]) for line in lines)
    recipients = {line.split("\t")[1] for line in lines}
    published_at = facts["published_at"]
    raw = sample.read_bytes()
    say(f"{name}: floor, a bare smtplib loop, {FLOOR_MESSAGES:,} messages of {len(raw)} bytes")
    return {
        "case": name,
        "workers": workers_count,
        "recipients": RECIPIENTS,
        "received": len(lines),
        "distinct_recipients": len(recipients),
        "message_bytes": len(raw),
        "publish_warm_up_ms": facts["publish_warm_up_ms"],
        "publish_without_subscribers_ms": facts["publish_without_subscribers_ms"],
        "publish_with_subscribers_ms": facts["publish_with_subscribers_ms"],
        "first_message_s": round(times[0] - published_at, 3),
        "all_sent_s": round(times[-1] - published_at, 2),
        "messages_per_second": round(len(lines) / (times[-1] - times[0]), 1),
        "peak_rss_mb": peaks,
        "floor_messages_per_second": floor(sink, raw),
        "load_average_after": list(os.getloadavg()),
    }


def prepare_sqlite(folder):
    from conftest import migrated_sqlite_template

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "newsroom.sqlite3").unlink(missing_ok=True)
    shutil.copyfile(migrated_sqlite_template(), folder / "newsroom.sqlite3")


def prepare_postgres(env):
    name = PG_URL.rsplit("/", 1)[1]
    admin = PG_URL.rsplit("/", 1)[0] + "/postgres"
    import psycopg

    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not exists.fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
    say("PostgreSQL: migrating (quick once done)")
    subprocess.run([VENV_BIN / "python", ROOT / "manage.py", "migrate", "--no-input", "-v", "0"],
                   env=env, cwd=ROOT, check=True)  # fmt: skip
    with psycopg.connect(PG_URL, autocommit=True) as connection:
        connection.execute(
            "TRUNCATE mailing_delivery, mailing_dispatch, mailing_suppression, "
            "django_tasks_database_dbtaskresult, alerts_choice, alerts_subscriber CASCADE"
        )


def main():
    DATA.mkdir(parents=True, exist_ok=True)
    sink = Sink(DATA / "smtp")
    results = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.node()} {os.cpu_count()} CPUs, {platform.python_version()}",
        "note": "2 cores shared with other sessions' test runs; the floor is measured in the "
        "same run, right after each case",
        "load_average": list(os.getloadavg()),
        "recipients": RECIPIENTS,
        "cases": [],
    }
    try:
        if SQLITE != "off":
            sqlite_dir = DATA / "sqlite"
            prepare_sqlite(sqlite_dir)
            env = base_env(sqlite_dir, sink.port, ALLOWED_HOSTS="127.0.0.1,testserver")
            results["cases"].append(run_case("SQLite", env, 1, sink))
        if PG_URL != "off":
            env = base_env(
                DATA / "postgres", sink.port, DATABASE_URL=PG_URL, SECRET_KEY="bench-only-secret",  # noqa: S106
                NEWSROOM_TASK_BACKEND="database", ALLOWED_HOSTS="127.0.0.1,testserver",
            )  # fmt: skip
            (DATA / "postgres").mkdir(exist_ok=True)
            prepare_postgres(env)
            results["cases"].append(run_case("PostgreSQL", env, 2, sink))
    finally:
        sink.stop()
    print()
    print(f"{'case':<11} {'workers':>7} {'publish ms':>10} {'w/o subs ms':>11} "
          f"{'first msg s':>11} {'msg/s':>7} {'floor/s':>7} {'x floor':>7} {'all sent s':>10} "
          f"{'peak RSS MB':>12}")  # fmt: skip
    for case in results["cases"]:
        case["ratio_to_floor"] = round(
            case["messages_per_second"] / case["floor_messages_per_second"], 2
        )
        without = sorted(case["publish_without_subscribers_ms"])[
            len(case["publish_without_subscribers_ms"]) // 2
        ]
        print(
            f"{case['case']:<11} {case['workers']:>7} {case['publish_with_subscribers_ms']:>10.1f} "
            f"{without:>11.1f} {case['first_message_s']:>11.2f} "
            f"{case['messages_per_second']:>7.0f} {case['floor_messages_per_second']:>7.0f} "
            f"{case['ratio_to_floor']:>7.2f} {case['all_sent_s']:>10.1f} "
            f"{'/'.join(str(p) for p in case['peak_rss_mb']):>12}"
        )
    print(
        f"publish ms: the admin's publish request with {RECIPIENTS:,} matching subscribers; "
        "w/o subs: the median without any; first msg: from the start of that request; "
        "floor: a bare smtplib loop, one connection, the same message, right after the case. "
        f"Load average at start {results['load_average'][0]:.1f} (2 cores shared with other "
        "sessions' tests)."
    )
    out = ROOT / "bench" / "results"
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H%M%S+0000")
    path = out / f"mail-{stamp}.json"
    path.write_text(json.dumps(results, indent=1) + "\n")
    say(f"written to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
