"""What a send-out message says, read once per dispatch as plain values: the item (its
headline, date, teaser, body as text and HTML, address), the note, the banner of an embargo."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from newsroom.core.text import plain_text
from newsroom.news.models import NewsItemPage
from newsroom.press import embargo
from newsroom.scheduling.timezones import moment_label

from .links import absolute_url


@dataclass
class Release:
    pk: int
    title: str
    date: str
    teaser: str
    body_html: str
    body_text: str
    url: str
    type_label: str
    until: object = None  # the embargo's end, when sent under embargo


def single_line(text):
    return " ".join(str(text or "").split())


def _body(item):
    if not item.body:
        return ""
    # Rendered without a request, as the feeds' plain bodies are: no image needs the reader.
    return str(item.body.render_as_block()).strip()


def release_of(item, url, until=None):
    html = _body(item)
    return Release(
        pk=item.pk,
        title=single_line(item.title),
        date=formats.date_format(item.display_date, "j F Y"),
        teaser=plain_text(item.teaser),
        body_html=html,
        body_text=plain_text(html.replace("</p>", "</p>\n")),
        url=url,
        type_label=str(item.specific_class.item_type_label),
        until=until,
    )


def public_release(page_id):
    """The item as readers see it, when it is public (else None)."""
    page = NewsItemPage.objects.visible().filter(pk=page_id).select_related("locale").first()
    if page is None:
        return None
    page = page.specific
    return release_of(page, absolute_url(page.get_url()))


def embargoed_release(page_id):
    """The scheduled revision shared with the press, while under embargo (else None)."""
    entry = embargo.find_embargoed(page_id)
    if entry is None:
        return None
    with translation.override(entry.item.locale.language_code):
        url = absolute_url(_press_path(page_id))
    return release_of(entry.item, url, until=entry.until)


def _press_path(page_id):
    # The press area's address of the item (signed-in journalists read it there).
    return reverse("press:item", args=[page_id])


def banner(release):
    if release.until is None:
        return ""
    return _("EMBARGOED until %(moment)s") % {"moment": moment_label(release.until)}
