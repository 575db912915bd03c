"""The composers of send-out messages (``newsroom.mailing`` calls them; see its outbox).

``make(params)`` reads once what every recipient of a dispatch shares (the item, the note, the
banner); ``render(recipient)`` checks that the contact may still be sent it, then puts their own
links in. ``render`` returns None, and nothing is sent, when the contact has unsubscribed or
was deleted, when an embargoed copy's contact is no longer accredited, or when the item is no
longer in the state the dispatch was made for (public, or under embargo): checked again at
most every ``RECHECK_SECONDS`` while a dispatch is being sent.

Parts (``params["part"]``): ``public`` (the item is public), ``embargo`` (accredited contacts
only, before the release), ``correction`` (a note to those who were sent it), ``test`` (to the
press officer's own address, as a recipient would get it).
"""

import html as html_escapes
import re
from email.utils import formataddr

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from newsroom.formats.email import OutgoingMessage
from newsroom.mailing.composers import Recheck

from . import content, links
from .models import MediaContact, SendOut

PUBLIC, EMBARGO, CORRECTION, TEST = "public", "embargo", "correction", "test"
# Stand-ins for the per-recipient links (plain words that survive HTML escaping).
UNSUBSCRIBE_MARK, OPENED_MARK = "x-newsroom-unsubscribe-link", "x-newsroom-opened-link"
CLICK_MARK = "x-newsroom-click-%d-link"
_LINK = re.compile(r'href="(https?://[^"]+)"')


def current_release(page_id, part):
    """The release as this part may show it now, or None."""
    if part == EMBARGO:
        return content.embargoed_release(page_id)
    if part == PUBLIC:
        return content.public_release(page_id)
    # A correction or a test: the public item, or else its embargoed version.
    return content.public_release(page_id) or content.embargoed_release(page_id)


def compose(sendout, release, *, note="", correction=False, test=False):
    """(subject, text, html) with the recipient's links as marks."""
    language = sendout.page.locale.language_code
    with translation.override(language):
        banner = content.banner(release)
        subject = release.title
        if correction:
            subject = _("Correction: %(title)s") % {"title": subject}
        if banner:
            subject = _("%(banner)s: %(title)s") % {"banner": banner, "title": subject}
        if test:
            subject = _("[Test] %(subject)s") % {"subject": subject}
        context = {
            "release": release,
            "banner": banner,
            "note": sendout.note if not correction else "",
            "correction": note,
            "sender_name": sendout.sender_name,
            "unsubscribe_url": UNSUBSCRIBE_MARK,
            "opened_url": OPENED_MARK if sendout.tracking and not test else "",
            "test": test,
        }
        text = render_to_string("sendouts/email/release.txt", context).strip() + "\n"
        html = render_to_string("sendouts/email/release.html", context)
    return content.single_line(subject), text, html


def with_click_marks(html):
    """(html with each web link's address replaced by a numbered mark, [the addresses]): for a
    tracked send-out, each recipient's message then gets click links of its own."""
    targets = []

    def mark(match):
        target = html_escapes.unescape(match.group(1))
        if target not in targets:
            targets.append(target)
        return f'href="{CLICK_MARK % targets.index(target)}"'

    return _LINK.sub(mark, html), targets


def sender_of(sendout):
    if not sendout.sender_name:
        return ""
    return formataddr((content.single_line(sendout.sender_name), settings.DEFAULT_FROM_EMAIL))


class _Contacts:
    """The recipients' contacts, read a batch at a time (``prepare``)."""

    def __init__(self, accredited_only):
        self.accredited_only, self.batch = accredited_only, {}

    def _query(self):
        contacts = MediaContact.objects.reachable().select_related("press_account__user")
        return contacts.accredited() if self.accredited_only else contacts

    def prepare(self, recipients):
        keys = {recipient.data.get("c", "") for recipient in recipients} - {""}
        found = {contact.key.hex: contact for contact in self._query().filter(key__in=list(keys))}
        self.batch = {key: found.get(key) for key in keys}

    def __call__(self, recipient):
        key = recipient.data.get("c", "")
        if key in self.batch:
            return self.batch[key]
        return self._query().filter(key=key).first() if key else None


def _nothing(recipient):
    return None


def sendout_message(params):
    part = params["part"]
    sendout = SendOut.objects.select_related("page__locale").filter(pk=params["sendout"]).first()
    if sendout is None:
        return _nothing
    page_id = sendout.page_id
    release = current_release(page_id, part)
    if release is None:
        return _nothing
    subject, text, html = compose(
        sendout, release, note=params.get("note", ""), correction=part == CORRECTION,
        test=part == TEST,
    )  # fmt: skip
    targets = []
    if sendout.tracking and part != TEST:
        html, targets = with_click_marks(html)
    embargoed = release.until is not None
    still = Recheck(lambda: current_release(page_id, part))
    contacts = _Contacts(accredited_only=embargoed)
    from_email, reply_to = sender_of(sendout), sendout.reply_to
    language = sendout.page.locale.language_code

    def render(recipient):
        if part == TEST:
            return OutgoingMessage(subject=subject, text=text.replace(UNSUBSCRIBE_MARK, "-"),
                                   html=html.replace(UNSUBSCRIBE_MARK, "#"),
                                   from_email=from_email, reply_to=reply_to)  # fmt: skip
        contact = contacts(recipient)
        now = still()
        if contact is None or now is None or (now.until is not None) != embargoed:
            return None
        unsubscribe = links.unsubscribe_url(contact.key.hex, language)
        opened = links.opened_url(sendout.pk, contact.key.hex) if sendout.tracking else ""
        own_html = html.replace(UNSUBSCRIBE_MARK, unsubscribe).replace(OPENED_MARK, opened)
        for number, target in enumerate(targets):
            own_html = own_html.replace(
                CLICK_MARK % number, links.clicked_url(sendout.pk, contact.key.hex, target)
            )
        return OutgoingMessage(
            subject=subject,
            text=text.replace(UNSUBSCRIBE_MARK, unsubscribe),
            html=own_html,
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
            from_email=from_email,
            reply_to=reply_to,
        )

    render.prepare = contacts.prepare
    return render
