"""/en/contacts/<id>.vcf: a press contact's vCard, to keep in an address book."""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from newsroom.core.http import machine_readable
from newsroom.formats.vcards import CONTENT_TYPE, vcard_text

from .cards import contact_card
from .models import PressContact

VCARD_MAX_AGE = 300


@machine_readable(max_age=VCARD_MAX_AGE)
def vcard(request, pk):
    contact = PressContact.objects.select_related("photo").filter(pk=pk).first()
    if contact is None:
        raise Http404(_("There is no press contact at this address."))
    response = HttpResponse(vcard_text([contact_card(contact, request)]), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="press-contact-{contact.pk}.vcf"'
    return response
