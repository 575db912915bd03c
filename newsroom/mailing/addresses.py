"""One spelling per address, and no address that could carry a header.

``normalise()`` lower-cases the address (mailbox providers treat the local part without case;
one spelling means one delivery and one suppression per person) and refuses anything that is
not a single plain address: line breaks and other control characters, display names, commas,
angle brackets, more than 254 characters (RFC 5321's limit for a path).
"""

import hashlib

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator

MAX_LENGTH = 254
_validator = EmailValidator()
_FORBIDDEN = set('<>,;:"()[]\\ ') | {chr(code) for code in range(32)} | {"\x7f"}


class InvalidAddress(ValueError):
    pass


def normalise(address):
    """The address in its one spelling, or InvalidAddress saying what is wrong with it."""
    if not isinstance(address, str):
        raise InvalidAddress(f"An address must be text, not {type(address).__name__}.")
    value = address.strip()
    if not value:
        raise InvalidAddress("The address is empty.")
    if len(value) > MAX_LENGTH:
        raise InvalidAddress(f"The address is longer than {MAX_LENGTH} characters.")
    if any(character in _FORBIDDEN for character in value):
        raise InvalidAddress(
            "The address contains a line break, a space or a character that is not allowed in "
            "a plain address."
        )
    try:
        _validator(value)
    except ValidationError:
        raise InvalidAddress("This is not a valid e-mail address.") from None
    return value.lower()


def hashed(address):
    """What a forgotten address is kept as in the suppression list (see outbox.forget)."""
    return "sha256:" + hashlib.sha256(address.encode()).hexdigest()
