"""Publishing what is due and unpublishing what has expired, the way Wagtail does it.

``run_due()`` is Wagtail's ``publish_scheduled`` command (expired pages first, then due
revisions) called under the scheduler lock; the page_published / page_unpublished signals it
sends make the page cache fresh (newsroom/delivery/invalidation.py). ``next_due()`` says when
there is next something to do, so the loop can sleep until then.
"""

import io
import logging

from django.core.management import call_command
from django.db.models import Min
from django.utils import timezone
from wagtail.models import Page, Revision

from . import locks

logger = logging.getLogger(__name__)


def due_now(now=None):
    """Whether anything is to be published or unpublished now (two cheap indexed queries)."""
    now = now or timezone.now()
    return (
        Revision.objects.filter(approved_go_live_at__lt=now).exists()
        or Page.objects.filter(live=True, expire_at__lt=now).exists()
    )


def next_due():
    """The earliest future go-live or expiry time, or None."""
    now = timezone.now()
    go_live = Revision.objects.filter(approved_go_live_at__gte=now).aggregate(
        at=Min("approved_go_live_at")
    )["at"]
    expiry = Page.objects.filter(live=True, expire_at__gte=now).aggregate(at=Min("expire_at"))["at"]
    times = [moment for moment in (go_live, expiry) if moment]
    return min(times) if times else None


def run_due():
    """Publish and unpublish what is due, if this process gets the lock. Returns True if it did."""
    if not due_now():
        return False
    with locks.try_lock() as held:
        if not held:
            return False
        # Checked again inside the lock: another worker may just have done the work.
        if not due_now():
            return False
        output = io.StringIO()
        call_command("publish_scheduled", stdout=output)
        logger.info("Scheduled publishing ran (lock: %s)", locks.backend_name())
        return True
