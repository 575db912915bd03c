from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "newsroom.news"
    label = "news"

    def ready(self):
        from . import signals  # noqa: F401
