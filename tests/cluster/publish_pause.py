"""Tests only: a pause inside every publish, within its transaction (a page_published receiver
runs there), so that a fault test can kill the server in the middle of one. Installed only by
``settings_faults.py``."""

import logging
import time

from django.apps import AppConfig
from django.conf import settings

logger = logging.getLogger(__name__)


def pause(sender, instance, **kwargs):
    delay = settings.PUBLISH_PAUSE_SECONDS
    logger.warning("Test publish delay: pausing %s s inside the publish of %r", delay, instance)
    time.sleep(delay)


class PublishPauseConfig(AppConfig):
    name = "tests.cluster.publish_pause"
    label = "publish_pause"

    def ready(self):
        from wagtail.signals import page_published

        page_published.connect(pause, weak=False, dispatch_uid="newsroom-test-publish-pause")
