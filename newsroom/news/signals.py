"""Keep the search index complete: Wagtail indexes a page on save, before modelcluster has
written its topics and people, so an item is indexed again once it is published."""

from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import page_published

from .models import NewsItemPage


@receiver(page_published)
def reindex_published_item(sender, instance, **kwargs):
    if isinstance(instance, NewsItemPage):
        index.insert_or_update_object(instance)
