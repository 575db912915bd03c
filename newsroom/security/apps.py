from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "newsroom.security"
    label = "newsroom_security"
