from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "newsroom.core"
    label = "core"

    def ready(self):
        from . import checks  # noqa: F401 - registering the settings check is importing it
