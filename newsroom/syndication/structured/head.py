"""What every page's <head> says to machines, chosen from the template context.

    item page      canonical, Open Graph article, Twitter card, JSON-LD NewsArticle or
                   VideoObject + BreadcrumbList, oEmbed and ninjs discovery, the news feeds
    front page     canonical, Open Graph website, JSON-LD Organization + WebSite/SearchAction
    news listing   the news feeds (and the type's feeds when filtered by type)
    topic page     the topic's feeds;  person page: the person's feeds
    any page       the all-news feeds, canonical and basic Open Graph tags

Used by the {% syndication_head %} tag in templates/base.html.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Site

from newsroom.contacts.cards import contact_point
from newsroom.core import addresses, text
from newsroom.core.models import OrganisationSettings
from newsroom.formats.feeds import CONTENT_TYPES, FORMAT_LABELS, FORMATS
from newsroom.home.models import HomePage
from newsroom.images import facts as image_facts
from newsroom.news import facts
from newsroom.news.models import NewsIndexPage, NewsItemPage, VideoPage
from newsroom.topics.models import PeopleIndexPage, TopicPage

from . import jsonld

OG_LOCALES = {"en": "en_GB", "fr": "fr_FR"}


def feed_title(site_title, label):
    return _("%(site)s: %(feed)s") % {"site": site_title, "feed": label}


def feed_links(title, feed_base):
    return [
        {
            "title": f"{title} ({FORMAT_LABELS[fmt]})",
            "type": CONTENT_TYPES[fmt],
            "href": f"{feed_base}{fmt}/",
        }
        for fmt in FORMATS
    ]


def _canonical(request):
    """This address, keeping only a page number past the first."""
    url = request.build_absolute_uri(request.path)
    page = text.whole_number(request.GET.get("page", ""))
    if page and page > 1:
        url += "?" + urlencode({"page": page})
    return url


def head_context(context):
    request = context.get("request")
    if request is None:
        return {}

    language = get_language() or "en"
    organisation = OrganisationSettings.for_request(request)
    site_title = organisation.newsroom_title
    # The news section's address in this language (/fr/actualites/), as the navigation has it.
    sections = context.get("sections")
    news_url = sections["news"] if sections is not None else f"/{language}/news/"
    news_feeds = feed_links(feed_title(site_title, _("All news")), f"{news_url}feed/")
    page = context.get("page")
    head = {"feeds": news_feeds, "canonical": None, "meta": [], "jsonld": [], "links": []}
    if page is None:
        return head
    head["canonical"] = _canonical(request)
    title = page.seo_title or page.title
    description = page.search_description or getattr(page, "introduction", "") or ""
    og_type = "website"
    images = []

    if isinstance(page, NewsItemPage):
        head["canonical"] = addresses.page_url(page, request)
        item_head(head, page, request, organisation)
        return head
    if isinstance(page, HomePage):
        title = site_title
        head["jsonld"] = [
            jsonld.script(jsonld.organization(organisation, request)),
            jsonld.script(jsonld.website(organisation, request, language)),
        ]
    elif isinstance(page, NewsIndexPage):
        item_type = (context.get("filters") or {}).get("type")
        model = NewsItemPage.item_types().get(item_type) if item_type else None
        if model is not None:
            label = str(model._meta.verbose_name_plural).capitalize()
            head["feeds"] = feed_links(
                feed_title(site_title, label), f"{page.url}{item_type}/feed/"
            )
            head["feeds"] += news_feeds
    elif isinstance(page, TopicPage):
        head["feeds"] = (
            feed_links(feed_title(site_title, page.title), f"{page.url}feed/") + news_feeds
        )
    elif isinstance(page, PeopleIndexPage) and context.get("person") is not None:
        person = context["person"]
        title = person.name
        description = person.role or description
        head["feeds"] = (
            feed_links(feed_title(site_title, person.name), f"{request.path}feed/") + news_feeds
        )
        og_type = "profile"
        if person.photo_id and person.photo:
            images = [image_facts.rendition_facts(person.photo, "fill-1200x1200", request)]
    if not images:
        logo = jsonld.logo(organisation, request)
        images = [logo["url"]] if logo else []
    else:
        images = [images[0].url]
    head["meta"] = open_graph(
        og_type=og_type,
        title=title,
        description=description or organisation.name,
        url=head["canonical"],
        site_name=site_title,
        language=language,
        image=images[0] if images else None,
    )
    return head


def open_graph(*, og_type, title, description, url, site_name, language, image=None, alt=""):
    meta = [
        ("property", "og:site_name", site_name),
        ("property", "og:type", og_type),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "og:locale", OG_LOCALES.get(language, language)),
    ]
    if image:
        meta.append(("property", "og:image", image))
    meta += [
        ("name", "twitter:card", "summary_large_image" if image else "summary"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
    ]
    if image:
        meta.append(("name", "twitter:image", image))
        if alt:
            meta.append(("name", "twitter:image:alt", alt))
    return meta


def item_head(head, item, request, organisation):

    url = head["canonical"]
    images = jsonld.share_images(item, request)
    wide = images[0] if images else None
    description = item.search_description or item.teaser
    head["meta"] = open_graph(
        og_type="article",
        title=item.seo_title or item.title,
        description=description,
        url=url,
        site_name=organisation.newsroom_title,
        language=item.locale.language_code,
        image=wide.url if wide else None,
        alt=wide.alt if wide else "",
    )
    if wide:
        position = [name for _attr, name, _content in head["meta"]].index("og:image") + 1
        head["meta"][position:position] = [
            ("property", "og:image:width", str(wide.width)),
            ("property", "og:image:height", str(wide.height)),
            ("property", "og:image:alt", wide.alt),
        ]
    head["meta"] += [
        ("property", "article:published_time", facts.published_at(item).isoformat()),
        ("property", "article:modified_time", facts.modified_at(item).isoformat()),
        ("property", "article:section", str(item.item_type_label)),
    ]
    head["meta"] += [("property", "article:tag", topic.title) for topic in facts.item_topics(item)]
    # The item's meta description is part of its kept head (base.html leaves it to this), so
    # it changes with the live revision, as the rest of the head does.
    head["meta"].insert(0, ("name", "description", item.search_description or item.teaser))

    if isinstance(item, VideoPage):
        main = jsonld.video_object(item, request, organisation, images)
    elif item.schema_type == "Event":
        main = jsonld.event(item, request, organisation, images)
    else:
        main = jsonld.news_article(item, request, organisation, images)
    contacts = item.contacts_for_readers(Site.find_for_request(request))
    if contacts:
        # Whom journalists call about this item: the publishing organisation's contact points.
        organisation_node = main.get("organizer") or main.get("publisher")
        organisation_node["contactPoint"] = [contact_point(c, request) for c in contacts]
    news_index = item.get_parent()
    home = news_index.get_parent()
    trail = [
        (organisation.newsroom_title, addresses.page_url(home, request)),
        (news_index.title, addresses.page_url(news_index, request)),
        (item.title, url),
    ]
    head["jsonld"] = [jsonld.script(main), jsonld.script(jsonld.breadcrumbs(trail))]
    oembed = request.build_absolute_uri(reverse("syndication:oembed"))
    head["links"] = [
        {
            "rel": "alternate",
            "type": "application/json+oembed",
            "href": f"{oembed}?{urlencode({'url': url, 'format': 'json'})}",
            "title": item.title,
        },
        {
            "rel": "alternate",
            "type": "application/json",
            "href": f"{url}ninjs.json",
            "title": _("%(title)s (IPTC ninjs)") % {"title": item.title},
        },
    ]
