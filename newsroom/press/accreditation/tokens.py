"""Set-password links of accounts created by an accreditation: valid 48 hours, usable once.

Django's password-reset tokens (an HMAC of the user's id, password hash, last sign-in and the
time it was made) with a salt and a lifetime of their own: PASSWORD_RESET_TIMEOUT, which any
other reset of the project would use, does not apply. Setting the password changes the hash,
and signing in changes the last sign-in, so a link works once. ``state()`` tells an expired
link (the journalist may ask for a new one) from a used or changed one.
"""

import datetime
from enum import Enum

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_encode

VALID_FOR = datetime.timedelta(hours=48)


class State(Enum):
    VALID = "valid"
    EXPIRED = "expired"
    INVALID = "invalid"  # used already, changed, or never made here


def now():
    """The clock of the links (naive, as Django's tokens count; tests move it)."""
    return datetime.datetime.now()


class SetPasswordLinks(PasswordResetTokenGenerator):
    key_salt = "newsroom.press.accreditation.SetPasswordLinks"

    def _now(self):
        return now()

    def state(self, user, token):
        if not (user and token) or token.count("-") != 1:
            return State.INVALID
        stamp, _hash = token.split("-")
        try:
            made = base36_to_int(stamp)
        except ValueError:
            return State.INVALID
        if not any(
            constant_time_compare(self._make_token_with_timestamp(user, made, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        ):
            return State.INVALID
        if self._num_seconds(self._now()) - made > VALID_FOR.total_seconds():
            return State.EXPIRED
        return State.VALID

    def check_token(self, user, token):
        return self.state(user, token) is State.VALID


links = SetPasswordLinks()


def uid_of(user):
    return urlsafe_base64_encode(force_bytes(user.pk))


def path(user, language):
    """The set-password page of ``user``'s new link, in ``language`` (/fr/presse/…)."""
    with translation.override(language):
        return reverse("press:set-password", args=[uid_of(user), links.make_token(user)])
