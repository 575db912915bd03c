from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SendoutsConfig(AppConfig):
    name = "newsroom.sendouts"
    verbose_name = _("Media lists and send-outs")

    def ready(self):
        # Connects the receivers: the accreditation, publish, unpublish and sent signals.
        from . import accredited, publication  # noqa: F401
