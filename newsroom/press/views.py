"""The press area: sign-in, the embargoed list, embargoed items, their ninjs and images.

Private feeds (by token) are in feeds.py. Every view answers ``private, no-store`` and every
look at embargoed material is written to the audit log.
"""

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from newsroom.core.files import mime_type_of
from newsroom.core.http import json_response
from newsroom.news.models import NewsItemPage
from newsroom.news.ninjs import CONTENT_TYPE, find_public_item, ninjs_document
from newsroom.scheduling.timezones import local, moment_label

from . import embargo
from .access import active_account, audit, journalist_required, never_cached, private
from .models import AuditEntry

# The listing image as journalists may download it before release, by name.
IMAGE_SPECS = {"small": "fill-480x270", "large": "fill-960x540", "wide": "fill-1200x675"}


def banner(until):
    return _("EMBARGOED until %(moment)s") % {"moment": moment_label(until)}


class PressAuthenticationForm(AuthenticationForm):
    """Django's sign-in (authenticate(), so login throttling applies) for press accounts only."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "no_press_access": gettext_lazy(
            "This account has no active press accreditation. Ask the press office to check it."
        ),
    }

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if active_account(user) is None:
            raise ValidationError(self.error_messages["no_press_access"], code="no_press_access")


@method_decorator(never_cached, name="dispatch")
class SignInView(auth_views.LoginView):
    template_name = "press/sign_in.html"
    authentication_form = PressAuthenticationForm

    def get_default_redirect_url(self):
        return reverse("press:home")


@method_decorator(never_cached, name="dispatch")
class SignOutView(auth_views.LogoutView):
    next_page = reverse_lazy("press:sign-in")


def _urls(request, item):
    base = reverse("press:item", args=[item.pk])
    return {
        "page": base,
        "ninjs": reverse("press:item-ninjs", args=[item.pk]),
        "images": {name: reverse("press:item-image", args=[item.pk, name]) for name in IMAGE_SPECS},
    }


@journalist_required
def home(request):
    account = request.press_account
    entries = embargo.embargoed_pages()
    feeds = {}
    if account.feed_token:
        feeds = {
            fmt: request.build_absolute_uri(reverse("press:feed", args=[account.feed_token, fmt]))
            for fmt in ("atom", "json")
        }
    return render(
        request,
        "press/home.html",
        {
            "account": account,
            "entries": [
                {"entry": entry, "banner": banner(entry.until), "urls": _urls(request, entry.item)}
                for entry in entries
            ],
            "feeds": feeds,
        },
    )


def _embargoed_or_404(request, page_id):
    entry = embargo.find_embargoed(page_id)
    if entry is None:
        released = NewsItemPage.objects.live().public().filter(pk=page_id).first()
        if released is not None:
            return None, redirect(released.get_url(request))
        raise Http404(_("No item under embargo has this address: it may have been released."))
    return entry, None


@journalist_required
def item(request, page_id):
    entry, released = _embargoed_or_404(request, page_id)
    if released:
        return released
    audit(request, request.press_account, [entry], AuditEntry.Channel.PAGE)
    return render(
        request,
        "press/item.html",
        {
            "item": entry.item,
            "until": entry.until,
            "banner": banner(entry.until),
            "urls": _urls(request, entry.item),
        },
    )


@journalist_required
def item_ninjs(request, page_id):

    entry, released = _embargoed_or_404(request, page_id)
    if released:
        return released
    page = find_public_item(NewsItemPage.objects.filter(pk=entry.item.pk))
    document = ninjs_document(page, request)
    document["embargoedUntil"] = local(entry.until).isoformat()
    audit(request, request.press_account, [entry], AuditEntry.Channel.NINJS)
    return json_response(document, content_type=CONTENT_TYPE)


@journalist_required
def item_image(request, page_id, name):
    entry, released = _embargoed_or_404(request, page_id)
    if released:
        return released
    image = entry.item.listing_image
    if name not in IMAGE_SPECS or image is None:
        raise Http404(_("This item has no image by that name."))
    rendition = image.get_rendition(IMAGE_SPECS[name])
    audit(request, request.press_account, [entry], AuditEntry.Channel.MEDIA)
    response = FileResponse(rendition.file.open("rb"), content_type=_mime(rendition.file.name))
    suffix = rendition.file.name.rsplit(".", 1)[-1]
    response["Content-Disposition"] = f'inline; filename="{entry.item.slug}-{name}.{suffix}"'
    return private(response)


def _mime(name):

    return mime_type_of(name)
