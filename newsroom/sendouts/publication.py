"""Send-outs follow the item: when it becomes public, waiting send-outs go to everyone; when it
is unpublished, what has not been sent yet is cancelled; each embargoed message sent is a row
in the embargo audit log. Every way an item goes live ends in Wagtail's ``page_published``
(publishing now, at its scheduled time, when its embargo ends). A publication carrying a change
note its editor asked to send goes, as a correction, to everyone each send-out of the item
reached (keyed by a digest of the note: never twice)."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from newsroom.mailing.signals import delivery_sent
from newsroom.news.models import ChangeNote, NewsItemPage
from newsroom.press.models import AuditEntry

from . import sending, tasks
from .models import MediaContact


@receiver(page_published, dispatch_uid="newsroom-sendouts-published")
def item_published(sender, instance, revision=None, **kwargs):
    if isinstance(instance, NewsItemPage) and instance.live:
        page_id = instance.pk
        transaction.on_commit(lambda: tasks.item_public.enqueue(page_id))
        note = ChangeNote.objects.to_tell(instance, revision)
        if note is not None:
            for sendout_id in sending.sent_for(page_id):
                transaction.on_commit(
                    lambda sendout_id=sendout_id, text=note.text: tasks.send_correction.enqueue(
                        sendout_id, text
                    )
                )


@receiver(page_unpublished, dispatch_uid="newsroom-sendouts-unpublished")
def item_unpublished(sender, instance, **kwargs):
    if isinstance(instance, NewsItemPage):
        sending.cancel_for(instance.pk)


@receiver(delivery_sent, dispatch_uid="newsroom-sendouts-audit")
def audit_embargoed_message(sender, delivery, **kwargs):
    dispatch = delivery.dispatch
    if dispatch.kind != "sendout-embargo":
        return
    contact = (
        MediaContact.objects.filter(email=delivery.address)
        .select_related("press_account__user")
        .first()
    )
    account = contact.press_account if contact else None
    page = NewsItemPage.objects.filter(sendouts__pk=dispatch.params.get("sendout")).first()
    AuditEntry.objects.create(
        user=account.user if account else None,
        username=account.user.get_username() if account else delivery.address,
        outlet=account.outlet if account else (contact.outlet if contact else ""),
        page=page,
        item_title=(page.title if page else "")[:255],
        channel=AuditEntry.Channel.EMAIL,
        path=f"mailto:{delivery.address}"[:500],
    )
