"""Topics (pages), people and places (snippets): what and whom a news item is about.

News items point here (``NewsItemPage.topics``, ``.people``, ``.places``); this app is the layer
below news and never imports it. A topic or person page reaches its items through the relation
news declares (``tagged_items``), whose manager is the items' own: ``visible()``,
``about_topic()``, ``involving()`` and ``feed_entries()`` come from ``NewsItemQuerySet``.

    /en/topics/<slug>/feed/{rss,atom,json}/         one topic
    /en/people/<slug>/feed/{rss,atom,json}/         one person
"""

from django.core.validators import RegexValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from newsroom.caching import surrogate
from newsroom.core.listing import paginate_or_404
from newsroom.core.publishing import AtomicPublish
from newsroom.core.serving import MemoisedServing, public
from newsroom.formats.feeds import FORMATS as FEED_FORMATS
from newsroom.formats.feeds import FeedSource, serve_feed

FEED_FORMAT = rf"(?P<fmt>{'|'.join(FEED_FORMATS)})"


def news_items():
    """The news items' manager, through the relation news declares to topics."""
    return TopicPage.tagged_items.rel.related_model.objects


def public_topics():
    """Live topics outside private sections, by title."""
    return public(TopicPage.objects.live()).order_by("title")


def serve_items_feed(request, fmt, items, **source):
    return serve_feed(
        request, FeedSource(**source), fmt, entries=lambda: items.feed_entries(request)
    )


class TopicIndexPage(MemoisedServing, AtomicPublish, Page):
    """/en/topics/: every topic, alphabetically."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["topics.TopicPage"]
    max_count_per_parent = 1
    template = "topics/topic_index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = TopicPage.objects.child_of(self).live().order_by("title")
        return context

    class Meta:
        verbose_name = _("topic index")


class TopicPage(RoutablePageMixin, MemoisedServing, AtomicPublish, Page):
    """A subject the newsroom covers, e.g. "Ukraine", with its items newest first."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    parent_page_types = ["topics.TopicIndexPage"]
    subpage_types = []
    template = "topics/topic_page.html"

    def items(self):
        return news_items().for_listing().about_topic(self)

    def changed_keys(self):
        """Surrogate keys to purge when this topic changes: the items that name it and every
        list (its own, the filter forms)."""
        return [surrogate.key_for(self), surrogate.LISTS]

    def get_cached_paths(self):
        """What a CDN purges with this page (``delivery/invalidation.py``): it and its feeds."""
        return ["/", *(f"feed/{fmt}/" for fmt in FEED_FORMATS)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        key = ("topic listing", self.locale_id, self.translation_key)
        context["items"] = paginate_or_404(self.items(), request, key=key)
        return context

    @re_path(rf"^feed/{FEED_FORMAT}/$", name="topic_feed")
    def topic_feed(self, request, fmt):
        path = self.get_url(request)
        return serve_items_feed(
            request,
            fmt,
            news_items().visible().newest_first().about_topic(self),
            title=self.title,
            description=self.introduction
            or gettext("The newest items about %(topic)s.") % {"topic": self.title},
            link=path,
            feed_base=f"{path}feed/",
            language=self.locale.language_code,
        )

    class Meta:
        verbose_name = _("topic")


class Person(TranslatableMixin, index.Indexed, models.Model):
    """Someone the newsroom reports on, e.g. the Secretary General."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, allow_unicode=True)
    role = models.CharField(_("role"), max_length=255, blank=True)
    photo = models.ForeignKey(
        "images.NewsroomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    biography = models.TextField(_("biography"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("biography"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    def changed_keys(self):
        """Surrogate keys to purge when this person changes: the items that name them, their
        page and every list (the people index among them)."""
        return [surrogate.key_for(self), surrogate.LISTS]

    def items(self, locale=None):
        return news_items().for_listing().involving(self, locale)


class Place(TranslatableMixin, models.Model):
    """A country an item is about or datelined in, identified by its ISO 3166-1 code."""

    name = models.CharField(_("name"), max_length=255)
    iso_code = models.CharField(
        _("ISO country code"),
        max_length=2,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capital letters, e.g. BE."))],
    )

    panels = [FieldPanel("name"), FieldPanel("iso_code")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("place")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("iso_code", "locale")]

    def __str__(self):
        return self.name


register_snippet(Person)
register_snippet(Place)


class PeopleIndexPage(RoutablePageMixin, MemoisedServing, AtomicPublish, Page):
    """/en/people/ and /en/people/<slug>/: the people snippets as public pages."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    @path("")
    def people_list(self, request):
        people = Person.objects.filter(locale_id=self.locale_id).select_related("photo")
        return self.render(
            request, template="topics/people_index_page.html", context_overrides={"people": people}
        )

    @path("<str:slug>/")
    def person_detail(self, request, slug):
        try:
            person = Person.objects.select_related("photo").get(slug=slug, locale_id=self.locale_id)
        except Person.DoesNotExist:
            raise Http404(str(_("Nobody with that name is listed in this newsroom."))) from None
        return self.render(
            request,
            template="topics/person_page.html",
            context_overrides={
                "person": person,
                "items": paginate_or_404(
                    person.items(),
                    request,
                    key=("person listing", person.locale_id, person.translation_key),
                ),
            },
        )

    @re_path(rf"^(?P<slug>[-\w]+)/feed/{FEED_FORMAT}/$", name="person_feed")
    def person_feed(self, request, slug, fmt):
        person = Person.objects.filter(slug=slug, locale_id=self.locale_id).first()
        if person is None:
            raise Http404("Nobody with that name is listed in this newsroom.")
        path = self.get_url(request) + self.reverse_subpage(
            "person_detail", kwargs={"slug": person.slug}
        )
        return serve_items_feed(
            request,
            fmt,
            news_items().visible().newest_first().involving(person, self.locale_id),
            title=person.name,
            description=gettext("The newest items involving %(name)s.") % {"name": person.name},
            link=path,
            feed_base=f"{path}feed/",
            language=self.locale.language_code,
        )

    def person_cached_paths(self, person):
        """A person's page and feeds below this one, as ``get_cached_paths()`` gives a page's."""
        return [f"{person.slug}/", *(f"{person.slug}/feed/{fmt}/" for fmt in FEED_FORMATS)]

    def person_url(self, person):
        return self.url + self.reverse_subpage("person_detail", kwargs={"slug": person.slug})

    class Meta:
        verbose_name = _("people index")
