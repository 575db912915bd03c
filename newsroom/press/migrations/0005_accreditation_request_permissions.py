"""Wagtail's Editors and Moderators groups, who manage press accounts, decide accreditation
requests too (view and change; delete for a request sent by mistake or asked to be erased)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUPS = ("Editors", "Moderators")
CODENAMES = (
    "view_accreditationrequest",
    "change_accreditationrequest",
    "delete_accreditationrequest",
)


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("press")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="press", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("press", "0004_accreditation_requests"),
        ("press", "0002_journalists_group_and_editor_permissions"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
