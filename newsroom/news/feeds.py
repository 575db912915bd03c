"""The news feeds (all news, one type) and the feed entry of any item.

``entries()`` turns the newest 50 items of a queryset into ``FeedEntry`` values that the RSS,
Atom and JSON Feed writers (``formats.feeds``) all read; topics, people and the press area's
feeds get theirs the same way (``NewsItemQuerySet.feed_entries``).
"""

from django.http import Http404
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Site

from newsroom.contacts.cards import contact_facts
from newsroom.core.addresses import absolute, page_url
from newsroom.core.files import document_size, mime_type_of
from newsroom.core.seek import head
from newsroom.formats.feeds import FEED_LIMIT, FeedEntry, FeedSource, serve_feed

from . import facts
from .models import NewsIndexPage, NewsItemPage


def news_source(index, request, item_type=None):
    """(what the feed is, its items) for the news index, or one type of item in it."""
    queryset = NewsItemPage.objects.visible().newest_first().descendant_of(index)
    path = index.get_url(request)
    if item_type:
        model = NewsItemPage.item_types()[item_type]
        label = str(model._meta.verbose_name_plural).capitalize()
        source = FeedSource(
            title=label,
            description=_("The newest %(type)s from the newsroom.")
            % {"type": model._meta.verbose_name_plural},
            link=f"{path}?type={item_type}",
            feed_base=f"{path}{item_type}/feed/",
            language=index.locale.language_code,
        )
        return source, queryset.of_type(item_type)
    source = FeedSource(
        title=index.title,
        description=index.introduction or _("The newest items from the newsroom."),
        link=path,
        feed_base=f"{path}feed/",
        language=index.locale.language_code,
    )
    return source, queryset


def site_feed_source(request):
    """The all-news source of the current language's news index, or None (for <head> links)."""
    index = NewsIndexPage.objects.live().filter(locale__language_code=get_language() or "en")
    index = index.first()
    return news_source(index, request)[0] if index else None


def news_feed(request, index, fmt, item_type=None):
    if item_type is not None and item_type not in NewsItemPage.item_types():
        raise Http404("There is no item type with that name.")
    source, items = news_source(index, request, item_type)
    return serve_feed(request, source, fmt, entries=lambda: items.feed_entries(request))


def entries(queryset, request, limit=FEED_LIMIT):
    items = facts.attach_videos(head(facts.for_syndication(queryset), limit))
    contacts = facts.press_contacts_of(items, Site.find_for_request(request))
    return [entry_for(item, request, contacts.get(item.pk, [])) for item in items]


def contact_html(contact):
    """One contact as HTML: name, role, then a tel: and a mailto: link."""
    ways = []
    if contact.phone:
        ways.append(format_html('<a href="{}">{}</a>', contact.tel_uri, contact.phone))
    if contact.email:
        ways.append(format_html('<a href="mailto:{0}">{0}</a>', contact.email))
    name = format_html("{}, {}", contact.name, contact.role) if contact.role else contact.name
    return format_html("{}: {}", name, format_html_join(", ", "{}", ((way,) for way in ways)))


def contacts_html(contacts):
    """ "For more information: …" below a press item's body."""
    if not contacts:
        return ""
    return format_html(
        "<p><strong>{}</strong></p><ul>{}</ul>",
        _("For more information:"),
        format_html_join("", "<li>{}</li>", ((contact_html(contact),) for contact in contacts)),
    )


def updates_html(updates):
    """ "Updates to this page" below the body, as the item's page shows them."""
    if not updates:
        return ""
    return format_html(
        "<h2>{}</h2><ul>{}</ul>",
        _("Updates to this page"),
        format_html_join(
            "",
            '<li><time datetime="{}">{}</time>: {}</li>',
            (
                (
                    update["date"].isoformat(),
                    date_format(update["date"], "j F Y, H:i"),
                    update["note"],
                )
                for update in updates
            ),
        ),
    )


def entry_for(item, request, contacts=()):
    url = page_url(item, request)
    video = facts.item_video(item)
    video_file = None
    if video is not None and video.video_file_id and video.video_file:
        video_file = {
            "url": absolute(request, video.video_file.url),
            "mime_type": video.video_file.content_type or mime_type_of(video.video_file.filename),
            "duration": video.duration.total_seconds() if video.duration else None,
            "size": document_size(video.video_file),
        }
    kind = item.specific_class
    updates = facts.item_updates(item)
    return FeedEntry(
        guid=facts.item_guid(item),
        url=url,
        title=item.title,
        summary=item.teaser,
        content_html=facts.body_html(item, request)
        + contacts_html(contacts)
        + updates_html(updates),
        published=facts.published_at(item),
        modified=facts.modified_at(item),
        type_label=str(kind.item_type_label) if kind else "",
        categories=[(topic.title, page_url(topic, request)) for topic in facts.item_topics(item)],
        people=[(person.name, "") for person in item.people.all()],
        image=facts.listing_image(item, request),
        video=video_file,
        language=item.locale.language_code,
        contacts=[contact_facts(contact, request) for contact in contacts],
        version=facts.item_version(item),
        updates=updates,
    )
