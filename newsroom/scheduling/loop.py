"""The scheduler thread every server process runs: no cron job to set up.

Started by newsroom/wsgi.py (so by ``newsroom serve`` / ``newsroom run``, in every granian
worker). It sleeps until the next due time, at most NEWSROOM_SCHEDULER_INTERVAL seconds (1 s by
default, so an item published from another process is still picked up within a second), then
runs ``runner.run_due()`` under the shared lock, then the apps' periodic jobs (periodic.py). A
failure is logged and retried on the next round; it never stops the thread or the server.
"""

import logging
import threading

from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone

from . import periodic, runner

logger = logging.getLogger(__name__)
_started = threading.Lock()
_thread = None
_stop = threading.Event()


def start():
    """Start the scheduler thread once per process (no-op when switched off)."""
    global _thread
    if not settings.NEWSROOM_SCHEDULER:
        return None
    with _started:
        if _thread is None or not _thread.is_alive():
            _stop.clear()
            _thread = threading.Thread(target=_run, name="newsroom-scheduler", daemon=True)
            _thread.start()
    return _thread


def stop():
    _stop.set()


def _pause():
    """Seconds to sleep: until the next due time, capped at the interval."""
    cap = settings.NEWSROOM_SCHEDULER_INTERVAL
    upcoming = runner.next_due()
    if upcoming is None:
        return cap
    return max(0.05, min(cap, (upcoming - timezone.now()).total_seconds()))


def _run():
    pause = settings.NEWSROOM_SCHEDULER_INTERVAL
    while not _stop.wait(pause):
        pause = settings.NEWSROOM_SCHEDULER_INTERVAL
        try:
            close_old_connections()
            runner.run_due()
            periodic.run_due()
            pause = _pause()
        except Exception:
            logger.exception("Scheduled publishing failed; trying again shortly")
