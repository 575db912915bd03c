from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "newsroom.search"
    label = "newsroom_search"

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers (Django's registration)
