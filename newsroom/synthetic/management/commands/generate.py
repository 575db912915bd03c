"""newsroom generate --items N: add N synthetic items (stories and videos over 15 years)."""

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Add N realistic synthetic news items (stories and videos over 15 years, with topics, "
        "people, places and images) as ordinary published Wagtail pages, in bulk."
    )

    def add_arguments(self, parser):
        parser.add_argument("--items", type=int, required=True, help="how many items to add")
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        parser.add_argument(
            "--batch-size", type=int, default=1000, help="items per transaction (default 1000)"
        )

    def handle(self, *args, items, seed, batch_size, **options):
        if items < 1:
            raise CommandError("--items must be a positive whole number, e.g. --items 1000.")
        if not 1 <= batch_size <= 10000:
            raise CommandError("--batch-size must be between 1 and 10000.")
        try:
            import factory  # noqa: F401 - the item factories need factory_boy
        except ImportError:
            raise CommandError(
                "generate builds items with the test factories: install the development "
                "dependencies (make install) first."
            ) from None
        from newsroom.synthetic.generate import generate  # needs factory_boy, checked above

        summary = generate(
            items, seed=seed, batch_size=batch_size, out=self.stdout, progress_out=self.stderr
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {summary['items']:,} items in {summary['seconds']} s "
                f"({summary['topics']} topics, {summary['people']} people, "
                f"{summary['images']} images shared)."
            )
        )
