"""The press office's send-out pages in the Wagtail admin.

- ``new``: from an item's page, *Send to media lists*: lists, contacts, note, sender, reply-to.
- ``detail``: before sending, the reach (members, suppressed, unsubscribed, accredited), a
  warning when an earlier send-out of the item went to some of the same contacts, the preview,
  a test to yourself, *send now* / *send when it is public*; after, totals and each recipient's
  state, and the correction form.
- ``item``: an item's send-outs with their totals.
- ``import_contacts`` / ``export_contacts``: CSV in (preview, refusals, all or nothing) and out.
"""

import secrets
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_required

from newsroom.mailing import outbox
from newsroom.mailing.addresses import InvalidAddress
from newsroom.news.models import NewsItemPage
from newsroom.press import embargo

from . import figures, sending, spreadsheets, tasks
from . import messages as composers
from .forms import CorrectionForm, ImportForm, SendOutForm
from .models import MediaContact, SendOut

Status = SendOut.Status


def _item_permissions(request, page):
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    return permissions


def new(request, page_id):
    page = get_object_or_404(NewsItemPage, pk=page_id)
    _item_permissions(request, page)
    initial = {"sender_name": _("Press office"), "reply_to": request.user.email}
    form = SendOutForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        sendout = form.save(commit=False)
        sendout.page, sendout.created_by = page, request.user
        sendout.save()
        form.save_m2m()
        return redirect("sendouts_detail", sendout.pk)
    return render(request, "sendouts/admin/new.html", {
        "header_title": _("Send “%(title)s” to media lists") % {"title": page.title},
        "page": page, "form": form,
    })  # fmt: skip


def _state_of(page):
    """ "public", "embargoed" (shared with the press, release ahead) or "hidden"."""
    if sending.is_public(page.pk):
        return "public", None
    entry = embargo.find_embargoed(page.pk)
    if entry is not None:
        return "embargoed", entry.until
    return "hidden", None


def detail(request, pk):
    sendout = get_object_or_404(SendOut.objects.select_related("page"), pk=pk)
    page = sendout.page
    permissions = _item_permissions(request, page)
    if request.method == "POST":
        if not permissions.can_publish():
            raise PermissionDenied
        action = request.POST.get("action", "")
        handler = ACTIONS.get(action)
        if handler is None:
            messages.error(request, _("Unknown action: nothing was done."))
        else:
            handler(request, sendout)
        return redirect("sendouts_detail", sendout.pk)
    state, until = _state_of(page)
    recipients = sendout.recipients()
    context = {
        "header_title": _("Send-out of “%(title)s”") % {"title": page.title},
        "sendout": sendout,
        "page": page,
        "state": state,
        "until": until,
        "can_send": permissions.can_publish(),
        "lists": [
            (media_list, figures.reach(media_list.contacts())) for media_list in sendout.lists.all()
        ],
        "reach": figures.reach(recipients),
        "correction_form": CorrectionForm(),
    }
    if sendout.status == Status.DRAFT:
        overlapping, earlier = sending.overlap(sendout)
        context["overlap"] = overlapping.count() if earlier else 0
        context["earlier"] = earlier
    else:
        context["totals"] = figures.totals(sendout)
        context["named_totals"] = figures.named(context["totals"])
        context["recipients"] = figures.recipients(sendout)
        context["waiting"] = (
            context["reach"].receiving - context["reach"].accredited
            if sendout.status == Status.EMBARGO
            else 0
        )
    return render(request, "sendouts/admin/detail.html", context)


def _send(request, sendout, when):
    state, _until = _state_of(sendout.page)
    if when == SendOut.When.NOW and state == "hidden":
        messages.error(request, _(
            "This item is neither public nor shared with the press under embargo: it cannot be "
            "sent now. Choose “Send when it is public”."
        ))  # fmt: skip
        return
    if sendout.status == Status.DRAFT and sending.overlap(sendout)[1]:
        overlapping = sending.overlap(sendout)[0].count()
        if overlapping and request.POST.get("again") != "yes":
            messages.warning(request, _(
                "%(count)s of these contacts were already sent this item by an earlier "
                "send-out. Tick “Send to them again” to send anyway."
            ) % {"count": overlapping})  # fmt: skip
            return
    if figures.reach(sendout.recipients()).receiving == 0:
        messages.error(request, _(
            "Nobody would receive it: the chosen lists and contacts are empty, suppressed or "
            "unsubscribed. Nothing was sent."
        ))  # fmt: skip
        return
    with transaction.atomic():
        if not sending.start(sendout, request.user, when):
            sendout.refresh_from_db()
            messages.warning(request, _(
                "This send-out was already sent (by %(user)s at %(time)s): nothing was sent again."
            ) % {"user": sendout.sent_by or "?", "time": sendout.sent_at})  # fmt: skip
            return
        transaction.on_commit(lambda: tasks.send.enqueue(sendout.pk))
    if when == SendOut.When.NOW and state == "embargoed":
        messages.success(request, _(
            "Sent to the accredited contacts under embargo; the others will receive it when "
            "the embargo ends."
        ))  # fmt: skip
    elif state == "public":
        messages.success(request, _("The send-out is on its way."))
    else:
        messages.success(request, _("It will be sent when the item is public."))


def _send_now(request, sendout):
    _send(request, sendout, SendOut.When.NOW)


def _send_when_public(request, sendout):
    _send(request, sendout, SendOut.When.PUBLIC)


def _test(request, sendout):
    address = request.user.email
    if not address:
        messages.error(request, _("Your account has no e-mail address: set one in your account."))
        return
    if composers.current_release(sendout.page_id, composers.TEST) is None:
        messages.error(request, _(
            "A test shows the item as recipients get it: publish it, or share it with the "
            "press under embargo, first."
        ))  # fmt: skip
        return
    try:
        # No source: a test is not one of the send-out's messages, and its totals leave it out.
        outbox.send_one(
            sendout.dispatch_key(f"test:{uuid.uuid4().hex}"), kind="sendout-test",
            composer=sending.COMPOSER, address=address, data={},
            params={"sendout": sendout.pk, "part": composers.TEST}, source=None,
        )  # fmt: skip
    except InvalidAddress as error:
        messages.error(request, str(error))
        return
    messages.success(request, _("A test is on its way to %(address)s.") % {"address": address})


def _correct(request, sendout):
    form = CorrectionForm(request.POST)
    if sendout.status not in (Status.SENT, Status.EMBARGO):
        messages.error(request, _("Only a send-out that was sent can be corrected."))
    elif not form.is_valid():
        messages.error(request, " ".join(form.errors.get("note", [])))
    else:
        note = form.cleaned_data["note"]
        transaction.on_commit(lambda: tasks.send_correction.enqueue(sendout.pk, note))
        messages.success(request, _("The correction is on its way to everyone who received it."))


def _cancel(request, sendout):
    if SendOut.objects.filter(pk=sendout.pk, status=Status.DRAFT).update(status=Status.CANCELLED):
        messages.success(request, _("The send-out is cancelled."))
        return
    cancelled = outbox.cancel(source=sendout)
    SendOut.objects.filter(pk=sendout.pk).exclude(status=Status.SENT).update(
        status=Status.CANCELLED
    )
    messages.success(request, _("%(n)s messages not yet sent are cancelled.") % {"n": cancelled})


ACTIONS = {
    "send-now": _send_now,
    "send-when-public": _send_when_public,
    "test": _test,
    "correct": _correct,
    "cancel": _cancel,
}


def preview(request, pk):
    """The message as a recipient will get it (the HTML part), links to nowhere."""
    sendout = get_object_or_404(SendOut.objects.select_related("page__locale"), pk=pk)
    _item_permissions(request, sendout.page)
    release = composers.current_release(sendout.page_id, composers.TEST)
    if release is None:
        # Not public and not under embargo: the draft as it stands.
        release = composers.content.release_of(
            sendout.page.specific.get_latest_revision_as_object(), "#"
        )
    subject, text, html = composers.compose(sendout, release)
    if request.GET.get("format") == "text":
        body = f"Subject: {subject}\n\n{text}".replace(composers.UNSUBSCRIBE_MARK, "#")
        return HttpResponse(body, content_type="text/plain; charset=utf-8")
    html = html.replace(composers.UNSUBSCRIBE_MARK, "#").replace(composers.OPENED_MARK, "")
    response = HttpResponse(html)
    response["Content-Security-Policy"] = "default-src 'none'; img-src *; style-src 'unsafe-inline'"
    return response


def item(request, page_id):
    page = get_object_or_404(NewsItemPage, pk=page_id)
    _item_permissions(request, page)
    sendouts = list(SendOut.objects.filter(page=page).select_related("sent_by"))
    rows = [(sendout, figures.named(figures.totals(sendout)) if sendout.status != Status.DRAFT
             else None) for sendout in sendouts]  # fmt: skip
    return render(request, "sendouts/admin/item.html", {
        "header_title": _("Send-outs of “%(title)s”") % {"title": page.title},
        "page": page, "rows": rows,
        "totals": figures.for_item(s for s in sendouts if s.status != Status.DRAFT),
        "named_totals": figures.named(
            figures.for_item(s for s in sendouts if s.status != Status.DRAFT)
        ),
    })  # fmt: skip


# --- contacts in and out as CSV ----------------------------------------------------------------
def _upload_folder():
    folder = Path(settings.DATA_DIR) / "contact-imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _held_file(token):
    if not token or not token.isalnum() or len(token) > 64:
        return None
    path = _upload_folder() / f"{token}.csv"
    return path if path.exists() else None


@permission_required("sendouts.add_mediacontact")
def import_contacts(request):
    context = {"header_title": _("Import media contacts"), "form": ImportForm(),
               "columns": spreadsheets.COLUMNS,
               "limit_mb": round(spreadsheets.max_bytes() / 1e6, 1)}  # fmt: skip
    if request.method == "POST" and request.POST.get("token"):
        path = _held_file(request.POST["token"])
        if path is None:
            messages.error(request, _("That import is no longer here: upload the file again."))
            return redirect("sendouts_import")
        try:
            expected = int(request.POST.get("expected", "-1"))
            added, _preview = spreadsheets.import_rows(path.read_bytes(), expected)
        except (spreadsheets.Changed, ValueError):
            messages.error(request, _(
                "The contacts changed since the preview (another import or edit): nothing was "
                "imported. Upload the file again to see a new preview."
            ))  # fmt: skip
            return redirect("sendouts_import")
        path.unlink(missing_ok=True)
        messages.success(request, _("%(n)s contacts were imported.") % {"n": added})
        return redirect("media_contacts:index")
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                spreadsheets.check_size(upload.size)  # before reading a byte of it
                data = upload.read()
                preview = spreadsheets.read(data)
            except spreadsheets.Unreadable as error:
                context["error"] = str(error)
                return render(request, "sendouts/admin/import.html", context, status=400)
            token = secrets.token_hex(16)
            (_upload_folder() / f"{token}.csv").write_bytes(data)
            context.update(preview=preview, token=token)
        else:
            return render(request, "sendouts/admin/import.html", context, status=400)
    return render(request, "sendouts/admin/import.html", context)


@permission_required("sendouts.view_mediacontact")
def export_contacts(request):
    response = HttpResponse(
        spreadsheets.export(MediaContact.objects.all()), content_type="text/csv; charset=utf-8"
    )
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="media-contacts-{stamp}.csv"'
    return response
