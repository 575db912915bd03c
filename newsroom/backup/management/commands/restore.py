from django.core.management.base import BaseCommand, CommandError

from newsroom.backup import archive
from newsroom.backup.restore import restore


class Command(BaseCommand):
    help = (
        "Rebuild the site from an archive written by `newsroom backup`, into an empty database "
        "(SQLite or PostgreSQL, whichever made the archive). Every checksum is verified first; "
        "a database that already holds a site is refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar.gz file written by `newsroom backup`")
        parser.add_argument(
            "--check",
            action="store_true",
            help="only verify the archive's checksums and say what it holds",
        )

    def handle(self, *args, **options):
        path = options["archive"]
        try:
            if options["check"]:
                manifest = archive.verify(path)
                rows = sum(table["rows"] for table in manifest["tables"].values())
                self.stdout.write(
                    f"{path} is intact: backup of {manifest['created']} from "
                    f"{manifest['database']['vendor']}, {rows:,} rows, "
                    f"{manifest['media']['files']:,} media files."
                )
                return
            restore(path, self.stdout, verbosity=options["verbosity"])
        except archive.ArchiveError as error:
            raise CommandError(str(error)) from None
