from django.apps import AppConfig


class SchedulingConfig(AppConfig):
    name = "newsroom.scheduling"
    verbose_name = "Scheduling"
