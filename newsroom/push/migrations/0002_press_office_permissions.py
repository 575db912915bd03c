"""The press office (Wagtail's Moderators) registers webhook endpoints and reads their log."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [
    *(f"{action}_endpoint" for action in ("add", "change", "delete", "view")),
    "view_attempt",
]


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("push")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = Permission.objects.filter(content_type__app_label="push", codename__in=CODENAMES)
    for group in Group.objects.filter(name="Moderators"):
        group.permissions.add(*wanted)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Moderators"):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="push"))


class Migration(migrations.Migration):
    dependencies = [
        ("push", "0001_endpoints_events_deliveries"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0001_squashed_0016_change_page_url_path_to_text_field"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
