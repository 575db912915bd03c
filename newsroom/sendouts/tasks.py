"""Background work of send-outs (Django's task framework, mailing's "background" backend): the
admin's send button only marks the send-out and enqueues; these run in a worker."""

from django_tasks import task

from . import sending

BACKEND = "background"


@task(backend=BACKEND)
def send(sendout_id):
    return sending.go(sendout_id)


@task(backend=BACKEND)
def item_public(page_id):
    """The item became public: the send-outs waiting for it go to everyone not yet sent it."""
    return sum(sending.go(sendout.pk) for sendout in sending.waiting_for(page_id))


@task(backend=BACKEND)
def send_correction(sendout_id, note):
    return sending.correct(sendout_id, note)
