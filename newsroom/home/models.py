"""The front page: featured highlights, the latest items and a short list of further links."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from newsroom.delivery import seek
from newsroom.news.models import NewsItemPage, newest_display_date

MAX_FEATURED = 6


class HomePage(Page):
    latest_count = models.PositiveSmallIntegerField(
        _("number of latest items"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    more_links_heading = models.CharField(
        _("further links heading"), max_length=100, blank=True, default=""
    )

    content_panels = [
        *Page.content_panels,
        InlinePanel(
            "featured_items",
            heading=_("Featured highlights"),
            min_num=1,
            max_num=MAX_FEATURED,
            help_text=_("One to six items shown at the top, in this order."),
        ),
        FieldPanel("latest_count"),
        MultiFieldPanel(
            [FieldPanel("more_links_heading"), InlinePanel("more_links", label=_("Link"))],
            heading=_("Further links"),
        ),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("front page")

    def featured(self):
        """The editor's highlights, in order, leaving out any that are no longer live."""
        links = self.featured_items.select_related("item").order_by("sort_order")
        ids = [link.item_id for link in links]
        items = NewsItemPage.objects.for_listing().in_bulk(ids)
        return [items[pk] for pk in ids if pk in items]

    def latest(self):
        return seek.head(NewsItemPage.objects.descendant_of(self).for_listing(), self.latest_count)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured"] = self.featured()
        context["latest"] = self.latest()
        context["newest_date"] = newest_display_date()
        context["more_links"] = self.more_links.select_related("link_page").order_by("sort_order")
        return context


class FeaturedItem(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    item = models.ForeignKey(
        NewsItemPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("item")
    )

    panels = [FieldPanel("item")]


class MoreLink(Orderable):
    """A further link: a page of this site or an external address, with an optional title."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="more_links")
    link_page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )
    link_url = models.URLField(_("external address"), blank=True)
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("Defaults to the page's title.")
    )

    panels = [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("title")]

    def clean(self):
        if bool(self.link_page_id) == bool(self.link_url):
            raise ValidationError(_("Choose a page or give an external address (one of the two)."))
        if self.link_url and not self.title:
            raise ValidationError({"title": _("An external link needs a title.")})

    @property
    def href(self):
        return self.link_page.url if self.link_page_id else self.link_url

    @property
    def text(self):
        return self.title or (self.link_page.title if self.link_page_id else self.link_url)
