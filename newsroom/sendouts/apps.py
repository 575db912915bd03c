from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SendoutsConfig(AppConfig):
    name = "newsroom.sendouts"
    verbose_name = _("Media lists and send-outs")

    def ready(self):
        from . import publication  # noqa: F401 - connects the publish, unpublish and sent receivers
