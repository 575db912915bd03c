"""E-mail addresses as the public forms (alerts sign-up, accreditation requests) accept them:
one address, no header text, within the limits of RFC 5321 (254 characters in all, 64 before
the @)."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

MAX_LENGTH = 254
MAX_LOCAL_PART = 64
# Control characters (CR, LF, NUL, tabs…) would let a value spill into the message headers.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def normalised(value):
    """The address as stored: trimmed of spaces, lower case. Raises ValidationError."""
    value = (value or "").strip(" ")
    if not value:
        raise ValidationError(_("Give your e-mail address."), code="required")
    if _CONTROL.search(value):
        raise ValidationError(
            _("An e-mail address cannot contain line breaks or control characters."),
            code="control",
        )
    if len(value) > MAX_LENGTH:
        raise ValidationError(
            _("An e-mail address has at most %(max)s characters; this one has %(length)s.")
            % {"max": MAX_LENGTH, "length": len(value)},
            code="too_long",
        )
    if any(mark in value for mark in ",;<>\"'") or " " in value:
        raise ValidationError(
            _("Give one e-mail address only, such as name@example.org."), code="several"
        )
    if len(value.rpartition("@")[0]) > MAX_LOCAL_PART:
        raise ValidationError(
            _("The part before the @ has at most %(max)s characters.") % {"max": MAX_LOCAL_PART},
            code="too_long",
        )
    try:
        validate_email(value)
    except ValidationError:
        raise ValidationError(
            _("This is not an e-mail address. Check it, e.g. name@example.org."), code="invalid"
        ) from None
    return value.lower()
