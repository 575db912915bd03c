"""Further links become translatable (TranslatableMixin): each gets its front page's locale and
a translation key shared with the link at the same position on the other languages' front
pages, so wagtail-localize pairs the existing English and French links on the next sync."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def fill_locale_and_key(apps, schema_editor):
    MoreLink = apps.get_model("home", "MoreLink")
    HomePage = apps.get_model("home", "HomePage")
    for home in HomePage.objects.all():
        links = MoreLink.objects.filter(page_id=home.pk).order_by("sort_order", "pk")
        for position, link in enumerate(links):
            link.locale_id = home.locale_id
            link.translation_key = uuid.uuid5(home.translation_key, f"more-link-{position}")
            link.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_featured_item_related_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="morelink",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="morelink",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(fill_locale_and_key, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="morelink",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="morelink",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="morelink",
            unique_together={("translation_key", "locale")},
        ),
    ]
