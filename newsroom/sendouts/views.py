"""The public side of send-outs: the one-click unsubscribe of every message (RFC 8058) and,
only for send-outs the press office tracks, the open pixel and the click redirect. None shows
any item content."""

import base64

from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from newsroom.press.access import private

from . import links
from .models import Clicked, MediaContact, Opened, SendOut

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


def clicked(request, token):
    """A link of a tracked message: note the contact's first click, then go where the link
    leads. Only a link this site signed redirects (never an open redirect); a broken one says
    so. Link scanners of mail services follow links too, so a click is a hint, not proof."""
    found = links.read_click(token)
    if found is None or not found[2].startswith(("https://", "http://")):
        return private(render(request, "sendouts/public/broken_link.html", status=404))
    sendout_id, key, target = found
    sendout = SendOut.objects.filter(pk=sendout_id, tracking=True).first()
    contact = MediaContact.objects.filter(key=key).first()
    if sendout is not None and contact is not None:
        try:
            with transaction.atomic():
                Clicked.objects.get_or_create(
                    sendout=sendout, contact=contact, defaults={"url": target[:2000]}
                )
        except IntegrityError:
            pass  # two clicks at once: the other one was first
    return private(HttpResponseRedirect(target))
