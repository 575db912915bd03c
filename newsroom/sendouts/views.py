"""The public side of send-outs: the one-click unsubscribe of every message (RFC 8058) and,
only for send-outs the press office tracks, the open pixel. Neither shows any item content."""

import base64

from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from newsroom.press.access import private

from . import links
from .models import MediaContact, Opened, SendOut

# The smallest transparent GIF.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


@csrf_exempt
def unsubscribe(request, token):
    """A mail program POSTs ``List-Unsubscribe=One-Click`` with no cookie and no sign-in, so no
    CSRF check: a forged POST could only do what the signed address allows, which is to stop
    the press office's releases to that one contact. A GET (link scanners) only shows the
    button. It never redirects."""
    key = links.contact_key(links.read(token, links.UNSUBSCRIBE) or "")
    contact = MediaContact.objects.filter(key=key).first() if key else None
    if contact is None:
        response = render(request, "sendouts/public/unsubscribe.html", {
            "message": _("This link is not valid, or the contact no longer exists: nothing to do."),
        }, status=404)  # fmt: skip
        return private(response)
    if request.method == "POST":
        MediaContact.objects.filter(pk=contact.pk, unsubscribed_at__isnull=True).update(
            unsubscribed_at=timezone.now()
        )
        done = True
    elif request.method in ("GET", "HEAD"):
        done = contact.unsubscribed_at is not None
    else:
        return HttpResponseNotAllowed(["GET", "POST"])
    context = {"contact": contact, "done": done}
    return private(render(request, "sendouts/public/unsubscribe.html", context))


def opened(request, token):
    value = links.read(token, links.OPENED) or ""
    sendout_id, _sep, key_hex = str(value).partition(":")
    key = links.contact_key(key_hex) if sendout_id.isdigit() else None
    if key is not None:
        sendout = SendOut.objects.filter(pk=int(sendout_id), tracking=True).first()
        contact = MediaContact.objects.filter(key=key).first()
        if sendout is not None and contact is not None:
            Opened.objects.get_or_create(sendout=sendout, contact=contact)
    return private(HttpResponse(PIXEL, content_type="image/gif"))
