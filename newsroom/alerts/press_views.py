"""/en/alerts/press/: an accredited journalist's alerts, chosen in the press area.

The address is the press account's (the press office checked it at accreditation), so no
confirmation message is needed; only such a subscription can receive embargoed material. A
deactivated account stops receiving at once: every message checks it when it is composed.
"""

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from newsroom.core import email_addresses as addresses
from newsroom.core.per_language import base_language
from newsroom.press.access import journalist_required

from . import digests
from .forms import PressChoicesForm
from .models import Subscriber


@journalist_required
def press_alerts(request):
    account = request.press_account
    subscriber = Subscriber.objects.filter(press_account=account).first()
    if subscriber is None:
        try:
            email = addresses.normalised(account.user.email)
        except ValidationError:
            message = _("Your press account has no valid e-mail address. Ask the press office.")
            return render(request, "alerts/press.html", {"message": message}, status=409)
        # A public sign-up for the same address becomes this account's (not saved on a GET).
        subscriber = Subscriber.objects.filter(email=email).first() or Subscriber(
            email=email, language=base_language(get_language())
        )
    context = {"subscriber": subscriber}
    if request.method == "POST":
        form = PressChoicesForm(request.POST)
        if not form.is_valid():
            return render(request, "alerts/press.html", {**context, "form": form}, status=400)
        subscriber.press_account = account
        subscriber.confirmed_at = subscriber.confirmed_at or timezone.now()
        form.apply_to(subscriber)
        digests.schedule(subscriber)
        context["saved"] = True
    if subscriber.press_account_id:
        initial = PressChoicesForm.initial_for(subscriber)
    else:
        initial = {"embargoed": True}
    context["form"] = PressChoicesForm(initial=initial)
    return render(request, "alerts/press.html", context)
