"""How long browsers and CDNs may keep what the page cache serves (Cache-Control)."""

from django.conf import settings

NOT_FOUND_S_MAXAGE = 10


def public_cache_control(status=200):
    """For anonymous readers. Browsers revalidate (cheap: 304 by ETag); CDNs keep a copy for
    ``NEWSROOM_CACHE_S_MAXAGE`` seconds, are told of changes by purge requests, and may serve
    a stale copy while they fetch a fresh one."""
    s_maxage = settings.NEWSROOM_CACHE_S_MAXAGE
    if status == 404:
        s_maxage = min(s_maxage, NOT_FOUND_S_MAXAGE)
    return (
        f"public, max-age={int(settings.NEWSROOM_CACHE_MAX_AGE)}, s-maxage={int(s_maxage)}, "
        f"stale-while-revalidate={int(settings.NEWSROOM_CACHE_STALE_WHILE_REVALIDATE)}"
    )


def private_cache_control():
    """For signed-in editors and readers with a session: never in a shared cache."""
    return "private, no-cache"
