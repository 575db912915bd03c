from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

DIGEST_CHECK_SECONDS = 60
PURGE_SECONDS = 3600


class AlertsConfig(AppConfig):
    name = "newsroom.alerts"
    verbose_name = _("E-mail alerts")

    def ready(self):
        from newsroom.scheduling import periodic

        from . import (
            publication,  # noqa: F401 - connects the publish and delivery receivers
            tasks,
        )

        periodic.every(DIGEST_CHECK_SECONDS, tasks.enqueue_digests)
        periodic.every(PURGE_SECONDS, tasks.enqueue_purge)
