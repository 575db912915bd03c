from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "newsroom.images"
    label = "images"
    verbose_name = "Images"
