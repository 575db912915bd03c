"""The events calendar's addresses that show an advisory, for a CDN purge
(``delivery/invalidation.py``), as a page's ``get_cached_paths()`` declares its own."""

from django.urls import reverse
from django.utils import translation

from newsroom.news.filters import live_topics


def advisory_cached_urls(advisory, root_url):
    """The agenda, the calendar of every event, the advisory's own ``.ics`` and the calendars
    of its topics, in the advisory's language, under ``root_url`` (its site's)."""
    if not root_url:
        return []
    with translation.override(advisory.locale.language_code):
        paths = [
            reverse("events:agenda"),
            reverse("events:calendar"),
            reverse("events:event-calendar", kwargs={"slug": advisory.slug}),
        ]
        topic_keys = {topic.translation_key for topic in advisory.topics.all()}
        paths += [
            reverse("events:topic-calendar", kwargs={"slug": slug})
            for slug, topic in live_topics(advisory.locale_id).items()
            if topic.translation_key in topic_keys
        ]
    return [f"{root_url}{path}" for path in paths]
