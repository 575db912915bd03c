"""The mail worker: the task backend's own worker loop, plus the sweeper thread.

``run()`` starts a thread that calls ``tasks.sweep()`` every NEWSROOM_MAIL_SWEEP_INTERVAL
seconds (claims of dead workers given back, retries whose time has come enqueued), then runs
the worker of the "background" task backend in this thread: django-tasks-db's ``Worker``
(polling every NEWSROOM_WORKER_INTERVAL seconds; TASK_LOOPS of them, one thread each) or RQ's
worker (``SimpleWorker``: tasks run in this process, no fork per task, so one database
connection and one SMTP connection per batch).

``parent``: the process id of the ``newsroom serve`` that started this worker; when that
process is gone (its pid is no longer our parent's), the worker stops by itself.
"""

import logging
import os
import signal
import threading

from django.conf import settings
from django.db import close_old_connections, connection

from . import sender, tasks

logger = logging.getLogger(__name__)
# Task loops of the database backend's worker in one process: a long task (the fan-out of an
# item to 100,000 subscribers) does not hold up the sending, which starts with its first chunk.
TASK_LOOPS = 2


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

    def loop(number):
        return Worker(
            queue_names=["default"], interval=settings.NEWSROOM_WORKER_INTERVAL, batch=False,
            backend_name=tasks.BACKEND, startup_delay=False, max_tasks=None,
            worker_id=f"{sender.WORKER_ID[:60]}/{number}", excluded_queue_names=[],
        )  # fmt: skip

    main, *others = [loop(number) for number in range(TASK_LOOPS)]
    threads = [
        threading.Thread(target=_other_loop, args=(other,), name=f"tasks-{n}", daemon=True)
        for n, other in enumerate(others, 1)
    ]
    for thread in threads:
        thread.start()
    main.configure_signals()
    try:
        main.run()
    finally:
        # Stopping: the other loops finish the task they are on, as the main one does.
        for other in others:
            other.running = False
        for thread in threads:
            thread.join()


def _other_loop(worker):
    try:
        worker.run()
    except Exception:
        logger.exception("A task loop of the mail worker failed")
    finally:
        connection.close()  # this thread's own database connection


def _run_rq():
    # django_rq needs RQ_QUEUES, which the settings define only for the RQ backend.
    import django_rq
    from django_tasks_rq import Job
    from rq.worker import SimpleWorker

    # django-tasks-rq's Job runs the task (RQ's own calls it, and a Task is not callable).
    queue = django_rq.get_queue("default", job_class=Job)
    worker = SimpleWorker(
        [queue], connection=queue.connection, name=sender.WORKER_ID[:64], job_class=Job
    )
    worker.work(with_scheduler=True, logging_level="WARNING")
