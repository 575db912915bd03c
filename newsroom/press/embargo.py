"""What is under embargo: items shared with the press whose go-live time is still ahead.

An embargoed item is a not-live ``NewsItemPage`` with ``share_with_press`` ticked and a revision
Wagtail has approved to go live later (``Revision.approved_go_live_at``). Journalists read that
scheduled revision, which is exactly what will be published.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Revision

from newsroom.news.models import NewsItemPage


@dataclass
class Embargoed:
    item: object  # the specific page, as in its scheduled revision
    until: object  # aware datetime
    revision: Revision


def _scheduled_revisions():
    return Revision.page_revisions.filter(approved_go_live_at__gt=timezone.now())


def embargoed_pages(language=None):
    """Embargoed items of one language (default: the active one), soonest release first."""

    revisions = {int(rev.object_id): rev for rev in _scheduled_revisions()}
    if not revisions:
        return []
    language = language or get_language() or "en"
    pages = NewsItemPage.objects.not_live().filter(
        pk__in=list(revisions), share_with_press=True, locale__language_code=language
    )
    found = []
    for page in pages:
        revision = revisions[page.pk]
        item = revision.as_object()
        if getattr(item, "share_with_press", False):
            found.append(
                Embargoed(item=item, until=revision.approved_go_live_at, revision=revision)
            )
    return sorted(found, key=lambda entry: (entry.until, entry.item.pk))


def find_embargoed(page_id):
    """The embargoed item with this id (any language), or None."""

    page = NewsItemPage.objects.not_live().filter(pk=page_id, share_with_press=True).first()
    if page is None:
        return None
    revision = (
        Revision.page_revisions.filter(
            object_id=str(page.pk), approved_go_live_at__gt=timezone.now()
        )
        .order_by("-approved_go_live_at")
        .first()
    )
    if revision is None:
        return None
    item = revision.as_object()
    if not getattr(item, "share_with_press", False):
        return None
    return Embargoed(item=item, until=revision.approved_go_live_at, revision=revision)
