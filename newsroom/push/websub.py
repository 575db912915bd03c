"""WebSub (W3C): every public feed declares the hub (``NEWSROOM_WEBSUB_HUB``) and itself
(``formats/feeds``), and each publish, update or unpublish pings the hub for every feed it
changed: the news feeds, the item type's feeds, its topics' and its people's. The ping is a
background task: ``hub.mode=publish`` and ``hub.url=<feed>``, one POST per feed."""

import logging
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings

from newsroom.formats.feeds import FORMATS
from newsroom.news.models import NewsIndexPage
from newsroom.topics.models import PeopleIndexPage

logger = logging.getLogger(__name__)


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def feeds_for(page):
    """Absolute addresses of the public feeds ``page`` appears in (its language's)."""
    bases = []
    index = NewsIndexPage.objects.live().ancestor_of(page).last()
    if index is not None:
        bases += [index.url, f"{index.url}{page.specific_class.item_type}/"]
    bases += [topic.url for topic in page.topics.live() if topic.url]
    people = PeopleIndexPage.objects.live().filter(locale_id=page.locale_id).first()
    if people is not None:
        bases += [f"{people.url}{person.slug}/" for person in page.people.all()]
    return [_absolute(f"{base}feed/{fmt}/") for base in bases if base for fmt in FORMATS]


def ping(feed_urls):
    """POST the hub for each feed; returns how many the hub accepted (2xx)."""
    hub = settings.NEWSROOM_WEBSUB_HUB
    accepted = 0
    for url in feed_urls if hub else []:
        data = urllib.parse.urlencode({"hub.mode": "publish", "hub.url": url}).encode()
        # The hub is the operator's own setting (http or https), not an editor's input.
        request = urllib.request.Request(hub, data=data, method="POST")  # noqa: S310
        timeout = settings.NEWSROOM_WEBHOOK_TIMEOUT
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310
                accepted += 200 <= answer.status < 300
        except (OSError, urllib.error.URLError) as error:
            logger.warning("WebSub hub %s refused the ping for %s: %s", hub, url, error)
    return accepted
