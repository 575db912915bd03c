from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "newsroom.alerts"
    verbose_name = _("E-mail alerts")

    def ready(self):
        from . import publication  # noqa: F401 - connects the publish and delivery receivers
