"""A press contact as every outlet describes it: vCard, JSON-LD ``contactPoint``, ninjs and the
API read these plain values."""

from django.urls import reverse

from newsroom.core.models import OrganisationSettings
from newsroom.formats.vcards import ContactCard


def vcard_path(contact):
    return reverse("contacts:vcard", kwargs={"pk": contact.pk})


def photo_url(contact, request):
    if not contact.photo_id or contact.photo is None:
        return ""
    return request.build_absolute_uri(contact.photo.get_rendition("fill-400x400").url)


def contact_card(contact, request):
    organisation = OrganisationSettings.for_request(request)
    return ContactCard(
        uid=f"urn:newsroom:{request.get_host().split(':')[0]}:press-contact:{contact.pk}",
        name=contact.name,
        role=contact.role,
        organisation=organisation.name,
        tel_uri=contact.tel_uri,
        email=contact.email,
        languages=contact.language_codes,
        photo_url=photo_url(contact, request),
        url=request.build_absolute_uri(vcard_path(contact)),
    )


def contact_facts(contact, request):
    """The contact as JSON for the API and feeds."""
    return {
        "name": contact.name,
        "role": contact.role,
        "phone": contact.phone,
        "email": contact.email,
        "languages": contact.language_codes,
        "photo": photo_url(contact, request) or None,
        "vcard": request.build_absolute_uri(vcard_path(contact)),
    }


def contact_point(contact, request):
    """schema.org ContactPoint, for the organisation's ``contactPoint`` in an item's JSON-LD."""
    data = {"@type": "ContactPoint", "contactType": "media relations", "name": contact.name}
    if contact.role:
        data["description"] = contact.role
    if contact.phone:
        data["telephone"] = contact.phone
    if contact.email:
        data["email"] = contact.email
    if contact.language_codes:
        data["availableLanguage"] = contact.language_codes
    return data


def ninjs_person(contact):
    """ninjs 3.1 ``people`` entry: the contact, with ``contactInfo``."""
    info = []
    if contact.phone:
        info.append({"type": "phone", "role": "office", "value": contact.phone})
    if contact.email:
        info.append({"type": "email", "role": "office", "value": contact.email})
    person = {"name": contact.name, "rel": "pressContact", "contactInfo": info}
    if contact.role:
        person["literal"] = contact.role
    return person
