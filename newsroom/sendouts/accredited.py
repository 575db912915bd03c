"""A journalist accredited from a request (newsroom/press/accreditation/) whose address is a
media contact's becomes that contact's press account: the contact is accredited at once."""

from django.dispatch import receiver
from django.utils.translation import gettext as _

from newsroom.press.accreditation.requests import accreditation_approved

from .models import MediaContact


@receiver(accreditation_approved, dispatch_uid="sendouts-link-accredited-contact")
def link_media_contact(sender, request, account, **kwargs):
    contact = MediaContact.objects.filter(email=request.email.lower()).first()
    if contact is None:
        return None
    if contact.press_account_id is not None:
        return _(
            "The media contact with this address is linked to another press account; it was "
            "left as it was."
        )
    contact.press_account = account
    contact.save(update_fields=["press_account"])
    return _("The media contact %(contact)s is now linked to this account (accredited).") % {
        "contact": contact.name or contact.email
    }
