from django.apps import AppConfig


class SyntheticConfig(AppConfig):
    name = "newsroom.synthetic"
    label = "synthetic"
    verbose_name = "Synthetic archives for development and benchmarks"
