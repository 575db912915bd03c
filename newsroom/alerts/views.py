"""/en/alerts/ (/fr/alertes/): sign up, confirm, manage, leave.

Every answer is private and never cached (each carries a form for one person, or a token).
Bad input gets a page that says what is wrong with a 4xx status: 400 for a form to correct or a
tampered link, 410 for an expired or used-up link, 429 past a rate limit.
"""

from django.http import HttpResponseNotAllowed
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from newsroom.press.access import private

from . import links, subscriptions, throttle
from .forms import ChoicesForm, SignUpForm
from .models import Subscriber


def _page(request, template, context=None, status=200):
    return private(render(request, f"alerts/{template}", context or {}, status=status))


def _notice(request, title, message, status=200, **extra):
    return _page(request, "notice.html", {"title": title, "message": message, **extra}, status)


def _refused(request, refusal):
    minutes = max(1, round(refusal.retry_after / 60))
    response = _notice(
        request,
        _("Too many sign-ups"),
        _(
            "Too many sign-ups came from here or for this address. Nothing was sent. "
            "Try again in %(minutes)s minutes."
        )
        % {"minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(refusal.retry_after)
    return response


def _start_values(request):
    """The sign-up form as topic and person pages open it (?topic=<key>, ?person=<key>)."""
    initial = {}
    for field in ("topic", "person"):
        value = request.GET.get(field, "")[:40]
        if value:
            initial[f"{field}s" if field == "topic" else "people"] = [value]
    if "email" in request.GET:
        initial["email"] = request.GET["email"][:300]
    return initial


def sign_up(request):
    if request.method == "POST":
        refusal = throttle.client_refusal(request)
        if refusal:
            return _refused(request, refusal)
        form = SignUpForm(request.POST)
        if not form.is_valid():
            return _page(request, "sign_up.html", {"form": form}, status=400)
        refusal = throttle.address_refusal(form.cleaned_data["email"])
        if refusal:
            return _refused(request, refusal)
        subscriptions.sign_up(form)
        return _notice(
            request,
            _("Check your inbox"),
            _(
                "If %(address)s can receive alerts, a message is on its way to it. Open the link "
                "in that message within seven days to confirm: until then nothing else is sent."
            )
            % {"address": form.cleaned_data["email"]},
        )
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    form = SignUpForm(initial=_start_values(request))
    # Unknown topics or people in the address are left out, not shown as chosen.
    for name in ("topics", "people"):
        known = {value for value, _label in form.fields[name].choices}
        chosen = [value for value in form.initial.get(name, []) if value in known]
        form.initial[name] = chosen
    return _page(request, "sign_up.html", {"form": form})


def _subscriber(request, token, purpose):
    """(subscriber, None) or (None, error response) for a signed link."""
    try:
        key = links.key_of(token, purpose)
    except links.Expired as expired:
        subscriber = Subscriber.objects.filter(key=expired.key).first()
        if subscriber is None or subscriber.is_confirmed:
            return None, _gone(request)
        return None, _page(
            request, "expired.html", {"token": token, "subscriber": subscriber}, status=410
        )
    if key is None:
        return None, _notice(
            request,
            _("This link does not work"),
            _(
                "The link is incomplete or has been changed. Open it again from the message, "
                "or sign up again."
            ),
            status=400,
            sign_up=True,
        )
    subscriber = Subscriber.objects.filter(key=key).first()
    if subscriber is None:
        return None, _gone(request)
    return subscriber, None


def _gone(request):
    return _notice(
        request,
        _("No subscription here"),
        _("There is no subscription for this link any more: it has been cancelled."),
        status=410,
        sign_up=True,
    )


def confirm(request, token):
    """GET shows a button; the POST confirms. Mail security scanners open links to check
    them: a GET that confirmed would subscribe people who never clicked."""
    subscriber, error = _subscriber(request, token, links.CONFIRM)
    if error:
        return error
    if request.method == "POST":
        subscriptions.confirm(subscriber)
    if subscriber.is_confirmed:
        return _notice(
            request,
            _("Your subscription is confirmed"),
            _("From now on you receive the alerts you chose, at %(address)s.")
            % {"address": subscriber.email},
            manage=links.path(subscriber, links.MANAGE),
        )
    return _page(request, "confirm.html", {"subscriber": subscriber})


def send_again(request, token):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    refusal = throttle.client_refusal(request)
    if refusal:
        return _refused(request, refusal)
    try:
        key = links.key_of(token, links.CONFIRM)
    except links.Expired as expired:
        key = expired.key
    subscriber = Subscriber.objects.filter(key=key).first() if key else None
    if subscriber is None:
        return _gone(request) if key else _subscriber(request, token, links.CONFIRM)[1]
    refusal = throttle.address_refusal(subscriber.email)
    if refusal:
        return _refused(request, refusal)
    subscriptions.send_again(subscriber)
    return _notice(
        request,
        _("Check your inbox"),
        _("A new confirmation link is on its way, valid for seven days."),
    )


def manage(request, token):
    subscriber, error = _subscriber(request, token, links.MANAGE)
    if error:
        return error
    context = {
        "subscriber": subscriber,
        "unsubscribe_token": links.token(subscriber, links.UNSUBSCRIBE),
    }
    if request.method == "POST":
        form = ChoicesForm(request.POST)
        if not form.is_valid():
            return _page(request, "manage.html", {**context, "form": form}, status=400)
        subscriptions.change(form, subscriber)
        context["saved"] = True
    elif request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    form = ChoicesForm(initial=ChoicesForm.initial_for(subscriber))
    return _page(request, "manage.html", {**context, "form": form})


@csrf_exempt
def unsubscribe(request, token):
    """The one-click address of RFC 8058, and the "Unsubscribe" link of every message.

    Exempt from CSRF, the only view here that is: a mail program POSTs
    ``List-Unsubscribe=One-Click`` with no cookie, no token and no sign-in. A forged POST
    from another site could only do what the signed address in it allows, which is to stop
    mail to that one address. A GET (what link scanners do) only shows the button."""
    key = links.key_of(token, links.UNSUBSCRIBE)
    if key is None:
        return _subscriber(request, token, links.UNSUBSCRIBE)[1]
    if request.method == "POST":
        subscriptions.unsubscribe(key)  # a replay finds nothing to remove: same answer
        return _notice(
            request,
            _("You are unsubscribed"),
            _("It takes effect now: no more alerts will be sent to this address."),
            sign_up=True,
        )
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    subscriber = Subscriber.objects.filter(key=key).first()
    if subscriber is None:
        return _gone(request)
    return _page(request, "unsubscribe.html", {"subscriber": subscriber, "token": token})
