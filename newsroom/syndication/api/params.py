"""Reading and checking the API's query parameters; every mistake becomes a 400 with a reason
(a filter naming no topic, person or place a 404).

The item filters are the news listing's own (newsroom/news/filters.py: type, topic, from, to,
q), plus person and place, which the listing does not offer yet.
"""

import re

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.models import Locale

from newsroom.core.text import whole_number
from newsroom.news.filters import NewsFilterForm
from newsroom.topics.models import Person, Place

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
SLUG = re.compile(r"[-\w]{1,255}")
ISO_CODE = re.compile(r"[A-Za-z]{2}")

ITEM_FILTERS = ("type", "topic", "person", "place", "from", "to", "q")
PAGING = ("page", "page_size")
LIST_PARAMS = ("lang", *PAGING)
# Keywords may be empty (no keyword search); any other parameter given empty ("?lang=") is an
# error, as the OpenAPI document's enums and patterns say, rather than silently ignored.
MAY_BE_EMPTY = ("q",)


class BadRequest(Exception):
    status = 400

    def __init__(self, message, fields=None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class NothingNamed(BadRequest):
    """A well-formed filter that names no topic, person or place: 404, as for a slug in the
    path (a 400 would say the request was malformed, which it is not)."""

    status = 404


def check_known(request, allowed):
    unknown = sorted(set(request.GET) - set(allowed))
    if unknown:
        raise BadRequest(
            _("Unknown parameter(s): %(unknown)s. This address accepts: %(allowed)s.")
            % {"unknown": ", ".join(unknown), "allowed": ", ".join(allowed) or _("none")}
        )
    empty = sorted(
        name for name in request.GET if name not in MAY_BE_EMPTY and not request.GET[name]
    )
    if empty:
        raise BadRequest(
            _("Empty parameter(s): %(empty)s. Give a value, or leave the parameter out.")
            % {"empty": ", ".join(empty)},
            {name: [_("This parameter is empty.")] for name in empty},
        )


def language(request):
    codes = [code for code, _name in settings.LANGUAGES]
    code = request.GET.get("lang") or settings.LANGUAGE_CODE
    if code not in codes:
        raise BadRequest(
            _("lang must be one of: %(codes)s.") % {"codes": ", ".join(codes)},
            {"lang": [_("Unknown language.")]},
        )
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        raise BadRequest(_("Nothing has been published in that language yet."))
    return locale


def positive_int(request, name, default, maximum=None):
    raw = request.GET.get(name)
    if raw in (None, ""):
        return default
    number = whole_number(raw)
    if number is None or number < 1 or (maximum and number > maximum):
        bounds = _("1 to %(maximum)s") % {"maximum": maximum} if maximum else _("1 or more")
        raise BadRequest(
            _("%(name)s must be a whole number (%(bounds)s), not “%(value)s”.")
            % {"name": name, "bounds": bounds, "value": raw[:50]},
            {name: [_("Invalid number.")]},
        )
    return number


def paging(request):
    return (
        positive_int(request, "page", 1, maximum=10**6),
        positive_int(request, "page_size", DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE),
    )


def item_filters(request, locale):
    """Cleaned filters for ``NewsItemQuerySet.filtered`` plus "person" and "place" objects."""
    data = {
        name: request.GET[name]
        for name in ("type", "topic", "from", "to", "q")
        if request.GET.get(name)
    }
    form = NewsFilterForm(data, locale=locale)
    fields, unknown = {}, {}
    if not form.is_valid():
        for name, errors in form.errors.items():
            # A topic slug of the right form that no live topic has is unknown, not malformed.
            wrong = unknown if name == "topic" and SLUG.fullmatch(data[name]) else fields
            wrong[name] = [str(error) for error in errors]
    filters = {name: value for name, value in form.cleaned_data.items() if value}
    # A q of nothing but quotes is no keyword search (``filtered()`` drops the quotes).

    slug = request.GET.get("person", "")
    if slug:
        person = None
        if SLUG.fullmatch(slug):
            person = Person.objects.filter(slug=slug, locale=locale).first()
        if person is None:
            wrong = unknown if SLUG.fullmatch(slug) else fields
            wrong["person"] = [_("There is no person called “%(value)s”.") % {"value": slug[:100]}]
        filters["person"] = person
    code = request.GET.get("place", "")
    if code:
        place = (
            Place.objects.filter(iso_code=code.upper(), locale=locale).first()
            if ISO_CODE.fullmatch(code)
            else None
        )
        if place is None:
            wrong = unknown if ISO_CODE.fullmatch(code) else fields
            wrong["place"] = [
                _("There is no place with the country code “%(value)s”.") % {"value": code[:10]}
            ]
        filters["place"] = place
    for problems, error in ((fields, BadRequest), (unknown, NothingNamed)):
        if problems:
            raise error(
                _("Some filters are not valid: %(fields)s.")
                % {
                    "fields": "; ".join(
                        f"{name}: {' '.join(msgs)}" for name, msgs in problems.items()
                    )
                },
                problems,
            )
    return filters
