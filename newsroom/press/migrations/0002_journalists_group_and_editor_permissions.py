"""The "Accredited journalists" group (no permissions: no admin access), and the permission for
Wagtail's Editors and Moderators groups to manage press accounts and read the audit log."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

JOURNALISTS = "Accredited journalists"
EDITOR_GROUPS = ("Editors", "Moderators")
CODENAMES = (
    "add_pressaccount",
    "change_pressaccount",
    "delete_pressaccount",
    "view_pressaccount",
    "view_auditentry",
)


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("press")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.get_or_create(name=JOURNALISTS)
    permissions = Permission.objects.filter(
        content_type__app_label="press", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*permissions)


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=JOURNALISTS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("press", "0001_press_accounts_and_audit_log"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0001_squashed_0016_change_page_url_path_to_text_field"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
