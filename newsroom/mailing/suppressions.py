"""The suppression list: addresses nothing is sent to any more (bounces, complaints, 5xx
refusals, added by hand), and GDPR erasure."""

from django.db import transaction

from .addresses import InvalidAddress, hashed, normalise
from .models import Delivery, Suppression


def suppressed_among(addresses):
    keys = {*addresses, *(hashed(address) for address in addresses)}
    found = set(Suppression.objects.filter(address__in=keys).values_list("address", flat=True))
    return {address for address in addresses if address in found or hashed(address) in found}


def suppress(address, reason, detail=""):
    """Stop every message to ``address`` (queued ones included). Returns the Suppression."""
    address = normalise(address)
    suppression, _ = Suppression.objects.get_or_create(
        address=address, defaults={"reason": reason, "detail": detail[:2000]}
    )
    return suppression


def is_suppressed(address):
    try:
        address = normalise(address)
    except InvalidAddress:
        return True  # nothing may be sent to it anyway
    return Suppression.objects.filter(address__in=[address, hashed(address)]).exists()


def forget(address):
    """GDPR erasure: delete every delivery to ``address`` and its suppression's detail.

    A suppressed address stays suppressed, as a hash only: the person asked to be forgotten,
    but their address bounced or complained, and mailing it again (were it to come back, e.g.
    typed into the sign-up form by someone else) would harm them and our sending reputation.
    A one-way hash lets us recognise the address without keeping it."""
    address = normalise(address)
    with transaction.atomic():
        deleted, _ = Delivery.objects.filter(address=address).delete()
        suppression = Suppression.objects.filter(address=address).first()
        if suppression is not None:
            Suppression.objects.filter(address=hashed(address)).delete()
            suppression.address = hashed(address)
            suppression.detail = ""
            suppression.save(update_fields=["address", "detail"])
    return deleted
