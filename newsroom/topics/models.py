"""Topics (pages), people and places (snippets): what and whom a news item is about."""

from django.core.validators import RegexValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from newsroom.core.listing import paginate_or_404
from newsroom.core.publishing import AtomicPublish
from newsroom.delivery.memo import MemoisedServing
from newsroom.syndication.routes import PeopleSyndicationMixin, TopicSyndicationMixin


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


class TopicPage(TopicSyndicationMixin, MemoisedServing, AtomicPublish, Page):
    """A subject the newsroom covers, e.g. "Ukraine", with its items newest first."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    parent_page_types = ["topics.TopicIndexPage"]
    subpage_types = []
    template = "topics/topic_page.html"

    def items(self):
        from newsroom.news.models import NewsItemPage

        # By translation_key: a French item may still be tagged with the English topic.
        return NewsItemPage.objects.for_listing().filter(
            locale=self.locale_id, topics__translation_key=self.translation_key
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        key = ("topic listing", self.locale_id, self.translation_key)
        context["items"] = paginate_or_404(self.items(), request, key=key)
        return context

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

    def items(self, locale=None):
        from newsroom.news.models import NewsItemPage

        return NewsItemPage.objects.for_listing().filter(
            locale=locale or self.locale_id, people__translation_key=self.translation_key
        )


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


class PeopleIndexPage(
    PeopleSyndicationMixin, RoutablePageMixin, MemoisedServing, AtomicPublish, Page
):
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

    def person_url(self, person):
        return self.url + self.reverse_subpage("person_detail", kwargs={"slug": person.slug})

    class Meta:
        verbose_name = _("people index")
