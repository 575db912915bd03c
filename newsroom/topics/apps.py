from django.apps import AppConfig


class TopicsConfig(AppConfig):
    name = "newsroom.topics"
    label = "topics"
