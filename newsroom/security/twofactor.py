"""Optional two-factor sign-in for editors: a TOTP authenticator app (django-otp).

An editor enrols under Account → Two-factor sign-in (/admin/two-factor/): scans the QR code,
types one code to confirm. From then on, after the password the admin asks for a current code
before anything else. Editors who have not enrolled sign in with their password alone.
"""

import segno
from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

ADMIN_PREFIX = "/admin/"
# Admin addresses an editor who still owes a code may reach.
OPEN_PATHS = ("/admin/login/", "/admin/logout/", "/admin/two-factor/verify/", "/admin/jsi18n/")


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


class AdminTwoFactorMiddleware:
    """Sends a signed-in editor who enrolled but gave no code yet to the code form."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if (
            path.startswith(ADMIN_PREFIX)
            and not path.startswith(OPEN_PATHS)
            and request.user.is_authenticated
            and not request.user.is_verified()
            and confirmed_device(request.user)
        ):
            verify = reverse("newsroom_two_factor_verify")
            return redirect(f"{verify}?next={request.get_full_path()}")
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = self.cleaned_data["code"].replace(" ", "")
        allowed, details = self.device.verify_is_allowed()
        if not allowed:
            # django-otp doubles the wait after each wrong code: guessing takes forever.
            wait = (details or {}).get("locked_until")
            seconds = max(1, round((wait - timezone.now()).total_seconds())) if wait else 1
            raise forms.ValidationError(
                _("Too many wrong codes: wait %(seconds)s seconds, then try again.")
                % {"seconds": seconds}
            )
        if not code.isdigit() or not self.device.verify_token(code):
            raise forms.ValidationError(
                _("This code is not valid. Type the code your app shows now.")
            )
        return code


def verify(request):
    """The second step of signing in."""
    device = confirmed_device(request.user)
    next_url = request.POST.get("next") or request.GET.get("next") or ADMIN_PREFIX
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = ADMIN_PREFIX
    if device is None or request.user.is_verified():
        return redirect(next_url)
    form = CodeForm(request.POST or None, device=device)
    if form.is_valid():
        otp_login(request, device)
        return redirect(next_url)
    return TemplateResponse(
        request, "security/two_factor_verify.html", {"form": form, "next": next_url}
    )


def setup(request):
    """Enrol an authenticator app, or switch two-factor sign-in off."""
    device = confirmed_device(request.user)
    if device is not None:
        form = CodeForm(request.POST or None, device=device)
        if request.method == "POST" and form.is_valid():
            TOTPDevice.objects.filter(user=request.user).delete()
            messages.success(request, _("Two-factor sign-in is off."))
            return redirect("newsroom_two_factor_setup")
        return TemplateResponse(
            request, "security/two_factor_setup.html", {"form": form, "enabled": True}
        )

    pending, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "authenticator"}
    )
    form = CodeForm(request.POST or None, device=pending)
    if request.method == "POST" and form.is_valid():
        pending.confirmed = True
        pending.save(update_fields=["confirmed"])
        otp_login(request, pending)
        messages.success(request, _("Two-factor sign-in is on."))
        return redirect("newsroom_two_factor_setup")
    qr = segno.make(pending.config_url, error="m")
    return TemplateResponse(
        request,
        "security/two_factor_setup.html",
        {
            "form": form,
            "enabled": False,
            "qr_svg": qr.svg_inline(scale=4, title=_("QR code for your authenticator app")),
            "secret": pending.config_url.split("secret=")[1].split("&")[0],
        },
    )
