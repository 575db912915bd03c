"""Nothing leaks: scheduled, embargoed, withdrawn, draft and private items appear in no public
channel, through the page cache exactly as the server answers.

The channels are read from the URL resolver and from every page type's Wagtail routes. Each one
is either given the addresses to check here (CHANNELS) or named as not public with the reason
(NOT_PUBLIC). A URL pattern or route nobody has classified fails the test with its name: add it
to one of the two tables when you add a channel.
"""

import datetime
import time

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import PageViewRestriction, get_page_models

from newsroom.caching import generation
from newsroom.core.models import StandardPage
from newsroom.delivery.pagecache import PageCache
from newsroom.delivery.tests.wsgi_client import WSGIClient, django_app
from newsroom.images.factories import ImageFactory
from newsroom.mailing.webhooks import tracking_urls
from newsroom.news.factories import (
    MediaAdvisoryPageFactory,
    PressReleasePageFactory,
    SpeechPageFactory,
    StoryPageFactory,
)
from newsroom.press.factories import embargo
from newsroom.syndication.tests.conftest import tag_items
from newsroom.topics.factories import PersonFactory, TopicPageFactory

pytestmark = pytest.mark.django_db
KINDS = ("scheduled", "embargoed", "withdrawn", "draft", "private")
# Each kind of hidden item is of another type, so every item type's page is exercised.
FACTORIES = {
    "scheduled": SpeechPageFactory,
    "embargoed": PressReleasePageFactory,
    "withdrawn": StoryPageFactory,
    "draft": MediaAdvisoryPageFactory,
    "private": StoryPageFactory,
}


def item_addresses(ctx, item):
    return f"/en/news/{item.display_date:%Y/%m/%d}/{item.slug}/"


# Every public channel and the addresses that exercise it. ``ctx`` holds the public story, the
# topic, the person and the hidden items.
CHANNELS = {
    "syndication:robots": lambda ctx: ["/robots.txt"],
    "web-manifest": lambda ctx: ["/manifest.webmanifest"],
    "syndication:sitemap": lambda ctx: ["/sitemap.xml"],
    "syndication:news-sitemap": lambda ctx: ["/sitemap-news.xml"],
    "syndication:sitemap-section": lambda ctx: [
        "/sitemap-pages.xml",
        "/sitemap-items.xml",
        "/sitemap-people.xml",
    ],
    "syndication:api-root": lambda ctx: ["/api/v1/"],
    "syndication:api-openapi": lambda ctx: ["/api/v1/openapi.json"],
    "syndication:api-items": lambda ctx: [
        "/api/v1/items/?page_size=100",
        "/api/v1/items/?q=Secretplan",
        f"/api/v1/items/?topic={ctx['topic'].slug}",
        f"/api/v1/items/?person={ctx['person'].slug}",
    ],
    "syndication:api-item": lambda ctx: [f"/api/v1/items/{i.pk}/" for i in ctx["all"]],
    "syndication:api-item-ninjs": lambda ctx: [f"/api/v1/items/{i.pk}/ninjs/" for i in ctx["all"]],
    "syndication:api-topics": lambda ctx: ["/api/v1/topics/"],
    "syndication:api-topic": lambda ctx: [f"/api/v1/topics/{ctx['topic'].slug}/"],
    "syndication:api-people": lambda ctx: ["/api/v1/people/"],
    "syndication:api-person": lambda ctx: [f"/api/v1/people/{ctx['person'].slug}/"],
    "syndication:oembed": lambda ctx: [
        f"/api/oembed/?url=http://testserver{item_addresses(ctx, i)}" for i in ctx["all"]
    ],
    "syndication:oembed-frame": lambda ctx: [f"/api/oembed/frame/{i.pk}/" for i in ctx["all"]],
    "syndication:api-not-found": lambda ctx: ["/api/v2/items/"],
    "search": lambda ctx: [
        "/en/search/?q=Secretplan",
        "/en/search/?q=Allies&sort=newest",
        "/fr/recherche/?q=Secretplan",
        "/en/search/?q=Secretplam",  # "Did you mean" offers only words of visible items
        "/en/search/?q=headline+OR+teaser",  # the facets count visible items only
    ],
    "search-suggest": lambda ctx: [
        "/en/search/suggest/?q=Secretplan",
        "/en/search/suggest/?q=secretpl",
        "/fr/recherche/suggest/?q=Secretplan",
    ],
    # The press area: anonymous visitors are sent to sign in (its own tests cover journalists).
    "press:home": lambda ctx: ["/en/press/"],
    "press:sign-in": lambda ctx: ["/en/press/sign-in/"],
    "press:item": lambda ctx: [f"/en/press/items/{i.pk}/" for i in ctx["hidden"]],
    "press:item-ninjs": lambda ctx: [f"/en/press/items/{i.pk}/ninjs.json" for i in ctx["hidden"]],
    "press:item-image": lambda ctx: [
        f"/en/press/items/{i.pk}/images/large/" for i in ctx["hidden"]
    ],
    "press:feed": lambda ctx: ["/en/press/feed/guessed-token/atom/"],
    "press:apply": lambda ctx: ["/en/press/apply/", "/fr/presse/accreditation/"],
    "alerts:sign-up": lambda ctx: ["/en/alerts/", "/fr/alertes/"],
    "alerts:press": lambda ctx: ["/en/alerts/press/"],
    # The media library (its own tests cover journalists and restricted photos).
    "media:library": lambda ctx: [
        "/en/media/",
        "/fr/medias/",
        "/en/media/?type=video",
        "/en/media/?type=gallery",
        f"/en/media/?topic={ctx['topic'].slug}",
        f"/en/media/?person={ctx['person'].slug}",
    ],
    "media:photo": lambda ctx: [f"/en/media/photos/{i.listing_image_id}/" for i in ctx["all"]],
    "media:photo-download": lambda ctx: [
        f"/en/media/photos/{i.listing_image_id}/download/{size}/"
        for i in ctx["all"]
        for size in ("web", "original")
    ],
    "media:gallery": lambda ctx: [f"/en/media/galleries/{i.slug}/" for i in ctx["all"]],
    "media:gallery-zip": lambda ctx: [
        f"/en/media/galleries/{i.slug}/photos.zip" for i in ctx["all"]
    ],
    "events:agenda": lambda ctx: [
        "/en/events/",
        f"/en/events/?topic={ctx['topic'].slug}",
        "/fr/evenements/",
    ],
    "events:calendar": lambda ctx: ["/en/events/calendar.ics", "/fr/evenements/calendrier.ics"],
    "events:topic-calendar": lambda ctx: [f"/en/events/topics/{ctx['topic'].slug}/calendar.ics"],
    "events:event-calendar": lambda ctx: [f"/en/events/{i.slug}.ics" for i in ctx["all"]],
    # A press contact's card names the contact only, never an item.
    "contacts:vcard": lambda ctx: ["/en/contacts/1.vcf"],
    "item_ninjs": lambda ctx: [f"{item_addresses(ctx, i)}ninjs.json" for i in ctx["all"]],
    # Pages Wagtail serves, by type, and the routes of routable pages.
    "HomePage": lambda ctx: ["/en/", "/fr/"],
    "StandardPage": lambda ctx: [ctx["explainer"].url],
    "StoryPage": lambda ctx: [item_addresses(ctx, i) for i in ctx["all"]],
    "PressReleasePage": lambda ctx: [item_addresses(ctx, ctx["by_kind"]["embargoed"])],
    "SpeechPage": lambda ctx: [item_addresses(ctx, ctx["by_kind"]["scheduled"])],
    "MediaAdvisoryPage": lambda ctx: [item_addresses(ctx, ctx["by_kind"]["draft"])],
    "VideoPage": lambda ctx: [],  # the same template and code path as StoryPage (item_base.html)
    "TopicIndexPage": lambda ctx: ["/en/topics/"],
    "TopicPage.index_route": lambda ctx: [ctx["topic"].url],
    "TopicPage.topic_feed": lambda ctx: [f"{ctx['topic'].url}feed/{f}/" for f in FORMATS],
    "NewsIndexPage.index_route": lambda ctx: ["/en/news/"],
    "NewsIndexPage.listing": lambda ctx: [
        "/en/news/?page=1",
        "/en/news/?type=story",
        f"/en/news/?topic={ctx['topic'].slug}",
        "/en/news/?q=Secretplan",
    ],
    "NewsIndexPage.archive_year": lambda ctx: [f"/en/news/{ctx['today']:%Y}/"],
    "NewsIndexPage.archive_month": lambda ctx: [f"/en/news/{ctx['today']:%Y/%m}/"],
    "NewsIndexPage.archive_day": lambda ctx: [f"/en/news/{ctx['today']:%Y/%m/%d}/"],
    "NewsIndexPage.item": lambda ctx: [item_addresses(ctx, i) for i in ctx["all"]],
    "NewsIndexPage.news_feed_default": lambda ctx: ["/en/news/feed/"],
    "NewsIndexPage.news_feed": lambda ctx: [f"/en/news/feed/{f}/" for f in FORMATS],
    "NewsIndexPage.news_type_feed": lambda ctx: [f"/en/news/story/feed/{f}/" for f in FORMATS],
    "NewsIndexPage.item_ninjs": lambda ctx: [
        f"{item_addresses(ctx, i)}ninjs.json" for i in ctx["all"]
    ],
    "PeopleIndexPage.index_route": lambda ctx: ["/en/people/"],
    "PeopleIndexPage.people_list": lambda ctx: ["/en/people/"],
    "PeopleIndexPage.person_detail": lambda ctx: [f"/en/people/{ctx['person'].slug}/"],
    "PeopleIndexPage.person_feed": lambda ctx: [
        f"/en/people/{ctx['person'].slug}/feed/{f}/" for f in FORMATS
    ],
}
FORMATS = ("rss", "atom", "json")

NOT_PUBLIC = {
    "admin": "the Wagtail admin: editors only, never cached",
    "wagtaildocs_serve": "documents by id; item pages and feeds that link them are checked",
    "wagtaildocs_authenticate_with_password": "a password form for a private document",
    "media": "files; every channel is checked for the hidden items' image file names",
    "favicon": "the site's icon, a fixed file: no item content",
    "press:sign-out": "a POST that ends a journalist's session",
    "press:set-password": "a signed link's page: one journalist's password form, no item content",
    "press:new-link": "a POST asking for a new set-password link, no item content",
    "wagtailcore_authenticate_with_password": "a password form (POST) for a private page",
    "wagtailcore_login": "Wagtail's sign-in form for private pages; shows no content",
    "wagtail_serve": "Wagtail's page router: every page type and route is listed on its own",
    "Page": "the tree's root, never served",
    "NewsItemPage": "the base of every item type, never created on its own",
    "alerts:confirm": "a signed link's page: one subscriber's confirmation, no item content",
    "alerts:manage": "a signed link's page: one subscriber's choices, no item content",
    "alerts:unsubscribe": "a signed link's page and one-click POST, no item content",
    "alerts:send-again": "a form (POST) asking for a new confirmation link, no item content",
    "sendouts:unsubscribe": "a signed link's page and one-click POST for one media contact, "
    "no item content",
    "sendouts:opened": "a signed open pixel of a tracked send-out: a GIF, no item content",
    "sendouts:clicked": "a signed link of a tracked send-out: a redirect to the address the "
    "message already showed, no item content",
    **{
        f"anymail:{name}": "a sending service's bounce webhook: a POST answered without content"
        for name in (pattern.name for pattern in tracking_urls())
    },
}


def channel_names():
    """Every URL pattern and page route a reader's request can reach, by name."""
    names = set()

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if str(pattern.pattern).startswith("admin/"):
                    names.add("admin")
                    continue
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}{pattern.namespace}:"
                walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern):
                names.add(f"{namespace}{pattern.name}" if pattern.name else "media")

    walk(get_resolver().url_patterns)
    for model in get_page_models():
        if issubclass(model, RoutablePageMixin):
            names.update(f"{model.__name__}.{route.name}" for route in model.get_subpage_urls())
        else:
            names.add(model.__name__)
    return names


def test_every_public_channel_is_classified():
    unknown = sorted(channel_names() - set(CHANNELS) - set(NOT_PUBLIC))
    assert not unknown, (
        f"Channels nobody has checked for leaks: {unknown}. Add each to CHANNELS in "
        "tests/test_nothing_leaks.py with the addresses that exercise it (or to NOT_PUBLIC with "
        "the reason it is not public)."
    )
    stale = sorted(set(CHANNELS) - channel_names())
    assert not stale, f"CHANNELS names channels that no longer exist: {stale}"


@pytest.fixture
def cached_site(settings, tmp_path, home):
    settings.NEWSROOM_PAGE_CACHE = True
    settings.NEWSROOM_PAGE_CACHE_GENERATION_FILE = tmp_path / "generation"
    settings.NEWSROOM_PAGE_CACHE_GENERATION_TTL = 0
    settings.NEWSROOM_API_RATE_LIMIT = "off"
    generation.reset_store()
    yield WSGIClient(PageCache(django_app()))
    generation.reset_store()


def hidden_item(news_index, kind, today):
    image = ImageFactory(title=f"Secretplan {kind} photo", file__filename=f"secretplan-{kind}.jpg")
    item = FACTORIES[kind](
        parent=news_index,
        title=f"Secretplan {kind} headline",
        slug=f"secretplan-{kind}",
        teaser=f"Secretplan teaser of the {kind} item.",
        display_date=today,
        listing_image=image,
        live=kind in ("withdrawn", "private"),
    )
    later = timezone.now() + datetime.timedelta(days=2)
    if kind == "scheduled":
        embargo(item, later, share=False)
    elif kind == "embargoed":
        embargo(item, later)
    elif kind == "private":
        PageViewRestriction.objects.create(page=item, restriction_type="password", password="x")
    return item


@pytest.fixture
def ctx(news_index, topic_index, home):
    today = timezone.localdate()
    topic = TopicPageFactory(parent=topic_index, title="Readiness")
    person = PersonFactory(name="Ana Minister", slug="ana-minister")
    story = StoryPageFactory(
        parent=news_index,
        title="Allies publish a public story",
        display_date=today,
        with_image=True,
        topics=[topic],
        people=[person],
    )
    hidden = {kind: hidden_item(news_index, kind, today) for kind in KINDS}
    tag_items(hidden.values(), topics=[topic], people=[person])
    explainer = StandardPage(title="About the newsroom", slug="about", introduction="Who we are.")
    home.add_child(instance=explainer)
    explainer.save_revision().publish()
    return {
        "today": today,
        "topic": topic,
        "person": person,
        "story": story,
        "explainer": explainer,
        "hidden": list(hidden.values()),
        "by_kind": hidden,
        "all": [story, *hidden.values()],
    }


def every_address(ctx):
    for name, addresses in CHANNELS.items():
        for url in addresses(ctx):
            yield name, url


def leaks(text, items, url=""):
    """What of ``items`` shows in ``text``: titles, slugs, teasers, image file names (the
    rendition files are named after the image file, e.g. secretplan-draft.2e16d0ba.fill-…)."""
    found = []
    for item in items:
        kind = item.slug.removeprefix("secretplan-")
        for needle in (item.title, item.slug, item.teaser, f"secretplan-{kind}"):
            # An address the reader typed may be repeated back (e.g. in the language links).
            if needle in text and needle not in url:
                found.append(needle)
    return found


def check_every_channel(site, ctx, hidden):
    problems = []
    for name, url in every_address(ctx):
        response = site.get(url)
        if response.status_code >= 500:
            problems.append(f"{name} {url}: {response.status_code}")
        found = leaks(response.content.decode(errors="replace"), hidden, url)
        if found:
            problems.append(f"{name} {url} shows {found}")
    return problems


def test_hidden_items_appear_in_no_channel_and_withdrawal_is_immediate(
    cached_site, ctx, django_capture_on_commit_callbacks
):
    withdrawn = ctx["by_kind"]["withdrawn"]
    others = [item for item in ctx["hidden"] if item is not withdrawn]
    # Warm the page cache while the soon-withdrawn item is live, and prove the checks can fail.
    for url in ("/en/", "/en/news/", "/en/news/feed/rss/", "/sitemap.xml", ctx["topic"].url):
        assert withdrawn.slug in cached_site.get(url).text, url
        assert ctx["story"].slug in cached_site.get(url).text, url
    assert cached_site.get("/en/").cache == "HIT"
    problems = check_every_channel(cached_site, ctx, others)
    assert not problems, "\n".join(problems)

    with django_capture_on_commit_callbacks(execute=True):
        withdrawn.unpublish()
    started = time.monotonic()
    problems = check_every_channel(cached_site, ctx, ctx["hidden"])
    assert problems == [], "\n".join(problems)
    first_pass = time.monotonic() - started
    print(f"every channel checked after withdrawal in {first_pass:.1f} s")


def test_hidden_items_public_addresses_are_404(cached_site, ctx):
    ctx["by_kind"]["withdrawn"].unpublish()
    for kind, item in ctx["by_kind"].items():
        for url in (item_addresses(ctx, item), f"{item_addresses(ctx, item)}ninjs.json"):
            response = cached_site.get(url)
            if kind == "private":
                # A password-protected section asks for its password and shows nothing else.
                assert response.status_code in (200, 401, 403, 404), url
                assert not leaks(response.text, [item], url), url
                continue
            assert response.status_code == 404, (kind, url, response.status_code)
            assert "location" not in response.headers
    # The Wagtail tree address (/en/news/<slug>/) of a hidden item is no way round.
    for kind in ("scheduled", "embargoed", "withdrawn", "draft"):
        item = ctx["by_kind"][kind]
        assert cached_site.get(f"/en/news/{item.slug}/").status_code == 404, kind
