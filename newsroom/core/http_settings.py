"""Settings of the machine-readable answers (API, feeds, oEmbed, ninjs), read from Django
settings (which read them from the environment).

NEWSROOM_API_RATE_LIMIT   requests an anonymous client may make to the API, oEmbed and ninjs
                          addresses: "120/minute" (default), "1000/hour", "10/30s"; "off" disables
NEWSROOM_TRUSTED_PROXIES  how many proxies (load balancer, CDN) stand in front of the app and
                          append to X-Forwarded-For; 0 (default) uses the connection's address
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEFAULT_RATE_LIMIT = "120/minute"
PERIODS = {"s": 1, "second": 1, "m": 60, "minute": 60, "h": 3600, "hour": 3600, "day": 86400}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([a-z]+)\s*$")


@dataclass(frozen=True)
class RateLimit:
    requests: int
    seconds: int


def parse_rate_limit(value):
    """ "120/minute" -> RateLimit(120, 60); "off", "0" or "" -> None."""
    value = (value or "").strip().lower()
    if value in {"", "off", "0", "none", "false"}:
        return None
    match = _RATE.match(value)
    if not match or match.group(3) not in PERIODS:
        raise ImproperlyConfigured(
            f"NEWSROOM_API_RATE_LIMIT must look like '120/minute', '1000/hour' or '10/30s' "
            f"(or 'off'), not {value!r}."
        )
    requests, multiple, unit = match.groups()
    seconds = int(multiple or 1) * PERIODS[unit]
    if int(requests) < 1 or seconds < 1:
        raise ImproperlyConfigured("NEWSROOM_API_RATE_LIMIT needs at least 1 request per period.")
    return RateLimit(int(requests), seconds)


def rate_limit():
    return parse_rate_limit(getattr(settings, "NEWSROOM_API_RATE_LIMIT", DEFAULT_RATE_LIMIT))


def trusted_proxies():
    value = getattr(settings, "NEWSROOM_TRUSTED_PROXIES", 0) or 0
    try:
        count = int(value)
    except (TypeError, ValueError):
        count = -1
    if count < 0:
        raise ImproperlyConfigured(
            f"NEWSROOM_TRUSTED_PROXIES must be a whole number (0 or more), not {value!r}."
        )
    return count
