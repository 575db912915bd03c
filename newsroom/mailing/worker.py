"""The mail worker: the task backend's own worker loop, plus the sweeper thread.

``run()`` starts a thread that calls ``tasks.sweep()`` every NEWSROOM_MAIL_SWEEP_INTERVAL
seconds (claims of dead workers given back, retries whose time has come enqueued), then runs
the worker of the "background" task backend in this thread: django-tasks-db's ``Worker``
(polling every NEWSROOM_WORKER_INTERVAL seconds) or RQ's worker (``SimpleWorker``: tasks run in
this process, no fork per task, so one database connection and one SMTP connection per batch).

``parent``: the process id of the ``newsroom serve`` that started this worker; when that
process is gone (its pid is no longer our parent's), the worker stops by itself.
"""

import logging
import os
import signal
import threading

from django.conf import settings
from django.db import close_old_connections

from . import sender, tasks

logger = logging.getLogger(__name__)


def _sweeper(stop):
    while not stop.wait(settings.NEWSROOM_MAIL_SWEEP_INTERVAL):
        try:
            close_old_connections()
            tasks.sweep()
        except Exception:
            logger.exception("The mail sweeper failed; trying again shortly")


def _watch_parent(parent, stop):
    while not stop.wait(1):
        if os.getppid() != parent:
            logger.info("The server that started this worker is gone: stopping")
            os.kill(os.getpid(), signal.SIGTERM)
            return


def run(parent=None):
    stop = threading.Event()
    threading.Thread(target=_sweeper, args=(stop,), name="mail-sweeper", daemon=True).start()
    if parent:
        threading.Thread(
            target=_watch_parent, args=(parent, stop), name="parent-watch", daemon=True
        ).start()
    logger.info(
        "Mail worker %s (%s backend) started", sender.WORKER_ID, settings.NEWSROOM_TASK_BACKEND
    )
    try:
        if settings.NEWSROOM_TASK_BACKEND == "rq":
            _run_rq()
        else:
            _run_database()
    finally:
        stop.set()


def _run_database():
    # A management command's module: imported only when this backend's worker runs.
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["default"], interval=settings.NEWSROOM_WORKER_INTERVAL, batch=False,
        backend_name=tasks.BACKEND, startup_delay=False, max_tasks=None,
        worker_id=sender.WORKER_ID[:64], excluded_queue_names=[],
    )  # fmt: skip
    worker.configure_signals()
    worker.run()


def _run_rq():
    # django_rq needs RQ_QUEUES, which the settings define only for the RQ backend.
    import django_rq
    from rq.worker import SimpleWorker

    queue = django_rq.get_queue("default")
    worker = SimpleWorker([queue], connection=queue.connection, name=sender.WORKER_ID[:64])
    worker.work(with_scheduler=True, logging_level="WARNING")
