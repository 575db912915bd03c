"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written with the json module.

No maintained library writes JSON Feed 1.1 better than a dict does; the structure is small.
"""

VERSION = "https://jsonfeed.org/version/1.1"


def json_feed(
    *, source, entries, request, organisation, site_title, home_url, icon_url=None, hub=""
):
    feed = {
        "version": VERSION,
        "title": f"{source.title} | {site_title}",
        "home_page_url": request.build_absolute_uri(source.link),
        "feed_url": request.build_absolute_uri(source.feed_path("json")),
        "description": source.description,
        "language": source.language,
        "authors": [{"name": organisation.name, "url": home_url}],
        "items": [_item(entry) for entry in entries],
    }
    if icon_url:
        feed["icon"] = icon_url
    if hub:
        feed["hubs"] = [{"type": "WebSub", "url": hub}]
    return feed


def _item(entry):
    item = {
        "id": entry.guid,
        "url": entry.url,
        "title": entry.title,
        "summary": entry.summary,
        "content_html": entry.content_html or f"<p>{entry.summary_html}</p>",
        "date_published": entry.published.isoformat(),
        "date_modified": entry.modified.isoformat(),
        "language": entry.language,
        "tags": [title for title, _url in entry.categories],
    }
    if entry.image:
        item["image"] = entry.image.url
    if entry.video:
        attachment = {"url": entry.video["url"], "mime_type": entry.video["mime_type"]}
        if entry.video["size"]:
            attachment["size_in_bytes"] = entry.video["size"]
        if entry.video["duration"]:
            attachment["duration_in_seconds"] = entry.video["duration"]
        item["attachments"] = [attachment]
    # A JSON Feed extension (an object whose name starts with "_"): whom to call about it, the
    # item's version and its public change notes.
    extension = {}
    if entry.contacts:
        extension["press_contacts"] = entry.contacts
    if entry.version:
        extension["version"] = entry.version
    if entry.updates:
        extension["updates"] = [
            {"date": update["date"].isoformat(), "note": update["note"]} for update in entry.updates
        ]
    if extension:
        item["_newsroom"] = extension
    return item
