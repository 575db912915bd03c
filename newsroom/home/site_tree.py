"""The fixed skeleton of every newsroom: front page, news, topics and people sections."""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from newsroom.news.models import NewsIndexPage
from newsroom.topics.models import PeopleIndexPage, TopicIndexPage

from .models import HomePage


@transaction.atomic
def ensure_site_tree():
    """Return the front page, creating the skeleton on first run (never touching an existing one).

    Returns ``(home, created)``.
    """
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is not None:
        return home, False
    root = Page.get_first_root_node()
    # Wagtail's installer leaves a plain "Welcome" page; replace it if it is still untouched.
    for welcome in root.get_children().filter(content_type__model="page", numchild=0):
        welcome.delete()
    home = root.add_child(
        instance=HomePage(title=_("Newsroom"), slug="home", locale=Locale.get_default())
    )
    home.add_child(instance=NewsIndexPage(title=_("News"), slug="news"))
    home.add_child(instance=TopicIndexPage(title=_("Topics"), slug="topics"))
    home.add_child(instance=PeopleIndexPage(title=_("People"), slug="people"))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.save()
    return home, True


def news_index(home):
    return NewsIndexPage.objects.child_of(home).get()


def topic_index(home):
    return TopicIndexPage.objects.child_of(home).get()
