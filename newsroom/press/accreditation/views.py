"""/en/press/apply/ (/fr/presse/accreditation/): the request form; and the set-password page
the approval's e-mail links to.

Every answer is private and never cached (``access.private``): each carries a form with its
CSRF token, or a link meant for one person. Bad input gets a page saying what is wrong: 400
for a form to correct or a link that does not work, 410 for an expired or used link, 429 past
a rate limit (with Retry-After).

NEWSROOM_ACCREDITATION_RATE_PER_CLIENT   requests one client address may send: "5/hour"
NEWSROOM_ACCREDITATION_RATE_PER_ADDRESS  requests (and new links) for one e-mail address: "3/day"
"""

from django.conf import settings
from django.contrib import messages as notices
from django.contrib.auth import views as auth_views
from django.http import HttpResponseNotAllowed
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from newsroom.core import throttle
from newsroom.core.http import client_address
from newsroom.core.per_language import base_language

from ..access import never_cached, private
from ..models import PressAccount
from . import requests, tokens
from .forms import RequestForm


def _refusal(scope, ident):
    rate = getattr(settings, f"NEWSROOM_ACCREDITATION_RATE_PER_{scope.upper()}")
    return throttle.count("accreditation", scope, ident, rate)


def _page(request, template, context=None, status=200):
    return private(render(request, f"press/{template}", context or {}, status=status))


def _notice(request, title, message, status=200, **extra):
    context = {"title": title, "message": message, **extra}
    return _page(request, "accreditation_notice.html", context, status)


def _too_many(request, refusal):
    response = _notice(
        request,
        _("Too many requests"),
        _(
            "Too many requests came from here or for this address. Nothing was sent. Try again "
            "in %(minutes)s minutes."
        )
        % {"minutes": refusal.minutes},
        status=429,
    )
    response["Retry-After"] = str(refusal.retry_after)
    return response


def apply(request):
    if request.method == "POST":
        refusal = _refusal("client", client_address(request))
        if refusal:
            return _too_many(request, refusal)
        form = RequestForm(request.POST)
        if not form.is_valid():
            return _page(request, "apply.html", {"form": form}, status=400)
        refusal = _refusal("address", throttle.digest(form.cleaned_data["email"]))
        if refusal:
            return _too_many(request, refusal)
        language = base_language(get_language()) or settings.LANGUAGE_CODE
        requests.submit(form, language)
        return _notice(
            request,
            _("Thank you: your request is with the press office"),
            _(
                "A message confirming it is on its way to %(address)s. The press office checks "
                "each request and writes to that address with its answer; if your request is "
                "approved, the message has a link to set your password."
            )
            % {"address": form.cleaned_data["email"]},
        )
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    return _page(request, "apply.html", {"form": RequestForm()})


@method_decorator(never_cached, name="dispatch")
class SetPasswordView(auth_views.PasswordResetConfirmView):
    """Django's reset page (the link's token moves to the session, so the address in the bar,
    and any Referer, no longer carries it) with the accreditation links' tokens, for press
    accounts only; a link that does not work says why and what to do."""

    token_generator = tokens.links
    template_name = "press/set_password.html"

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        if user is None or user.is_staff or user.is_superuser:
            return None
        if not PressAccount.objects.filter(user=user, active=True).exists():
            return None
        return user

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if not self.validlink and response.status_code == 200:
            # Gone: expired or used; a link naming no press account is simply wrong.
            response.status_code = 400 if self.user is None else 410
        return response

    def link_state(self):
        if self.user is None:
            return tokens.State.INVALID
        token = self.kwargs["token"]
        if token == self.reset_url_token:
            token = self.request.session.get(auth_views.INTERNAL_RESET_SESSION_TOKEN, "")
        return self.token_generator.state(self.user, token)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["username"] = self.user.get_username() if self.user else ""
        if not self.validlink:
            state = self.link_state()
            context["expired"] = state is tokens.State.EXPIRED
            context["used"] = state is tokens.State.INVALID and self.user is not None
            context["new_link_url"] = (
                reverse("press:new-link", args=[self.kwargs["uidb64"], self.kwargs["token"]])
                if context["expired"]
                else ""
            )
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        notices.success(
            self.request,
            _("Your password is set. Sign in with your user name, %(username)s.")
            % {"username": self.user.get_username()},
        )
        return response

    def get_success_url(self):
        return reverse("press:sign-in")


def new_link(request, uidb64, token):
    """An expired link's "send me a new link" (a POST from its page)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    refusal = _refusal("client", client_address(request))
    if refusal:
        return _too_many(request, refusal)
    user = SetPasswordView().get_user(uidb64)
    if tokens.links.state(user, token) is not tokens.State.EXPIRED:
        return _notice(
            request,
            _("This link does not work"),
            _(
                "It is incomplete, has been changed, or was already used. If your password is "
                "set, sign in; otherwise ask the press office for a new link."
            ),
            status=400,
            sign_in=True,
        )
    refusal = _refusal("address", throttle.digest(user.email.lower()))
    if refusal:
        return _too_many(request, refusal)
    requests.send_new_link(user)
    return _notice(
        request,
        _("Check your inbox"),
        _("A new link to set your password is on its way. It works for 48 hours."),
    )
