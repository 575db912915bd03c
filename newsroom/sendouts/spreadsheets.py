"""Contacts in and out as CSV.

Import: UTF-8 (a byte-order mark is fine), a header row naming at least ``name`` and ``email``;
every row is checked first and the press officer sees a preview: the rows to add and the rows
refused, each with its reason. Confirmed, the rows are added in one transaction, checked again
inside it, so nothing is ever half-imported.

Export: every cell that a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) is written with a leading apostrophe, so a name such as
``=cmd|'/C calc'!A0`` stays text when the file is opened.
"""

import contextlib
import csv
import datetime
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from newsroom.mailing.addresses import InvalidAddress, normalise

from .models import MediaContact, join_codes

REQUIRED = ("name", "email")
COLUMNS = (
    "name", "email", "outlet", "role", "country", "languages", "beats", "phone", "notes",
    "consent", "consent_source", "consent_date",
)  # fmt: skip
LIMITS = {field.name: field.max_length for field in MediaContact._meta.fields if field.max_length}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
YES = {"yes", "y", "true", "1", "oui", "x"}
NO = {"", "no", "n", "false", "0", "non"}


class Unreadable(ValueError):
    """The whole file is refused (encoding, size, missing columns): nothing is imported."""


@dataclass
class Refused:
    line: int
    email: str
    reasons: list


@dataclass
class Preview:
    rows: list = field(default_factory=list)  # (line, values) of contacts to add
    refused: list = field(default_factory=list)
    ignored_columns: list = field(default_factory=list)


def max_bytes():
    return settings.NEWSROOM_CONTACTS_IMPORT_MAX_BYTES


def check_size(size):
    if size > max_bytes():
        raise Unreadable(
            _("The file is %(size)s MB; at most %(limit)s MB can be imported at once.")
            % {"size": round(size / 1e6, 1), "limit": round(max_bytes() / 1e6, 1)}
        )


def decode(data):
    check_size(len(data))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Unreadable(
            _(
                "The file is not UTF-8 text (byte %(position)s). Save it from your spreadsheet "
                "as “CSV UTF-8” and import it again."
            )
            % {"position": error.start + 1}
        ) from None


def _date(value):
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(_("The consent date must be written YYYY-MM-DD.")) from None


def _check(raw):
    """(values, reasons) for one row's cells."""
    reasons, values = [], {}
    for name in COLUMNS:
        value = (raw.get(name) or "").strip()
        limit = LIMITS.get(name)
        if limit and len(value) > limit:
            reasons.append(
                _("%(column)s is longer than %(limit)s characters.")
                % {"column": name, "limit": limit}
            )
        values[name] = value
    if not values["name"]:
        reasons.append(_("The name is empty."))
    try:
        values["email"] = normalise(values["email"])
    except InvalidAddress as error:
        reasons.append(_("The e-mail address is refused: %(reason)s") % {"reason": error})
    country = values["country"].upper()
    if country and not (len(country) == 2 and country.isalpha()):
        reasons.append(_("A country is a two-letter code, e.g. BE."))
    values["country"] = country
    consent = values["consent"].lower()
    if consent not in YES | NO:
        reasons.append(_("Consent must be yes or no."))
    values["consent"] = consent in YES
    try:
        values["consent_date"] = _date(values["consent_date"])
    except ValueError as error:
        reasons.append(str(error))
    values["languages"], values["beats"] = (
        join_codes(values["languages"]),
        join_codes(values["beats"]),
    )
    return values, reasons


def read(data):
    """A ``Preview`` of ``data`` (bytes), or ``Unreadable``."""
    text = decode(data)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = [name.strip().lower() for name in (reader.fieldnames or [])]
    except csv.Error as error:
        raise Unreadable(_("This is not a CSV file: %(error)s") % {"error": error}) from None
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise Unreadable(
            _("The first row must name the columns; missing: %(missing)s. Expected: %(columns)s.")
            % {"missing": ", ".join(missing), "columns": ", ".join(COLUMNS)}
        )
    reader.fieldnames = header
    preview = Preview(ignored_columns=[name for name in header if name and name not in COLUMNS])
    seen = {}
    try:
        parsed = list(reader)
    except csv.Error as error:
        raise Unreadable(_("This is not a CSV file: %(error)s") % {"error": error}) from None
    # Only valid addresses are looked up: PostgreSQL refuses text with a NUL byte in a query.
    addresses = []
    for raw in parsed:
        with contextlib.suppress(InvalidAddress):
            addresses.append(normalise(raw.get("email") or ""))
    existing = {
        contact.email: contact for contact in MediaContact.objects.filter(email__in=addresses)
    }
    for number, raw in enumerate(parsed, start=2):
        values, reasons = _check(raw)
        address = values["email"]
        if not reasons and address in existing:
            contact = existing[address]
            reasons.append(
                _("%(address)s is already the address of a contact: %(name)s (%(outlet)s).")
                % {
                    "address": address,
                    "name": contact.name,
                    "outlet": contact.outlet or _("no outlet"),
                }
            )
        if not reasons and address in seen:
            reasons.append(
                _("The same address is on line %(line)s of this file.") % {"line": seen[address]}
            )
        if reasons:
            preview.refused.append(Refused(number, (raw.get("email") or "")[:254], reasons))
        else:
            seen[address] = number
            preview.rows.append((number, values))
    return preview


class Changed(Exception):
    """Between the preview and the confirmation, the file's rows stopped being valid."""


def import_rows(data, expected):
    """Add the file's valid rows, all in one transaction, or none (``Changed``) when they are no
    longer the ``expected`` number the press officer saw in the preview."""
    with transaction.atomic():
        preview = read(data)
        if len(preview.rows) != expected:
            raise Changed(len(preview.rows))
        for _line, values in preview.rows:
            MediaContact(**values).save()
    return len(preview.rows), preview


def escape(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def export(contacts):
    """The CSV text of ``contacts`` (the import's columns, plus accreditation and unsubscribe)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*COLUMNS, "accredited", "unsubscribed_at"])
    for contact in contacts.select_related("press_account__user").iterator(2000):
        row = [getattr(contact, name) for name in COLUMNS]
        row[COLUMNS.index("consent")] = "yes" if contact.consent else "no"
        row += ["yes" if contact.accredited else "no", contact.unsubscribed_at or ""]
        writer.writerow([escape(value) for value in row])
    return out.getvalue()
