"""The press office (Wagtail's Moderators, who publish) reads the alert subscribers, exports and
deletes them (GDPR), and reads the suppression list. Editors, who only write, do not: the list
is personal data. Adding or editing subscribers is nobody's (double opt-in)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PRESS_OFFICE = "Moderators"
PERMISSIONS = (
    ("alerts", "view_subscriber"),
    ("alerts", "delete_subscriber"),
    ("mailing", "view_suppression"),
)


def forwards(apps, schema_editor):
    for label in {app for app, _codename in PERMISSIONS}:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in PERMISSIONS
    ]
    for group in Group.objects.filter(name=PRESS_OFFICE):
        group.permissions.add(*wanted)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=PRESS_OFFICE):
        for app, codename in PERMISSIONS:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label=app, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0001_subscribers_and_choices"),
        ("mailing", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0001_squashed_0016_change_page_url_path_to_text_field"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
