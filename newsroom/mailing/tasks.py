"""The background tasks of mailing, on the "background" task backend (settings.TASKS):
django-tasks-db's database backend by default, RQ's when configured (docs/decisions/0004).

``start_sending`` enqueues up to NEWSROOM_MAIL_PARALLEL tasks for a released dispatch, so that
as many idle workers share it (each claims its own batches); a lone worker runs them one after
the other, the later ones finding nothing left to do.
"""

import math

from django.conf import settings
from django.core.cache import cache
from django_tasks import task

from . import sender

BACKEND = "background"


@task(backend=BACKEND)
def send_dispatch(dispatch_id):
    return sender.send_dispatch(dispatch_id)


def start_sending(dispatch_id, pending):
    parallel = min(settings.NEWSROOM_MAIL_PARALLEL, math.ceil(pending / sender.batch_size()))
    for _ in range(max(1, parallel)):
        send_dispatch.enqueue(dispatch_id)


def sweep():
    """Enqueue a send task for each dispatch with due work nobody is on; at most one per
    dispatch per claim timeout, whichever worker's sweeper sees it first."""
    enqueued = 0
    for dispatch_id in sender.sweep():
        if cache.add(
            f"newsroom-mailing-swept:{dispatch_id}", 1, settings.NEWSROOM_MAIL_CLAIM_TIMEOUT
        ):
            send_dispatch.enqueue(dispatch_id)
            enqueued += 1
    return enqueued
