"""The front page: featured highlights, the latest items and a short list of further links."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page, TranslatableMixin

from newsroom.caching import fragments, memo, surrogate
from newsroom.core import seek
from newsroom.core.publishing import AtomicPublish
from newsroom.core.serving import MemoisedServing
from newsroom.news.models import NewsItemPage

MAX_FEATURED = 6


def highlight_sizes(count):
    """The ``sizes`` of the highlights' images, from the CSS: a grid of 16rem+ tracks with 1rem
    gaps from 40em up, in the wrap's 70rem (less its 2rem of padding below 72em), so k tracks
    fit from (17k + 1)em; each image is as wide as its track, the full width on phones."""
    widest = max(1, min(count, 4))
    rules = [f"(min-width: 72em) calc((70rem - {widest - 1}rem) / {widest})"]
    for tracks in range(widest, 1, -1):
        rules.append(
            f"(min-width: {max(40, 17 * tracks + 1)}em) calc((100vw - {tracks + 1}rem) / {tracks})"
        )
    return ", ".join([*rules, "calc(100vw - 2rem)"])


class HomePage(MemoisedServing, AtomicPublish, Page):
    latest_count = models.PositiveSmallIntegerField(
        _("number of latest items"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    more_links_heading = models.CharField(
        _("further links heading"), max_length=100, blank=True, default=""
    )

    def changed_keys(self):
        """Surrogate keys to purge when the front page is published: its featured items and
        further links are shown on it only, and it carries the key of every list."""
        return [surrogate.key_for(self), surrogate.LISTS]

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
        # Mapped by translation_key: a translated front page shows the translated items and
        # leaves out those not yet translated.
        keys = list(
            self.featured_items.order_by("sort_order").values_list(
                "item__translation_key", flat=True
            )
        )
        items = NewsItemPage.objects.for_listing().filter(
            locale=self.locale_id, translation_key__in=keys
        )
        return sorted(items, key=lambda item: keys.index(item.translation_key))[:MAX_FEATURED]

    def latest(self):
        return seek.head(NewsItemPage.objects.descendant_of(self).for_listing(), self.latest_count)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        if fragments.live_view(self, request):  # the live page, not a preview: the same until
            # anything is published (the generation changes)
            featured, latest, more_links = self.kept_contents(self.live_revision_id)
        else:
            featured, latest, more_links = self.contents()
        context.update(featured=featured, latest=latest, more_links=more_links)
        context["featured_sizes"] = highlight_sizes(len(featured))
        # The display date of the newest item, shown above the latest list.
        context["newest_date"] = latest[0].display_date if latest else None
        return context

    def contents(self):
        return self.featured(), list(self.latest()), self.resolved_more_links()

    @memo.per_generation
    def kept_contents(self, live_revision_id):
        """``contents()`` of the live revision, kept until the site changes."""
        return self.contents()

    def resolved_more_links(self):
        """The further links with their pages loaded as their own types (so their addresses are
        right), in one query per page type rather than one per link."""
        links = list(self.more_links.select_related("link_page").order_by("sort_order"))
        pages = Page.objects.live().filter(
            locale=self.locale_id,
            translation_key__in=[
                link.link_page.translation_key for link in links if link.link_page
            ],
        )
        pages = {page.translation_key: page for page in pages.specific()}
        for link in links:
            # The linked page in this front page's language; untranslated pages are left out.
            link.target_page = pages.get(link.link_page.translation_key) if link.link_page else None
        return [link for link in links if link.link_url or link.target_page]


class FeaturedItem(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    item = models.ForeignKey(
        NewsItemPage, on_delete=models.CASCADE, related_name="featured_on", verbose_name=_("item")
    )

    panels = [FieldPanel("item")]


class MoreLink(TranslatableMixin, Orderable):
    """A further link: a page of this site or an external address, with an optional title.

    Translatable, so wagtail-localize offers its title for translation with the front page and
    keeps the translation when the French front page is synced again (an untranslatable child
    would be copied over from the English page). The page and address are synchronised, the
    page shown in each language's version (``HomePage.resolved_more_links``).
    """

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

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]

    def clean(self):
        if bool(self.link_page_id) == bool(self.link_url):
            raise ValidationError(_("Choose a page or give an external address (one of the two)."))
        if self.link_url and not self.title:
            raise ValidationError({"title": _("An external link needs a title.")})

    @property
    def page_target(self):
        # Set in bulk by HomePage.resolved_more_links(); fetched one by one otherwise.
        if not hasattr(self, "target_page"):
            self.target_page = self.link_page.specific if self.link_page_id else None
        return self.target_page

    @property
    def href(self):
        return self.page_target.url if self.link_page_id else self.link_url

    @property
    def text(self):
        return self.title or (self.page_target.title if self.link_page_id else self.link_url)
