from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PushConfig(AppConfig):
    name = "newsroom.push"
    verbose_name = _("Webhooks and WebSub")

    def ready(self):
        from . import events  # noqa: F401 - connects the publish receivers and the retry round
