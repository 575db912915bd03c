"""django-axes hooks: the address it records, and the answer to a sign-in while locked out."""

import ipaddress
import logging

from axes.helpers import get_client_username, get_cool_off
from django.shortcuts import render

from newsroom.core.http import client_address

logger = logging.getLogger("newsroom.security")


def sign_in_address(request):
    """The client address axes records (AXES_CLIENT_IP_CALLABLE): a valid IP address or None.
    PostgreSQL's inet column refuses anything else, so a forged X-Forwarded-For or a request
    without REMOTE_ADDR would otherwise turn a sign-in into a server error."""
    try:
        return str(ipaddress.ip_address(client_address(request)))
    except ValueError:
        return None


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
