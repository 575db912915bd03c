"""The admin's views of the outbox: dispatches with their figures, and the mail notice."""

from django.conf import settings
from django.contrib import messages
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import IndexView, InspectView

from .backends import mail_folder
from .models import Delivery

Status = Delivery.Status


def status_counts():
    """Annotations: one count per status, and "waiting" (queued for a retry after a failure)."""
    counts = {
        f"n_{status}": Count("deliveries", filter=Q(deliveries__status=status))
        for status in Status.values
    }
    counts["n_waiting"] = Count(
        "deliveries",
        filter=Q(deliveries__status=Status.QUEUED, deliveries__next_attempt_at__isnull=False),
    )
    return counts


def writes_files():
    return settings.EMAIL_BACKEND == "newsroom.mailing.backends.EmlFileBackend"


def mail_notice():
    """The sentence the admin shows when no mail leaves this machine, or ""."""
    if not writes_files():
        return ""
    return _(
        "No mail server is configured: messages are not sent but written as .eml files to "
        "%(folder)s. Set EMAIL_HOST (or a sending service) to send them; see the operators' "
        "guide, Mail."
    ) % {"folder": mail_folder()}


class MailNoticePanel(Component):
    name = "mail_notice"
    order = 50

    def render_html(self, parent_context=None):
        return format_html(
            '<section class="panel help-block help-warning" aria-labelledby="mail-notice">'
            '<h2 id="mail-notice">{}</h2><p>{}</p></section>',
            _("Mail is written to files"),
            mail_notice(),
        )


class DispatchIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(**status_counts())

    def get(self, request, *args, **kwargs):
        if notice := mail_notice():
            messages.warning(request, notice)
        return super().get(request, *args, **kwargs)


class DispatchInspectView(InspectView):
    """A dispatch: its figures per status, why deliveries failed or wait, and the export."""

    extra_fields = {
        "figures": gettext_lazy("Deliveries"),
        "problems": gettext_lazy("Failures and waits, by reason"),
        "export": gettext_lazy("Export"),
    }

    def get_field_label(self, field_name, field):
        if field_name in self.extra_fields:
            return self.extra_fields[field_name]
        return super().get_field_label(field_name, field)

    def get_figures_display_value(self):
        deliveries = self.object.deliveries
        counts = dict.fromkeys(Status.values, 0)
        counts.update(
            {row["status"]: row["n"] for row in deliveries.values("status").annotate(n=Count("id"))}
        )
        waiting = deliveries.filter(status=Status.QUEUED, next_attempt_at__isnull=False).count()
        items = [(Status(status).label, number) for status, number in counts.items()]
        items.append((_("of the queued, waiting for a retry"), waiting))
        return (
            format_html("<ul>{}</ul>", format_html_join("", "<li>{}: {}</li>", items))
            if items
            else "-"
        )

    def get_problems_display_value(self):
        rows = (
            self.object.deliveries.filter(
                Q(status=Status.FAILED) | Q(status=Status.QUEUED, next_attempt_at__isnull=False)
            )
            .values("status", "last_error")
            .annotate(n=Count("id"))
            .order_by("-n")[:20]
        )
        if not rows:
            return _("none")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{} × {}: {}</li>",
                (
                    (
                        row["n"],
                        _("waiting") if row["status"] == Status.QUEUED else _("failed"),
                        row["last_error"],
                    )
                    for row in rows
                ),
            ),
        )

    def get_export_display_value(self):
        url = reverse("mailing_deliveries:index") + f"?dispatch={self.object.pk}&export=csv"
        return format_html('<a href="{}">{}</a>', url, _("Deliveries as CSV"))
