"""First-run set-up, safe to repeat: site skeleton, demo content into an empty site, an admin."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from newsroom.home.site_tree import ensure_site_tree
from newsroom.news.workflow import ensure_press_review

NO_DEMO = (
    "An empty newsroom was set up: the demo was not asked for. To load the demo newsroom "
    "(ten items, topics, people, and a press account that can read embargoed items), run "
    "`NEWSROOM_DEMO=1 newsroom load-demo` while no item exists."
)


class Command(BaseCommand):
    help = (
        "Create the site skeleton, the demo newsroom (empty database only, when NEWSROOM_DEMO "
        "is on: the default in embedded mode only) and an admin account."
    )

    def handle(self, *args, **options):
        # One transaction: if loading the demo fails, the next run starts again from empty.
        with transaction.atomic():
            home, created = ensure_site_tree()
            ensure_press_review()
            if created and settings.NEWSROOM_DEMO:
                # Here, not at the top: demo/ is installed only when the demo is asked for.
                from demo.loader import load_demo

                load_demo(home, stdout=self.stdout)
        if not created:
            self.stdout.write("Existing newsroom found: content left as it is.")
        elif not settings.NEWSROOM_DEMO:
            self.stdout.write(NO_DEMO)
        self.ensure_admin()

    def ensure_admin(self):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                "\nAn admin account was created. It is shown only this once:\n"
                f"    user name: admin\n    password:  {password}\n"
                "Sign in at /admin/ and change the password under Account.\n"
            )
        )
