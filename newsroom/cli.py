"""The ``newsroom`` command: set up, serve and look after a newsroom.

newsroom run [--demo]  set up (below), then serve with granian on HOST:PORT
newsroom setup [--demo]
                       migrate, collect static files, create the site (with the demo
                       newsroom when the database is empty and the demo is wanted), and an
                       admin if none exists. The demo is wanted by default in embedded mode
                       only; in production mode (DATABASE_URL set) ask for it with --demo
                       or NEWSROOM_DEMO=1; NEWSROOM_DEMO=0 turns it off everywhere
newsroom serve         serve only (production server, DEBUG off unless DEBUG=1); like
                       `run`, starts one mail worker beside the server (NEWSROOM_WORKER=0:
                       none, for a server whose mail a dedicated `newsroom worker` sends)
newsroom worker        run a background worker only: sends the mail (docs/operators/mail.md)
newsroom load-demo     load the demo newsroom into a newsroom without items (production
                       mode: with NEWSROOM_DEMO=1)
newsroom backup [FILE] write the database and media to one archive (README: Backups)
newsroom restore FILE  rebuild the site from an archive into an empty database
newsroom search-index rebuild|status
                       build the search index again from the database (a progress bar),
                       or show how many items it holds beside how many are visible
newsroom <django command> [args]   any manage.py command, e.g. ``newsroom createsuperuser``
"""

import os
import shutil
import subprocess
import sys

USAGE = __doc__
ALIASES = {"load-demo": "load_demo", "worker": "mail_worker", "search-index": "search_index"}


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()


def _call(*args):
    from django.core.management import call_command

    call_command(*args)


def demo_not_installed():
    from django.conf import settings

    if settings.EMBEDDED_MODE:
        return "The demo newsroom is switched off (NEWSROOM_DEMO=0): unset it to load the demo."
    return (
        "The demo newsroom is not installed: in production mode (DATABASE_URL is set) it is "
        "loaded only when asked for, as it includes a press account that can read embargoed "
        "items. To load it into this newsroom: NEWSROOM_DEMO=1 newsroom load-demo"
    )


def setup():
    _django()
    from newsroom.resilience.setup_lock import setup_lock

    # Several app servers may start at once on one database: one sets it up, the others wait.
    with setup_lock():
        _call("migrate", "--no-input", "-v", "0")
        collect_static_if_changed()
        _call("newsroom_setup")


def collect_static_if_changed():
    """Run collectstatic only when a static source file changed: it takes ~20 s every time."""
    import hashlib

    from django.conf import settings
    from django.contrib.staticfiles.finders import get_finders

    digest = hashlib.sha256()
    for finder in get_finders():
        for path, storage in finder.list(["CVS", ".*", "*~"]):
            stat = os.stat(storage.path(path))
            digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    stamp = settings.STATIC_ROOT / ".sources-fingerprint"
    fingerprint = digest.hexdigest()
    if stamp.exists() and stamp.read_text() == fingerprint:
        return
    print("Collecting static files...", flush=True)
    _call("collectstatic", "--no-input", "-v", "0")
    stamp.write_text(fingerprint)


def serve():
    host = os.environ.get("HOST", "127.0.0.1")
    port = os.environ.get("PORT", "8000")
    workers = os.environ.get("WEB_WORKERS", "2")
    for name, value in (("PORT", port), ("WEB_WORKERS", workers)):
        if not value.isdigit():
            sys.exit(f"{name} must be a whole number, not {value!r}.")
    granian = shutil.which("granian", path=os.path.dirname(sys.executable)) or shutil.which(
        "granian"
    )
    if granian is None:
        sys.exit("granian is not installed: run `make install` first.")
    start_worker()
    print(f"Newsroom is being served on http://{host}:{port}/ (Ctrl+C stops it)", flush=True)
    args = [
        granian,
        "--interface", "wsgi",
        "--host", host,
        "--port", port,
        "--workers", workers,
        "--no-ws",
        "newsroom.wsgi:application",
    ]  # fmt: skip
    os.execv(granian, args)  # noqa: S606 - replaces this process with the server


def start_worker():
    """One mail worker process beside granian: started here, before granian replaces this
    process, so there is one per server however many granian workers serve (a thread in
    wsgi.py would make one per granian worker). It stops when the server is gone."""
    if os.environ.get("NEWSROOM_WORKER", "1").strip().lower() in {"0", "false", "no", "off"}:
        return None
    return subprocess.Popen(  # noqa: S603 - our own interpreter and command
        [sys.executable, "-m", "newsroom.cli", "worker", "--parent", str(os.getpid())]
    )


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[0] if argv else "help"
    if command in {"help", "-h", "--help"}:
        print(USAGE)
        return 0
    if command in {"run", "setup"}:
        unknown = [option for option in argv[1:] if option != "--demo"]
        if unknown:
            sys.exit(f"newsroom {command}: unknown option {unknown[0]!r} (try: newsroom help)")
        if "--demo" in argv[1:]:
            os.environ["NEWSROOM_DEMO"] = "1"
    if command == "run":
        setup()
        serve()
    elif command == "setup":
        setup()
    elif command == "serve":
        serve()
    else:
        _django()
        from django.apps import apps

        if ALIASES.get(command, command) == "load_demo" and not apps.is_installed("demo"):
            sys.exit(demo_not_installed())
        from django.core.management import execute_from_command_line

        execute_from_command_line(["newsroom", ALIASES.get(command, command), *argv[1:]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
