"""Wagtail's routing and view-restriction checks from values kept per epoch.

Every request to a page walks the tree from the site's root: two queries per step to find the
child page, and two more to check view restrictions. Sections and topics change only with a new
epoch (their publishes, moves and withdrawals start one: ``delivery/invalidation.py``), so the
steps are kept for the epoch (``caching.memo``); items are read afresh, and so is any page that
a view restriction or an alias could concern.
"""

from django.db.models import Q
from django.http import Http404
from wagtail.models import Page, PageViewRestriction, Site

from newsroom.caching import memo


@memo.per_epoch
def restricted_paths():
    """Tree paths of the pages with a view restriction (a private section and all below it)."""
    ids = list(PageViewRestriction.objects.values_list("page_id", flat=True))
    return list(Page.objects.filter(pk__in=ids).values_list("path", flat=True)) if ids else []


def private_sections_q():
    """Wagtail's ``PageQuerySet.private_q()``, from the paths kept per epoch. Two plain queries
    rather than its join: with ANALYZE statistics and no restriction at all, SQLite drove that
    join from the page table (90 ms on 100,000 items)."""
    condition = Q()
    for path in restricted_paths():
        condition |= Q(path__startswith=path)  # the section and everything below it
    return condition if condition else Q(pk__in=[])


def public(queryset):
    """``queryset.public()`` (pages outside private sections) without its per-call query."""
    return queryset.exclude(private_sections_q())


@memo.per_epoch
def site_root_paths():
    return Site.get_site_root_paths()


@memo.per_generation
def aliases_exist():
    return Page.objects.filter(alias_of__isnull=False).exists()


def _kept(child):
    return child is not None and getattr(child, "routing_is_kept", True)


@memo.per_epoch(keep=_kept)
def child_page(parent, slug):
    """The specific child page of ``parent`` at ``slug``, or None. Sections and topics are kept
    for the epoch; a page class that says ``routing_is_kept = False`` (news items: an item's
    publish keeps the epoch, and the tree address that leads here only redirects to the dated
    one) is read afresh. A page not found is looked for again on the next request: it may have
    been published since."""
    child = parent.get_children().filter(slug=slug).first()
    return child.specific if child is not None else None


class MemoisedServing:
    """For page models: Wagtail's routing to a child page and its check of view restrictions
    (two queries each, on every request) from values kept per epoch. A page is routed as
    Wagtail does; its restrictions are read as Wagtail does as soon as any restriction or alias
    could concern it."""

    routing_is_kept = True

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        child = child_page(self, path_components[0])
        if child is None:
            raise Http404
        # Treebeard's cache of the parent (no public setter): the route came from it.
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])

    def get_view_restrictions(self):
        if (
            self.alias_of_id is None
            and not aliases_exist()
            and not any(self.path.startswith(path) for path in restricted_paths())
        ):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
