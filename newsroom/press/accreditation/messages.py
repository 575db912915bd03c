"""The messages of an accreditation request, composed when sent (``newsroom.mailing`` calls
``compose``; see its outbox), in the language of the form the journalist filled in:

- ``received``: the acknowledgement, right after the request;
- ``approved``: the account's user name and a link to set its password (made at sending, valid
  48 hours from then: the outbox never holds a working link);
- ``new-link``: a fresh link, asked for from an expired one's page;
- ``refused``: a polite answer, with the press office's message if it wrote one.

``render`` returns None (nothing is sent) when the request is gone (erased), or no longer in
the state the message is about.
"""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from newsroom.core.addresses import public_url
from newsroom.core.models import OrganisationSettings
from newsroom.formats.email import OutgoingMessage

from ..models import AccreditationRequest
from . import tokens

RECEIVED, APPROVED, NEW_LINK, REFUSED = "received", "approved", "new-link", "refused"
COMPOSER = "newsroom.press.accreditation.messages.compose"
WANTED_STATUS = {
    RECEIVED: AccreditationRequest.Status.PENDING,
    APPROVED: AccreditationRequest.Status.APPROVED,
    NEW_LINK: AccreditationRequest.Status.APPROVED,
    REFUSED: AccreditationRequest.Status.REFUSED,
}
SUBJECTS = {
    RECEIVED: _("We have received your accreditation request (%(newsroom)s)"),
    APPROVED: _("Your press accreditation is approved (%(newsroom)s)"),
    NEW_LINK: _("A new link to set your press area password (%(newsroom)s)"),
    REFUSED: _("Your accreditation request (%(newsroom)s)"),
}


def _newsroom_title(language):
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return OrganisationSettings.for_site(site).in_language(language).newsroom_title


def compose(params):
    kind, language = params["kind"], params["language"]
    with translation.override(language):
        newsroom = _newsroom_title(language)
        subject = " ".join(str(SUBJECTS[kind] % {"newsroom": newsroom}).split())

    def render(recipient):
        found = (
            AccreditationRequest.objects.select_related("account__user")
            .filter(pk=recipient.data.get("request"), status=WANTED_STATUS[kind])
            .first()
        )
        if found is None or (kind in (APPROVED, NEW_LINK) and found.account is None):
            return None
        with translation.override(language):
            context = {
                "kind": kind,
                "subject": subject,
                "newsroom": newsroom,
                "accreditation": found,
                "sign_in_url": public_url(reverse("press:sign-in")),
                "apply_url": public_url(reverse("press:apply")),
            }
            if kind in (APPROVED, NEW_LINK):
                user = found.account.user
                context["username"] = user.get_username()
                context["set_password_url"] = public_url(tokens.path(user, language))
            text = render_to_string("press/email/accreditation.txt", context).strip() + "\n"
            html = render_to_string("press/email/accreditation.html", context)
        return OutgoingMessage(subject=subject, text=text, html=html)

    return render
