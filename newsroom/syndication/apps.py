from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    name = "newsroom.syndication"
    label = "syndication"
    verbose_name = "Syndication"
