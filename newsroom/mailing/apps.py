from django.apps import AppConfig


class MailingConfig(AppConfig):
    name = "newsroom.mailing"
    verbose_name = "Mailing"

    def ready(self):
        from . import webhooks  # noqa: F401 - connects anymail's tracking signal
