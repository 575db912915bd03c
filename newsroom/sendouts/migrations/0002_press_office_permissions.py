"""The press office (Wagtail's Moderators, who publish) keeps the media contacts and lists and
sends; Editors, who write but do not publish, may read them and prepare send-outs, not send."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ("mediacontact", "medialist", "sendout")
GRANTS = {
    "Moderators": [f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")],
    "Editors": [f"view_{model}" for model in MODELS] + ["add_sendout", "change_sendout"],
}


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("sendouts")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        wanted = Permission.objects.filter(content_type__app_label="sendouts", codename__in=codenames)
        for group in Group.objects.filter(name=name):
            group.permissions.add(*wanted)


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=list(GRANTS)):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="sendouts"))


class Migration(migrations.Migration):
    dependencies = [
        ("sendouts", "0001_contacts_lists_sendouts"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0001_squashed_0016_change_page_url_path_to_text_field"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
