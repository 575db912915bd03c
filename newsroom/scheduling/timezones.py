"""Times in the organisation's time zone (settings.TIME_ZONE), always with their abbreviation.

Editors and journalists read "14:00 CET, 17 November 2023": the zone is named every time so a
reader in another country never guesses.
"""

import datetime

from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _


def local(moment):
    return timezone.localtime(moment, timezone.get_default_timezone())


def clock(moment):
    """ "14:00 CET" in English, "14 h 00 CET" in French."""
    moment = local(moment)
    zone = moment.tzname()
    if (get_language() or "en").startswith("fr"):
        return f"{moment:%H} h {moment:%M} {zone}"
    return f"{moment:%H:%M} {zone}"


def day(moment):
    """ "17 November 2023" / "17 novembre 2023"."""
    return formats.date_format(local(moment), "j F Y")


def moment_label(moment):
    """ "14:00 CET, 17 November 2023"."""
    return _("%(time)s, %(date)s") % {"time": clock(moment), "date": day(moment)}


def zone_label(moment=None):
    """ "Europe/Brussels (CET, UTC+01:00)" for the admin's help texts."""
    moment = local(moment or timezone.now())
    offset = moment.utcoffset() or datetime.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    name = timezone.get_default_timezone_name()
    return f"{name} ({moment.tzname()}, UTC{sign}{hours:02}:{minutes:02})"
