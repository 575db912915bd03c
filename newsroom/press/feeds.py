"""Private feeds of embargoed items, Atom and JSON Feed, at an address holding a secret token.

The entries come from the news feeds' builder (newsroom/news/feeds.py), with the
press area's addresses instead of the public ones (which answer 404 until release), the embargo
time in each entry, and an audit row per item per fetch. A wrong or revoked token gets 404 with
a message saying what to do; the answer is never cached.
"""

import dataclasses
import re

from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from newsroom.core import addresses
from newsroom.core.http import json_response
from newsroom.core.models import OrganisationSettings
from newsroom.formats.feeds import CONTENT_TYPES, FeedSource, feed_document
from newsroom.news import facts
from newsroom.news.feeds import entry_for
from newsroom.news.models import NewsItemPage
from newsroom.scheduling.timezones import local

from . import embargo
from .access import audit, private
from .models import AuditEntry, PressAccount
from .views import banner

# What new_token() makes (secrets.token_urlsafe); anything else is refused before the database
# sees it (PostgreSQL refuses text holding a NUL byte, for one).
TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")
CHANNELS = {"atom": AuditEntry.Channel.FEED_ATOM, "json": AuditEntry.Channel.FEED_JSON}


def _refused(fmt):
    message = _(
        "This feed address is not valid: it may have been replaced or revoked, or the account "
        "closed. Sign in to the press area to find your current feed address."
    )
    if fmt == "json":
        return private(json_response({"error": {"status": 404, "message": message}}, status=404))
    return private(HttpResponse(message, status=404, content_type="text/plain; charset=utf-8"))


def feed(request, token, fmt):
    if not TOKEN.fullmatch(token):
        return _refused(fmt)
    account = (
        PressAccount.objects.select_related("user")
        .filter(feed_token=token, active=True, user__is_active=True)
        .first()
    )
    if account is None:
        return _refused(fmt)
    embargoed = embargo.embargoed_pages()
    pages = facts.attach_videos(
        facts.for_syndication(NewsItemPage.objects.filter(pk__in=[e.item.pk for e in embargoed]))
    )
    by_id = {page.pk: page for page in pages}
    entries, matched = [], []
    for entry in embargoed:
        page = by_id.get(entry.item.pk)
        if page is None:
            continue
        built = entry_for(page, request)
        image = built.image
        if image is not None:
            image = dataclasses.replace(
                image,
                url=request.build_absolute_uri(reverse("press:item-image", args=[page.pk, "wide"])),
            )
        entries.append(
            dataclasses.replace(
                built,
                url=request.build_absolute_uri(reverse("press:item", args=[page.pk])),
                summary=f"{banner(entry.until)}. {built.summary}",
                image=image,
            )
        )
        matched.append(entry)
    home = reverse("press:home")
    source = FeedSource(
        title=_("Under embargo"),
        description=_("Items under embargo for accredited journalists, soonest release first."),
        link=home,
        feed_base=reverse("press:feed", args=[token, "atom"]).rsplit("atom/", 1)[0],
        language=(request.LANGUAGE_CODE or "en"),
    )
    organisation = OrganisationSettings.for_request(request)
    context = {
        "source": source,
        "entries": entries,
        "organisation": organisation,
        "site_title": organisation.newsroom_title,
        "home_url": addresses.home_url(request),
    }
    document = feed_document("json" if fmt == "json" else "atom", request, **context)
    if fmt == "json":
        for item, entry in zip(document["items"], matched, strict=True):
            item["_embargo"] = {"embargoed_until": local(entry.until).isoformat()}
        response = json_response(document, content_type=CONTENT_TYPES["json"])
    else:
        response = document
    audit(request, account, matched, CHANNELS[fmt])
    return private(response)
