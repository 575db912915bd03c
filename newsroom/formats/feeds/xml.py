"""RSS 2.0 and Atom through Django's syndication framework, with the elements it lacks.

Django writes and escapes the XML; these subclasses add the full body (RSS ``content:encoded``,
Atom ``content``), Media RSS ``media:content`` for the listing image and video file, and the
item's version and public change notes as elements of the newsroom's own namespace
(``<newsroom:version>3</newsroom:version>``, ``<newsroom:update date="…">note</newsroom:update>``,
newest first), which feed readers that do not know it ignore, as RSS 2.0 and Atom allow.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
MEDIA_NS = "http://search.yahoo.com/mrss/"
NEWSROOM_NS = "urn:newsroom:syndication:1"


def _write_media(handler, media):
    attrs = {"url": media["url"], "medium": media["medium"], "type": media["type"]}
    for name in ("width", "height", "duration", "fileSize"):
        if media.get(name):
            attrs[name] = str(media[name])
    handler.startElement("media:content", attrs)
    if media.get("description"):
        handler.addQuickElement("media:description", media["description"], {"type": "plain"})
    if media.get("credit"):
        handler.addQuickElement("media:credit", media["credit"])
    handler.endElement("media:content")


def _write_updates(handler, item):
    if item.get("version"):
        handler.addQuickElement("newsroom:version", item["version"])
    for update in item.get("updates", ()):
        handler.addQuickElement(
            "newsroom:update", update["note"], {"date": update["date"].isoformat()}
        )


class NewsroomRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": CONTENT_NS,
            "xmlns:media": MEDIA_NS,
            "xmlns:newsroom": NEWSROOM_NS,
        }

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if self.feed.get("hub"):
            handler.addQuickElement("atom:link", None, {"rel": "hub", "href": self.feed["hub"]})

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])
        for media in item.get("media", ()):
            _write_media(handler, media)
        _write_updates(handler, item)


class NewsroomAtomFeed(Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS, "xmlns:newsroom": NEWSROOM_NS}

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if self.feed.get("hub"):
            handler.addQuickElement("link", "", {"rel": "hub", "href": self.feed["hub"]})

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})
        for media in item.get("media", ()):
            _write_media(handler, media)
        _write_updates(handler, item)


class EntryFeed(Feed):
    """A Django feed over prepared ``FeedEntry`` objects (see __init__.py)."""

    feed_type = NewsroomRssFeed
    max_enclosures = 1  # RSS 2.0 allows one enclosure per item

    def __init__(self, *, source, entries, organisation, site_title, home_url, hub=""):
        super().__init__()
        self.hub = hub
        self.source = source
        self.entries = entries
        self.organisation = organisation
        self.site_title = site_title
        self.home_url = home_url
        self.language = source.language

    def title(self):
        return f"{self.source.title} | {self.site_title}"

    def link(self):
        return self.source.link

    def description(self):
        return self.source.description

    def subtitle(self):
        return self.source.description

    def feed_url(self):
        return self.source.feed_path(self.format_name)

    def feed_extra_kwargs(self, obj):
        return {"hub": self.hub} if self.hub else {}

    def author_name(self):
        return self.organisation.name

    def author_link(self):
        return self.home_url

    def feed_copyright(self):
        holder = self.organisation.copyright_holder or self.organisation.name
        return f"© {holder}"

    def items(self):
        return self.entries

    def item_title(self, entry):
        return entry.title

    def item_description(self, entry):
        # RSS readers treat <description> as HTML: escape the plain-text teaser once for HTML.
        return entry.summary_html

    def item_link(self, entry):
        return entry.url

    def item_guid(self, entry):
        return entry.guid

    def item_guid_is_permalink(self, entry):
        return False

    def item_pubdate(self, entry):
        return entry.published

    def item_updateddate(self, entry):
        return entry.modified

    def item_categories(self, entry):
        return [title for title, _url in entry.categories]

    def item_enclosures(self, entry):
        enclosures = []
        if entry.video:
            enclosures.append(
                Enclosure(entry.video["url"], str(entry.video["size"]), entry.video["mime_type"])
            )
        if entry.image:
            # RSS requires a length; "0" is the RSS Board's advice when it is not known.
            enclosures.append(Enclosure(entry.image.url, "0", entry.image.mime_type))
        return enclosures[: self.max_enclosures]

    def item_extra_kwargs(self, entry):
        media = []
        if entry.video:
            media.append(
                {
                    "url": entry.video["url"],
                    "medium": "video",
                    "type": entry.video["mime_type"],
                    "duration": int(entry.video["duration"]) if entry.video["duration"] else None,
                    "fileSize": entry.video["size"] or None,
                }
            )
        if entry.image:
            media.append(
                {
                    "url": entry.image.url,
                    "medium": "image",
                    "type": entry.image.mime_type,
                    "width": entry.image.width,
                    "height": entry.image.height,
                    "description": entry.image.alt,
                    "credit": entry.image.credit,
                }
            )
        return {
            "content_html": entry.content_html,
            "media": media,
            "version": entry.version,
            "updates": entry.updates,
        }


class RssFeed(EntryFeed):
    format_name = "rss"
    feed_type = NewsroomRssFeed


class AtomFeed(EntryFeed):
    format_name = "atom"
    feed_type = NewsroomAtomFeed
    max_enclosures = None  # Atom allows several enclosure links
