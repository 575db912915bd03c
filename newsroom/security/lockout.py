"""The answer to a sign-in attempt while locked out (django-axes' AXES_LOCKOUT_CALLABLE)."""

import logging

from axes.helpers import get_client_username, get_cool_off
from django.shortcuts import render

from newsroom.syndication.http import client_address

logger = logging.getLogger("newsroom.security")


def locked_out(request, credentials, *args, **kwargs):
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    logger.warning(
        "Sign-in refused, locked out after repeated failures: user %r from %s on %s",
        get_client_username(request, credentials) or "",
        client_address(request),
        request.path,
    )
    return render(request, "security/locked_out.html", {"minutes": minutes}, status=429)
