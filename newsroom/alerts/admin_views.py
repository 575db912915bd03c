"""The press office's views of alerts in the Wagtail admin.

- Subscribers (``wagtail_hooks.SubscriberViewSet``): searchable, filterable, exported as CSV;
  deleting one erases their data (the subscriber, their choices, their deliveries).
- The summary report: how many subscribers per topic, item type, language and frequency.
- An item's alerts: how many messages were sent, are queued, failed (and why) for each language
  version, and the form that sends a correction to those who were sent it.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.auth import permission_required
from wagtail.admin.views import generic

from newsroom.mailing import outbox
from newsroom.mailing.models import Delivery
from newsroom.news.models import NewsItemPage
from newsroom.topics.models import Person, TopicPage

from . import matching, subscriptions, tasks
from .models import Choice, Frequency, Subscriber

NOTE_LENGTH = 500


class EraseSubscriberView(generic.DeleteView):
    """Deleting a subscriber in the admin also forgets every delivery to the address (GDPR)."""

    def delete_action(self):
        subscriptions.erase(self.object)

    def get_success_message(self):
        return _("%(address)s and every message sent to it are deleted.") % {
            "address": self.object.email
        }


def _names(kind, keys):
    model = TopicPage if kind == Choice.Kind.TOPIC else Person
    field = "title" if kind == Choice.Kind.TOPIC else "name"
    names = {}
    for key, name in model.objects.filter(translation_key__in=keys).values_list(
        "translation_key", field
    ):
        names.setdefault(str(key), name)
    return names


@permission_required("alerts.view_subscriber")
def summary(request):
    confirmed = Subscriber.objects.confirmed()
    rows = (
        Choice.objects.filter(subscriber__confirmed_at__isnull=False)
        .values("kind", "value")
        .annotate(number=Count("subscriber"))
        .order_by("kind", "-number")
    )
    types = dict(NewsItemPage.type_choices)
    by_kind = {kind: [] for kind in Choice.Kind.values}
    for row in rows:
        by_kind[row["kind"]].append(row)
    tables = []
    for kind, heading in (
        (Choice.Kind.TYPE, _("Types of item")),
        (Choice.Kind.TOPIC, _("Topics")),
        (Choice.Kind.PERSON, _("People")),
    ):
        if kind == Choice.Kind.TYPE:
            names = {key: str(label) for key, label in types.items()}
        else:
            names = _names(kind, [row["value"] for row in by_kind[kind]])
        tables.append(
            {
                "heading": heading,
                "rows": [
                    (names.get(row["value"], _("(no longer exists)")), row["number"])
                    for row in by_kind[kind]
                ],
            }
        )
    frequencies = dict(Frequency.choices)
    tables.append(
        {
            "heading": _("Frequency"),
            "rows": [
                (frequencies.get(row["frequency"], row["frequency"]), row["number"])
                for row in confirmed.values("frequency").annotate(number=Count("pk"))
            ],
        }
    )
    tables.append(
        {
            "heading": _("Language"),
            "rows": [
                (row["language"], row["number"])
                for row in confirmed.values("language").annotate(number=Count("pk"))
            ],
        }
    )
    return render(
        request,
        "alerts/admin/summary.html",
        {
            "header_title": _("E-mail alerts: subscribers"),
            "tables": tables,
            "confirmed": confirmed.count(),
            "everything": confirmed.filter(everything=True).count(),
            "pending": Subscriber.objects.filter(confirmed_at__isnull=True).count(),
        },
    )


class CorrectionForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("What was corrected"),
        max_length=NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "A short note, e.g. “An earlier version gave the wrong date for the summit.” It is "
            "sent, with the link, to everyone who was sent this item."
        ),
    )

    def clean_note(self):
        return " ".join(self.cleaned_data["note"].split())


def item_alerts(request, page_id):
    page = get_object_or_404(NewsItemPage, pk=page_id)
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    versions = [page, *NewsItemPage.objects.filter(translation_key=page.translation_key)
                .exclude(pk=page.pk).select_related("locale")]  # fmt: skip
    form = CorrectionForm(request.POST or None)
    if request.method == "POST":
        if not permissions.can_publish():
            raise PermissionDenied
        if not NewsItemPage.objects.visible().filter(pk=page.pk).exists():
            messages.error(request, _("Only a public item's readers can be told of a correction."))
        elif form.is_valid():
            tasks.send_correction.enqueue(page.pk, form.cleaned_data["note"])
            messages.success(
                request, _("The correction is on its way to everyone who was sent this item.")
            )
            return redirect("alerts_item", page.pk)
    rows = []
    for version in versions:
        failures = (
            Delivery.objects.filter(
                dispatch__source_type=NewsItemPage._meta.label_lower,
                dispatch__source_id=str(version.pk),
                status=Delivery.Status.FAILED,
            )
            .values("last_error")
            .annotate(number=Count("pk"))
            .order_by("-number")[:10]
        )
        digests, digest_failures = matching.digest_report(version)
        rows.append(
            {
                "page": version,
                "counts": outbox.counts(matching.source(version)),
                "digests": digests,
                "failures": failures,
                "digest_failures": digest_failures,
            }
        )
    return render(
        request,
        "alerts/admin/item.html",
        {
            "header_title": _("E-mail alerts for “%(title)s”") % {"title": page.title},
            "page": page,
            "rows": rows,
            "form": form,
            "can_publish": permissions.can_publish(),
            "statuses": Delivery.Status.choices,
        },
    )
