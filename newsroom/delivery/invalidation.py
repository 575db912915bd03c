"""What makes cached pages stale: every rule in one place.

Any change a reader could see bumps the site generation (``generation.py``) once the database
transaction commits, so every cached page (item, front page, listings, archives, topics, people,
feeds, sitemaps, API lists, search, 404s) is rendered afresh on its next request, in every
worker and on every app server sharing the store. One global counter rather than per-URL keys:
an item appears on dozens of URLs (front page, listing pages, archives, topics, people, related
items of other items, feeds), and working them out exactly is where stale pages come from. The
cost is that a publish also re-renders unaffected pages — each once, on demand.

Publishing a news item (new, or a new version of it) is the only change that keeps the epoch (see
``generation.py``); every other change starts a new one, also publishing any other page (a topic,
a section, the front page), whose title or address items show. Within an epoch two shortcuts
are safe: while a page is re-rendered, the page cache may answer other readers with its previous
copy (``pagecache.py``: a publish under load does not queue every reader behind hundreds of
renders), and rendered pieces of items (cards, feed bodies, an item page's head and article) are
reused by their item's live revision (``fragments.py``).
After a withdrawal (unpublishing, deleting, moving, making private, redirecting) no earlier copy
is served; after an image, person or settings change no card is reused.

When the edge cache (Varnish) or a CDN is configured (``WAGTAILFRONTENDCACHE``), each change also
purges there the surrogate keys of what it altered (``changed_keys()``, sent by ``purge.py``):
exactly the pages that show it, wherever a backend has keys; and the URLs it affects most
directly, for CDNs that have only URLs (others age out within ``NEWSROOM_CACHE_S_MAXAGE``).

RULES (signal -> why; every rule but the first starts a new epoch)
  page_published          a page went live or a new version of it did (also the front page's
                          featured items and further links, which are saved with it); only a
                          news item's keeps the epoch
  page_slug_changed       its address and its descendants' changed (links, cards, feeds)
  page_unpublished        it must disappear from every listing and its own address
  post_page_move          its address and its listings changed
  post_delete (any page)  as unpublishing
  post_save/post_delete   Person, Place (snippets shown on items and /people/), press
                          contacts and their settings (m2m_changed too: the sections' defaults),
                          OrganisationSettings (header, footer), images and documents (alt text,
                          captions, titles shown in pages), redirects (a cached 404 may now
                          redirect), view restrictions (a page became private), sites and locales
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from newsroom.caching import generation, surrogate
from newsroom.contacts.models import SECTIONS, PressContact, PressContactSettings
from newsroom.core.models import OrganisationSettings
from newsroom.delivery.purge import purge_keys
from newsroom.events.addresses import advisory_cached_urls
from newsroom.images.models import Gallery, GalleryPhoto
from newsroom.news.models import MediaAdvisoryPage, NewsItemPage
from newsroom.topics.models import PeopleIndexPage, Person, Place

logger = logging.getLogger(__name__)


def content_changed(urls=(), *, page_published=False, keys=(surrogate.ALL,)):
    """Make every cached page stale once the current transaction commits; purge ``urls``, and
    the surrogate ``keys`` where the edge cache or CDN has keys (by default every page).
    ``page_published``: the change is only a news item's new live revision, so the epoch is kept.

    Other apps call this for changes no rule below covers.
    """
    urls, keys = list(urls), list(keys)
    generation.content_saved()

    def on_commit():
        generation.bump(hard=not page_published)
        if keys:
            purge_keys(keys)
        if urls:
            purge_cdn(urls)

    transaction.on_commit(on_commit)


# --- the rules --------------------------------------------------------------------------------
def on_page_published(sender, instance, **kwargs):

    # Items show topics' and sections' titles and addresses, which rendered item fragments
    # keep within an epoch: only an item's own new version may keep it.
    content_changed(
        affected_urls(instance),
        page_published=isinstance(instance, NewsItemPage),
        keys=changed_keys(instance),
    )


def on_slug_changed(sender, instance, **kwargs):
    content_changed(keys=changed_keys(instance))


def on_page_unpublished(sender, instance, **kwargs):
    content_changed(affected_urls(instance), keys=changed_keys(instance))


def on_page_moved(sender, instance, parent_page_before=None, **kwargs):
    urls = affected_urls(instance)
    if parent_page_before is not None:
        urls.extend(page_urls([parent_page_before]) if cdn_configured() else [])
    content_changed(urls, keys=changed_keys(instance))


def on_page_deleting(sender, instance, **kwargs):
    # The addresses and keys must be worked out before the rows are gone.
    if cdn_configured():
        # A page readers never saw is on no cached page.
        instance._delivery_keys = changed_keys(instance) if instance.live else []
    if instance.live and cdn_configured():
        instance._delivery_urls = affected_urls(instance)


def on_page_deleted(sender, instance, **kwargs):
    keys = getattr(instance, "_delivery_keys", [surrogate.ALL])
    content_changed(getattr(instance, "_delivery_urls", ()), keys=keys)


def on_page_saved(sender, instance, **kwargs):
    # Not a reader-visible change by itself (drafts are saved too), but listings computed in
    # this process must not outlive it (pages made in code, e.g. by factories in tests).
    if isinstance(instance, Page):
        generation.content_saved()


def on_content_saved(sender, instance, **kwargs):
    content_changed(snippet_urls(instance), keys=changed_keys(instance))


def on_contacts_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        content_changed()


def watched_models():
    """The non-page models whose saves and deletions readers see."""
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, PageViewRestriction, Site

    return [
        Person,
        Place,
        PressContact,
        PressContactSettings,
        OrganisationSettings,
        get_image_model(),
        Gallery,
        GalleryPhoto,
        get_document_model(),
        Redirect,
        PageViewRestriction,
        Site,
        Locale,
    ]


def connect():
    page_published.connect(on_page_published, dispatch_uid="delivery-published")
    page_slug_changed.connect(on_slug_changed, dispatch_uid="delivery-slug-changed")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="delivery-unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="delivery-moved")
    # Deleting any page deletes its wagtailcore_page row, whatever its type.
    pre_delete.connect(on_page_deleting, sender=Page, dispatch_uid="delivery-page-deleting")
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="delivery-page-deleted")
    post_save.connect(on_page_saved, dispatch_uid="delivery-page-saved")
    for model in watched_models():
        uid = f"delivery-{model._meta.label_lower}"
        post_save.connect(on_content_saved, sender=model, dispatch_uid=uid + "-saved")
        post_delete.connect(on_content_saved, sender=model, dispatch_uid=uid + "-deleted")
    # The sections' default contacts are saved after the settings row, by the form's m2m save.
    for field in SECTIONS.values():
        through = getattr(PressContactSettings, field).through
        uid = f"delivery-{through._meta.label_lower}"
        m2m_changed.connect(on_contacts_changed, sender=through, dispatch_uid=uid)


# --- which surrogate keys a change purges -----------------------------------------------------
def changed_keys(instance):
    """The keys of the pages ``instance``'s change may alter. Models that know what shows them
    say so (``changed_keys()``: items, topics, people, the front page); an image purges the
    pages showing it or a gallery of it, and every list; anything else (sections, settings,
    contacts, redirects, restrictions, sites) purges every page."""
    if not cdn_configured():
        return []
    if type(instance).__name__ == "Page":
        instance = instance.specific_deferred
    if hasattr(instance, "changed_keys"):
        return instance.changed_keys()
    if isinstance(instance, get_image_model()):
        galleries = GalleryPhoto.objects.filter(image_id=instance.pk).values_list("gallery_id")
        return [
            surrogate.key_for(instance),
            surrogate.LISTS,
            *(surrogate.key_for_id(Gallery, pk) for (pk,) in galleries.distinct()),
        ]
    return [surrogate.ALL]


# --- which URLs a CDN should drop at once -----------------------------------------------------
def cdn_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def affected_urls(page):
    """The addresses of the page, its ancestors and, for an item, its date archives, topics
    and people: each page with the paths it declares (``get_cached_paths()``: its feeds)."""
    if not cdn_configured():
        return []
    page = page.specific_deferred if type(page).__name__ == "Page" else page
    batch = PurgeBatch()
    batch.add_pages([page, *page.get_ancestors().filter(depth__gte=2)])
    if isinstance(page, NewsItemPage):
        index_url = page.get_parent().full_url
        if index_url:
            date = page.display_date
            batch.add_urls([f"{index_url}{date:%Y/}", f"{index_url}{date:%Y/%m/}"])
            batch.add_url(f"{index_url}{date:%Y/%m/%d/}")
        batch.add_pages(page.topics.all())
        for person in page.people.all():
            batch.add_urls(person_urls(person))
    if isinstance(page, MediaAdvisoryPage):
        batch.add_urls(advisory_cached_urls(page, page.get_site().root_url))
    return sorted(batch.urls)


def page_urls(pages):
    batch = PurgeBatch()
    batch.add_pages(pages)
    return sorted(batch.urls)


def snippet_urls(instance):
    """A person's page and feeds, and the list of people."""
    if not (isinstance(instance, Person) and cdn_configured()):
        return []
    index = PeopleIndexPage.objects.filter(locale_id=instance.locale_id).first()
    return [index.full_url, *person_urls(instance)] if index and index.full_url else []


def person_urls(person):
    """The person's page and feeds under the people index of their language."""
    index = PeopleIndexPage.objects.filter(locale_id=person.locale_id).first()
    if index is None or not index.full_url:
        return []
    return [f"{index.full_url}{path}" for path in index.person_cached_paths(person)]


def purge_cdn(urls):
    batch = PurgeBatch()
    batch.add_urls(sorted(set(urls)))
    try:
        batch.purge()
    except Exception:  # a CDN outage must not break publishing; pages age out by s-maxage
        logger.exception("Purging %s URL(s) from the CDN failed", len(batch.urls))
