"""What else changes who may see an item, besides its own save and delete (which Wagtail's
handlers pass to the backend): a view restriction on it or a section above it, and a move
in the page tree (into or out of a private section, or a new address)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import post_page_move

from newsroom.news.models import NewsItemPage

from . import engine


def _items_at_or_below(page):
    pages = Page.objects.filter(path__startswith=page.path)
    return list(NewsItemPage.objects.filter(pk__in=pages.values("pk")).values_list("pk", flat=True))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        engine.update(_items_at_or_below(page))


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    engine.update(_items_at_or_below(Page.objects.get(pk=instance.pk)))
