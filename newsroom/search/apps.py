from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "newsroom.search"
    label = "newsroom_search"
