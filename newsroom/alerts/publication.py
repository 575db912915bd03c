"""The one place that says "this item just became public" (and "was shared with the press",
"is no longer public"), for alerts.

Every way an item goes live ends in Wagtail's ``page_published`` signal: publishing now (the
admin's publish, a workflow approval, the API), at its scheduled time and when its embargo
ends (both are the scheduler's ``publish_scheduled``, newsroom/scheduling/). A publish whose
go-live time is ahead sends the same signal with the page not live: if it is shared with the
press, that is the moment journalists are told. The publish runs in one transaction
(core/publishing.py), so the fan-out task is enqueued only once it commits, and it asks
``visible()`` itself whether the item is public (a private section, an expired item, a publish
rolled back: nothing is sent). Unpublishing cancels what has not been sent yet.

A publication that carries a public change note its editor asked to send ("Send this correction
to those who received the item", news/models/updates.py) enqueues the correction to everyone
who was sent the item, as the item's alerts page does; the dispatch is keyed by a digest of the
note, so the same note is never sent twice.
"""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from newsroom.mailing import outbox
from newsroom.mailing.signals import delivery_sent
from newsroom.news.models import ChangeNote, NewsItemPage
from newsroom.press.models import AuditEntry

from . import matching, tasks
from .models import Subscriber


def became_public(page):
    transaction.on_commit(lambda: tasks.fan_out_item.enqueue(page.pk))


def shared_with_press(page, revision):
    transaction.on_commit(lambda: tasks.fan_out_embargo.enqueue(page.pk, revision.pk))


@receiver(page_published)
def item_published(sender, instance, revision=None, **kwargs):
    if not isinstance(instance, NewsItemPage):
        return
    if instance.live:
        became_public(instance)
        note = ChangeNote.objects.to_tell(instance, revision)
        if note is not None:
            page_id, text = instance.pk, note.text
            transaction.on_commit(lambda: tasks.send_correction.enqueue(page_id, text))
    elif revision is not None and revision.approved_go_live_at and instance.share_with_press:
        shared_with_press(instance, revision)


@receiver(page_unpublished)
def item_unpublished(sender, instance, **kwargs):
    if isinstance(instance, NewsItemPage):
        outbox.cancel(source=matching.source(instance))


@receiver(delivery_sent)
def audit_embargoed_message(sender, delivery, **kwargs):
    """Each embargoed message a journalist was sent is a row in the embargo audit log."""
    dispatch = delivery.dispatch
    if dispatch.kind != "embargo":
        return
    subscriber = (
        Subscriber.objects.filter(email=delivery.address, press_account__isnull=False)
        .select_related("press_account__user")
        .first()
    )
    account = subscriber.press_account if subscriber else None
    page = NewsItemPage.objects.filter(pk=dispatch.params.get("page")).first()
    AuditEntry.objects.create(
        user=account.user if account else None,
        username=account.user.get_username() if account else delivery.address,
        outlet=account.outlet if account else "",
        page=page,
        item_title=(page.title if page else "")[:255],
        channel=AuditEntry.Channel.EMAIL,
        path=f"mailto:{delivery.address}"[:500],
    )
