from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "newsroom.home"
    label = "home"
