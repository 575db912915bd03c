"""The press office's dashboard on the admin's home page: what goes out in the coming days,
what waits for review, what was published today and what mail was sent recently.

It reads the domain (items, their scheduled revisions, workflows) and two outlets (e-mail
alerts' dispatches, send-outs), so it sits above them all. Times are shown in the
organisation's zone (TIME_ZONE), whatever zone an editor's own profile chooses, and say so.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Revision, WorkflowState

from newsroom.mailing.models import Delivery, Dispatch
from newsroom.news.models import NewsItemPage
from newsroom.sendouts.models import SendOut

AHEAD = datetime.timedelta(days=7)
RECENT = datetime.timedelta(days=7)
# The dispatches of e-mail alerts (newsroom/alerts/tasks.py, digests.py).
ALERT_KINDS = {
    "alert": _("alert"),
    "digest": _("digest"),
    "embargo": _("embargoed item to journalists"),
    "correction": _("correction"),
}
LIMIT = 20


def organisation_zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def in_zone(moment):
    return timezone.localtime(moment, organisation_zone())


def _edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id])


def coming_up(now):
    """Items whose scheduled revision goes live in the next days: (when, item, embargoed)."""
    revisions = Revision.page_revisions.filter(
        approved_go_live_at__gt=now, approved_go_live_at__lte=now + AHEAD
    ).order_by("approved_go_live_at")
    when = {}
    for revision in revisions:
        when.setdefault(int(revision.object_id), revision.approved_go_live_at)
    items = NewsItemPage.objects.filter(pk__in=list(when)).select_related("locale")
    rows = [
        {
            "when": in_zone(when[item.pk]),
            "item": item,
            "embargoed": item.share_with_press,
            "edit_url": _edit_url(item.pk),
        }
        for item in items
    ]
    return sorted(rows, key=lambda row: (row["when"], row["item"].pk))[:LIMIT]


def awaiting_review():
    """Items in a workflow, waiting for its current task (e.g. the press officer's review)."""
    states = (
        WorkflowState.objects.active()
        .filter(base_content_type__model="page")
        .select_related("current_task_state__task", "requested_by")
        .order_by("created_at")[:LIMIT]
    )
    states = list(states)
    items = NewsItemPage.objects.in_bulk([int(state.object_id) for state in states])
    rows = []
    for state in states:
        item = items.get(int(state.object_id))
        if item is None:
            continue
        task = state.current_task_state.task if state.current_task_state else None
        rows.append(
            {
                "item": item,
                "task": task.name if task else "",
                "since": in_zone(state.created_at),
                "by": state.requested_by,
                "edit_url": _edit_url(item.pk),
            }
        )
    return rows


def published_today(now):
    start = in_zone(now).replace(hour=0, minute=0, second=0, microsecond=0)
    items = (
        NewsItemPage.objects.live()
        .filter(first_published_at__gte=start)
        .select_related("locale")
        .order_by("-first_published_at")[:LIMIT]
    )
    return [
        {"when": in_zone(item.first_published_at), "item": item, "url": item.url} for item in items
    ]


def mail_sent(now):
    """E-mail alerts and send-outs of the recent days, newest first."""
    since = now - RECENT
    dispatches = list(
        Dispatch.objects.filter(
            kind__in=list(ALERT_KINDS), released_at__gte=since, cancelled_at__isnull=True
        ).order_by("-released_at")[:LIMIT]
    )
    sent = {
        row["dispatch"]: row["count"]
        for row in Delivery.objects.filter(dispatch__in=dispatches, status=Delivery.Status.SENT)
        .values("dispatch")
        .annotate(count=Count("pk"))
    }
    pages = NewsItemPage.objects.in_bulk(
        [dispatch.params["page"] for dispatch in dispatches if dispatch.params.get("page")]
    )
    rows = [
        {
            "when": in_zone(dispatch.released_at),
            "what": _("E-mail alert: %(kind)s") % {"kind": ALERT_KINDS[dispatch.kind]},
            "title": getattr(pages.get(dispatch.params.get("page")), "title", ""),
            "count": sent.get(dispatch.pk, 0),
        }
        for dispatch in dispatches
    ]
    sendouts = (
        SendOut.objects.filter(sent_at__gte=since)
        .select_related("page")
        .order_by("-sent_at")[:LIMIT]
    )
    rows += [
        {
            "when": in_zone(sendout.sent_at),
            "what": _("Send-out"),
            "title": sendout.page.title,
            "count": None,
        }
        for sendout in sendouts
    ]
    return sorted(rows, key=lambda row: row["when"], reverse=True)[:LIMIT]


class PressOfficePanel(Component):
    name = "press_office"
    order = 50
    template_name = "dashboard/press_office.html"

    def get_context_data(self, parent_context=None):
        now = timezone.now()
        zone = organisation_zone()
        return {
            "coming_up": coming_up(now),
            "awaiting_review": awaiting_review(),
            "published_today": published_today(now),
            "mail_sent": mail_sent(now),
            "zone": zone.key,
            "today": in_zone(now),
        }
