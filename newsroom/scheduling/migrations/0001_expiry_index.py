# The scheduler asks every second whether a live page has expired (runner.due_now) and when the
# next one will (runner.next_due); Wagtail does not index wagtailcore_page.expire_at, so each
# question read every page (30 ms on 100,000 items, in every worker). A partial index holds only
# the few pages that have an expiry time. Same SQL on SQLite and PostgreSQL.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS newsroom_page_expire_at "
            "ON wagtailcore_page (expire_at) WHERE expire_at IS NOT NULL",
            "DROP INDEX IF EXISTS newsroom_page_expire_at",
        )
    ]
