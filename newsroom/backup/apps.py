from django.apps import AppConfig


class BackupConfig(AppConfig):
    name = "newsroom.backup"
    label = "backup"
    verbose_name = "Backups (one-file archive of the database and media)"
