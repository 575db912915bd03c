from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "newsroom.media"
    label = "media"
    verbose_name = "Media library"

    def ready(self):
        from . import uses  # registers the publish and unpublish receivers

        uses.connect()
