"""The composers of every alert message (``newsroom.mailing`` calls them; see its outbox).

``make(params)`` reads and renders what all recipients of a dispatch share, once; the
``render(recipient)`` it returns only checks the recipient still wants the message and puts
their signed links in (a string replacement: no template work per message). ``render`` returns
None, and nothing is sent, when the subscriber has left (or their press account was
deactivated), or when the item is no longer public (or no longer under embargo) — checked
again at most every ``RECHECK_SECONDS`` while a dispatch is being sent.
"""

import datetime

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from newsroom.formats.email import OutgoingMessage
from newsroom.mailing.composers import Recheck
from newsroom.news.models import NewsItemPage
from newsroom.press import embargo
from newsroom.scheduling.timezones import moment_label

from . import content, links
from .models import Subscriber

CONFIRM, ALREADY = "confirm", "already"
# Stand-ins for the per-recipient links in the rendered parts (plain words that survive HTML
# escaping; no headline or teaser holds them).
MANAGE_MARK, UNSUBSCRIBE_MARK = "x-newsroom-manage-link", "x-newsroom-unsubscribe-link"


def _parts(template, context):
    return (
        render_to_string(f"alerts/email/{template}.txt", context).strip() + "\n",
        render_to_string(f"alerts/email/{template}.html", context),
    )


def _links(subscriber):
    manage = content.absolute_url(links.path(subscriber, links.MANAGE))
    unsubscribe = content.absolute_url(links.path(subscriber, links.UNSUBSCRIBE))
    return manage, unsubscribe


def _bulk_message(subject, text, html, subscriber):
    manage, unsubscribe = _links(subscriber)
    return OutgoingMessage(
        subject=content.single_line(subject),
        text=text.replace(MANAGE_MARK, manage).replace(UNSUBSCRIBE_MARK, unsubscribe),
        html=html.replace(MANAGE_MARK, manage).replace(UNSUBSCRIBE_MARK, unsubscribe),
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


class _Receiving:
    """The recipient's subscriber while they still receive (else None). ``prepare()`` (mailing
    calls it with each batch) reads a batch's subscribers in one query: one query a message
    was a quarter of a worker's time."""

    def __init__(self, **filters):
        self.filters, self.batch = filters, {}

    def _query(self):
        return Subscriber.objects.receiving().filter(**self.filters)

    def prepare(self, recipients):
        keys = {recipient.data.get("s", "") for recipient in recipients}
        keys.discard("")
        found = {subscriber.key.hex: subscriber for subscriber in self._query().filter(
            key__in=list(keys))}  # fmt: skip
        self.batch = {key: found.get(key) for key in keys}

    def __call__(self, recipient):
        key = recipient.data.get("s", "")
        if key in self.batch:
            return self.batch[key]
        return self._query().filter(key=key).first() if key else None


def _with_prepare(render, receiving):
    render.prepare = receiving.prepare
    return render


def _visible(pk):
    return NewsItemPage.objects.visible().filter(pk=pk).first()


def _common(language):
    return {"organisation": content.organisation(language), "manage_url": MANAGE_MARK,
            "unsubscribe_url": UNSUBSCRIBE_MARK, "language": language}  # fmt: skip


# --- one item, as soon as it is public --------------------------------------------------------
def item_alert(params):
    language, pk = params["language"], params["page"]
    page = _visible(pk)
    if page is None:
        return lambda recipient: None
    with translation.override(language):
        facts = content.item_facts(page.specific)
        text, html = _parts("item", {**_common(language), "item": facts})
    still_public = Recheck(lambda: _visible(pk))
    receiving = _Receiving()

    def render(recipient):
        subscriber = receiving(recipient)
        if subscriber is None or not still_public():
            return None
        return _bulk_message(facts.title, text, html, subscriber)

    return _with_prepare(render, receiving)


# --- an embargoed item, to journalists, when it is shared with the press -----------------------
def embargo_alert(params):
    """The item under embargo, for as long as it is embargoed until the dispatch's time (a
    moved embargo stops what was not sent yet: its own dispatch says the new time)."""
    language, pk, until = params["language"], params["page"], params["until"]

    def current():
        entry = embargo.find_embargoed(pk)
        if entry and entry.until.astimezone(datetime.UTC).isoformat() == until:
            return entry
        return None

    entry = current()
    if entry is None:
        return lambda recipient: None
    with translation.override(language):
        banner = _("EMBARGOED until %(moment)s") % {"moment": moment_label(entry.until)}
        moved = ""
        if params.get("previously"):
            earlier = datetime.datetime.fromisoformat(params["previously"])
            moved = _("The embargo has moved: it was until %(moment)s.") % {
                "moment": moment_label(earlier)
            }
        url = content.absolute_url(reverse("press:item", args=[pk]))
        facts = content.item_facts(entry.item, url=url)
        context = {**_common(language), "item": facts, "banner": banner, "moved": moved}
        text, html = _parts("item", context)
        subject = _("%(banner)s: %(title)s") % {"banner": banner, "title": facts.title}
    still_embargoed = Recheck(current)
    receiving = _Receiving(press_account__isnull=False, embargoed=True)

    def render(recipient):
        subscriber = receiving(recipient)
        if subscriber is None or not still_embargoed():
            return None
        return _bulk_message(subject, text, html, subscriber)

    return _with_prepare(render, receiving)


# --- a correction, to those who were sent the item ---------------------------------------------
def correction(params):
    language, pk, note = params["language"], params["page"], params["note"]
    page = _visible(pk)
    if page is None:
        return lambda recipient: None
    with translation.override(language):
        facts = content.item_facts(page.specific)
        subject = _("Correction: %(title)s") % {"title": facts.title}
        text, html = _parts("correction", {**_common(language), "item": facts, "note": note})
    still_public = Recheck(lambda: _visible(pk))
    receiving = _Receiving()

    def render(recipient):
        subscriber = receiving(recipient)
        if subscriber is None or not still_public():
            return None
        return _bulk_message(subject, text, html, subscriber)

    return _with_prepare(render, receiving)


# --- a digest: every matching item since the last one ------------------------------------------
def digest(params):
    """A moment's digests: the parts are rendered once per list of items (most subscribers of
    a moment ask the same), and again after RECHECK_SECONDS, so an item unpublished meanwhile
    leaves the digests not sent yet."""
    language = params["language"]
    with translation.override(language):
        organisation = content.organisation(language)
    receiving = _Receiving()
    rendered = {}  # tuple of item ids -> (subject, text, html), or None: nothing left to list
    forget_stale = Recheck(rendered.clear)  # emptied at most every RECHECK_SECONDS

    def parts(item_ids):
        pages = NewsItemPage.objects.visible().filter(pk__in=item_ids)
        pages = list(pages.select_related("listing_image", "locale").newest_first())
        if not pages:
            return None
        with translation.override(language):
            items = [content.item_facts(page) for page in pages]
            subject = ngettext(
                "%(newsroom)s: %(count)s new item, %(date)s",
                "%(newsroom)s: %(count)s new items, %(date)s",
                len(items),
            ) % {
                "newsroom": organisation.newsroom_title,
                "count": len(items),
                "date": params["date"],
            }
            context = {**_common(language), "organisation": organisation, "items": items,
                       "subject": subject}  # fmt: skip
            text, html = _parts("digest", context)
        return subject, text, html

    def render(recipient):
        subscriber = receiving(recipient)
        if subscriber is None:
            return None
        forget_stale()
        item_ids = tuple(recipient.data.get("items", []))
        if item_ids not in rendered:
            rendered[item_ids] = parts(item_ids)
        if rendered[item_ids] is None:
            return None
        return _bulk_message(*rendered[item_ids], subscriber)

    return _with_prepare(render, receiving)


# --- confirmation, and "you are already subscribed" --------------------------------------------
def confirmation(params):
    language, kind = params["language"], params["kind"]
    with translation.override(language):
        organisation = content.organisation(language)

    def render(recipient):
        subscriber = Subscriber.objects.filter(key=recipient.data.get("subscriber", "")).first()
        if subscriber is None or (kind == CONFIRM and subscriber.is_confirmed):
            return None
        with translation.override(language):
            if kind == CONFIRM:
                subject = _("Confirm your e-mail alerts from %(newsroom)s")
                url = content.absolute_url(links.path(subscriber, links.CONFIRM))
            else:
                subject = _("Your e-mail alerts from %(newsroom)s")
                url = content.absolute_url(links.path(subscriber, links.MANAGE))
            subject %= {"newsroom": organisation.newsroom_title}
            context = {"organisation": organisation, "url": url, "kind": kind,
                       "subject": subject, "address": subscriber.email}  # fmt: skip
            text, html = _parts("confirmation", context)
        return OutgoingMessage(subject=subject, text=text, html=html)

    return render
