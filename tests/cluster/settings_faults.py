"""Settings for an app server under a fault test: the production settings, plus a pause inside
every publish (``publish_pause.py``), so that a test can kill the server in the middle of one.

Selected per server with ``DJANGO_SETTINGS_MODULE=tests.cluster.settings_faults`` and the
repository on ``PYTHONPATH`` (``FAULT_SETTINGS`` in conftest.py); never part of the product."""

from newsroom.settings import *  # noqa: F403
from newsroom.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.cluster.publish_pause.PublishPauseConfig"]

# How long every publish pauses inside its transaction.
PUBLISH_PAUSE_SECONDS = 120
