from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "newsroom.dashboard"
    label = "dashboard"
    verbose_name = "Press office dashboard"
