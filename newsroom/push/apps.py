from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

SWEEP_SECONDS = 5


class PushConfig(AppConfig):
    name = "newsroom.push"
    verbose_name = _("Webhooks and WebSub")

    def ready(self):
        from newsroom.scheduling import periodic

        from . import events, tasks  # events: connects the publish receivers

        assert events
        periodic.every(SWEEP_SECONDS, tasks.enqueue_due)
