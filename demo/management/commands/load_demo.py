from django.core.management.base import BaseCommand, CommandError

from demo.loader import load_demo
from newsroom.home.site_tree import ensure_site_tree
from newsroom.news.models import NewsItemPage


class Command(BaseCommand):
    help = "Load the demo newsroom (ten items, topics, people, images) into an empty database."

    def handle(self, *args, **options):
        if NewsItemPage.objects.exists():
            raise CommandError(
                "This newsroom already has items; the demo is only loaded into an empty one, "
                "so nothing an editor wrote is duplicated or overwritten."
            )
        home, _ = ensure_site_tree()
        load_demo(home, stdout=self.stdout)
