"""Times as the press office writes them: "20 November 2023, 10:00 CET"."""

from django import template
from django.utils import timezone
from django.utils.formats import date_format

register = template.Library()


@register.filter
def with_zone(moment, fmt="j F Y, H:i"):
    """``moment`` in the organisation's zone, followed by the zone's abbreviation at that
    moment (CET in winter, CEST in summer). Django's ``T`` format leaves the abbreviation out
    for wall times that happen twice when clocks go back: computed here from the moment itself,
    which is never ambiguous."""
    if not moment:
        return ""
    local = timezone.localtime(moment)
    return f"{date_format(local, fmt)} {local.tzname()}"
