"""The fixed skeleton of every newsroom: front page, news, topics and people sections, in
every configured language."""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext, gettext_noop, pgettext
from wagtail.models import Locale, Page, Site

from newsroom.core.i18n import translate
from newsroom.news.models import NewsIndexPage
from newsroom.topics.models import PeopleIndexPage, TopicIndexPage

from .models import HomePage

HOME_TITLE = gettext_noop("Newsroom")
# (model, title, address segment): both are translated for each language's own tree.
SECTIONS = [
    (NewsIndexPage, gettext_noop("News"), "news"),
    (TopicIndexPage, gettext_noop("Topics"), "topics"),
    (PeopleIndexPage, gettext_noop("People"), "people"),
]


def section_slug(segment):
    # The translators' context says what this string is; see locale/fr/LC_MESSAGES.
    slugs = {
        "news": pgettext("address segment", "news"),
        "topics": pgettext("address segment", "topics"),
        "people": pgettext("address segment", "people"),
    }
    return slugs[segment]


@transaction.atomic
def ensure_site_tree():
    """Return the default language's front page, creating what is missing (never touching what
    exists): the skeleton on first run, and each configured language's translation of it.

    Returns ``(home, created)``; ``created`` is True when the site was empty.
    """
    default_locale = Locale.get_default()
    home = HomePage.objects.filter(locale=default_locale).first()
    created = home is None
    if created:
        home = _create_skeleton(default_locale)
    for code, _name in settings.LANGUAGES[1:]:
        _ensure_translated_skeleton(home, code)
    return home, created


def _create_skeleton(locale):
    root = Page.get_first_root_node()
    # Wagtail's installer leaves a plain "Welcome" page; replace it if it is still untouched.
    for welcome in root.get_children().filter(content_type__model="page", numchild=0):
        welcome.delete()
    with translation.override(locale.language_code):
        home = root.add_child(instance=HomePage(title=gettext(HOME_TITLE), slug="home"))
        for model, title, segment in SECTIONS:
            home.add_child(instance=model(title=gettext(title), slug=section_slug(segment)))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.save()
    return home


def _ensure_translated_skeleton(home, code):
    locale, _ = Locale.objects.get_or_create(language_code=code)
    with translation.override(code):
        if home.get_translation_or_none(locale) is None:
            translate(home, locale, {home.title: gettext(HOME_TITLE), home.slug: f"home-{code}"})
        for model, title, segment in SECTIONS:
            section = model.objects.child_of(home).first()
            if section is not None and section.get_translation_or_none(locale) is None:
                translate(
                    section,
                    locale,
                    {section.title: gettext(title), section.slug: section_slug(segment)},
                )


def news_index(home):
    return NewsIndexPage.objects.child_of(home).get()


def topic_index(home):
    return TopicIndexPage.objects.child_of(home).get()
