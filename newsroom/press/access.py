"""Who may enter the press area, the audit log, and answers nobody may cache.

Every press answer says ``Cache-Control: private, no-store``: the page cache
(newsroom/delivery/pagecache.py) never stores it, nor may a CDN or a shared proxy.
"""

import functools

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from newsroom.core.http import client_address

from .models import AuditEntry, PressAccount


def private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    return response


def never_cached(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        return private(view(request, *args, **kwargs))

    return wrapper


def active_account(user):
    if not user.is_authenticated:
        return None
    account = PressAccount.objects.filter(user=user, active=True, user__is_active=True).first()
    return account


def session_expired(request):
    """A session cookie came with the request but names no session any more."""
    return bool(request.COOKIES.get(settings.SESSION_COOKIE_NAME)) and not (
        request.user.is_authenticated
    )


def journalist_required(view):
    """Signed-in journalists with an active press account; others get a clear answer."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        account = active_account(request.user)
        if account is None:
            if request.user.is_authenticated:
                response = render(
                    request,
                    "press/refused.html",
                    {
                        "message": _(
                            "This area is for accredited journalists. Your account has no active "
                            "press accreditation; ask the press office if you think it should."
                        )
                    },
                    status=403,
                )
                return private(response)
            if session_expired(request):
                messages.info(
                    request, _("Your session has ended. Sign in again to continue where you were.")
                )
            return private(redirect_to_login(request.get_full_path(), reverse("press:sign-in")))
        request.press_account = account
        return private(view(request, *args, **kwargs))

    return wrapper


def audit(request, account, entries, channel):
    """One audit row per embargoed item shown to ``account``."""
    address = client_address(request)
    AuditEntry.objects.bulk_create(
        AuditEntry(
            user=account.user,
            username=account.user.get_username(),
            outlet=account.outlet,
            page_id=entry.item.pk,
            item_title=entry.item.title[:255],
            channel=channel,
            ip_address=address if address != "unknown" else None,
            path=request.get_full_path()[:500],
        )
        for entry in entries
    )


def audit_media(request, account, titles):
    """One audit row per restricted asset (a photo, a gallery's photo) downloaded by
    ``account``."""
    address = client_address(request)
    AuditEntry.objects.bulk_create(
        AuditEntry(
            user=account.user,
            username=account.user.get_username(),
            outlet=account.outlet,
            page=None,
            item_title=title[:255],
            channel=AuditEntry.Channel.MEDIA,
            ip_address=address if address != "unknown" else None,
            path=request.get_full_path()[:500],
        )
        for title in titles
    )
