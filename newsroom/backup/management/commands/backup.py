import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsroom.backup import archive


class Command(BaseCommand):
    help = (
        "Write the whole site (every database table and every media file) to one archive, "
        "with a manifest of row counts and SHA-256 checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "archive",
            nargs="?",
            help="file to write (default: <data folder>/backups/newsroom-<UTC time>.tar.gz); "
            "an existing file is never overwritten",
        )

    def handle(self, *args, **options):
        path = options["archive"]
        if not path:
            stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
            path = Path(settings.DATA_DIR) / "backups" / f"newsroom-{stamp}.tar.gz"
        try:
            manifest = archive.write(path)
        except archive.ArchiveError as error:
            raise CommandError(str(error)) from None
        rows = sum(table["rows"] for table in manifest["tables"].values())
        size = Path(path).stat().st_size
        self.stdout.write(
            f"Backup written to {path} ({size / 1e6:,.1f} MB): {rows:,} rows in "
            f"{len(manifest['tables'])} tables from {manifest['database']['vendor']}, "
            f"{manifest['media']['files']:,} media files."
        )
