"""Where a webhook may be sent: not to this machine, nor to a private network.

A webhook address is typed by an editor and then fetched by our server, so it could make the
server reach what only it can reach (server-side request forgery): its own admin, a database
port, a cloud metadata address. Every address is resolved and each of its IP addresses must
be public; the connection is then made to the address that was checked (a second lookup could
answer differently). ``NEWSROOM_WEBHOOKS_ALLOW_PRIVATE`` lets an operator allow private and
loopback addresses (a receiver on the same network; the tests' receiver on 127.0.0.1).
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _


class Refused(ValueError):
    """The address may not be sent to; the message says why."""


def own_hosts():
    hosts = {urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or ""}
    hosts |= {host.lstrip(".") for host in settings.ALLOWED_HOSTS if host not in ("*", "")}
    return {host.lower().strip("[]") for host in hosts if host}


def check(url):
    """(scheme, host, port, path with query, IP address to connect to), or ``Refused``."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise Refused(_("A webhook address must start with https:// (or http://)."))
    host = (parts.hostname or "").lower()
    if not host:
        raise Refused(_("A webhook address needs a host name."))
    if parts.username or parts.password:
        raise Refused(_("A webhook address may not carry a user name or password."))
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise Refused(_("The port of this address is not a number.")) from None
    allow_private = settings.NEWSROOM_WEBHOOKS_ALLOW_PRIVATE
    if host in own_hosts() and not allow_private:
        raise Refused(_("A webhook may not be sent to this newsroom itself."))
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise Refused(_("The host %(host)s is not known.") % {"host": host}) from None
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in found]
    for address in addresses:
        if not allow_private and not address.is_global:
            raise Refused(
                _(
                    "%(host)s is a private, loopback or reserved address (%(address)s): webhooks "
                    "go to public addresses only, unless NEWSROOM_WEBHOOKS_ALLOW_PRIVATE is set."
                )
                % {"host": host, "address": address}
            )
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    return parts.scheme, host, port, target, str(addresses[0])
