"""News items (stories, videos) and the news index that serves listings, archives and items.

Every item type inherits ``NewsItemPage``, a concrete page model holding the listing fields
(display date, teaser, listing image) and the relations (topics, people, places). Because those
fields live in one table, a listing of mixed types is a single query with no ``.specific()``.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, classproperty
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PageManager, PageQuerySet, Site
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from newsroom.caching import fragments, memo, surrogate
from newsroom.contacts.models import default_contacts
from newsroom.core.blocks import RICH_TEXT_FEATURES, BodyBlock
from newsroom.core.i18n import in_locale
from newsroom.core.publishing import AtomicPublish
from newsroom.core.serving import MemoisedServing, public
from newsroom.core.stemming import stemmed_text, stems
from newsroom.core.text import plain_text
from newsroom.formats.feeds import FEED_LIMIT
from newsroom.images.models import Gallery
from newsroom.scheduling.forms import NewsItemAdminForm
from newsroom.topics.models import TopicPage

from .updates import VisibleChanges
from .withdrawals import Withdrawable

# Rendition filter specs of listing images, as the templates' picture tags expand them;
# for_listing() prefetches exactly these (Wagtail trusts a prefetched list: a spec missing from
# it would be created again). WebP with a JPEG fallback: AVIF took 4-5 times WebP's encoding
# time for files at most 8 % smaller on the demo's pictures (Pillow 13, Wagtail's qualities).
IMAGE_FORMATS = ("webp", "jpeg")
# A card (includes/item_card.html): shown 256 CSS px wide beside its text from 40em up, up to
# 343 px stacked on a 375 px phone; 1x and 2x of the first, 2x and 3x of the second.
CARD_IMAGE_SIZES = ("256x144", "512x288", "768x432", "1024x576")
# An item's lead image (news/item_base.html) and a front-page highlight (home/home_page.html):
# at most 736 px in the 48rem item column, 552 px for each of two highlights at 1280 px.
LEAD_IMAGE_SIZES = ("480x270", "736x414", "1104x621", "1472x828")


def picture_specs(sizes):
    return tuple(f"fill-{size}|format-{fmt}" for size in sizes for fmt in IMAGE_FORMATS)


CARD_IMAGE_SPECS = picture_specs(CARD_IMAGE_SIZES)
LEAD_IMAGE_SPECS = picture_specs(LEAD_IMAGE_SIZES)
LISTING_IMAGE_SPECS = CARD_IMAGE_SPECS + LEAD_IMAGE_SPECS
RELATED_ITEMS_COUNT = 3


class NewsItemQuerySet(PageQuerySet):
    """The one way to ask for items: what readers may see (``visible()``), what is about a topic
    or involves a person, what a reader's filters select. Pages, feeds, the API, sitemaps,
    search, ninjs and the press area all start here, so they always agree."""

    def visible(self):
        """Items anyone may see: published, not past their expiry time, and outside private
        sections."""
        queryset = public(self.live())
        expired = expired_but_live()
        if expired:  # on the primary key: the search backend only filters on indexed fields
            queryset = queryset.exclude(pk__in=expired)
        return queryset

    def withdrawn(self):
        """Items withdrawn with a notice (not live), outside private sections: their addresses
        answer 410 with the notice."""
        return public(self.filter(live=False, withdrawn_at__isnull=False))

    def newest_first(self):
        return self.order_by("-display_date", "-first_published_at", "-pk")

    def for_listing(self):
        """Visible items, newest first, with everything a listing card shows in two queries."""
        renditions = (
            get_image_model()
            .get_rendition_model()
            .objects.filter(filter_spec__in=LISTING_IMAGE_SPECS)
        )
        return (
            self.visible()
            .defer_streamfields()
            .select_related("listing_image")
            .prefetch_related(Prefetch("listing_image__renditions", queryset=renditions))
            .newest_first()
        )

    def of_type(self, item_type):
        model = NewsItemPage.item_types()[item_type]
        return self.filter(content_type=ContentType.objects.get_for_model(model))

    def tagged(self, topic_key):
        """Items tagged with any translation of the topic whose translation key is given (a
        sub-select keeps the search backend's filter check happy and the planner fast)."""
        tagged = NewsItemPage.topics.through.objects.filter(
            topicpage__translation_key=topic_key
        ).values("newsitempage_id")
        return self.filter(pk__in=tagged)

    def about_topic(self, topic):
        """Items in the topic's language tagged with it or with any of its translations (a
        French item may still be tagged with the English topic)."""
        return self.filter(locale=topic.locale_id).tagged(topic.translation_key)

    def involving(self, person, locale=None):
        """Items in ``locale`` (the person's by default) naming the person in any language."""
        named = NewsItemPage.people.through.objects.filter(
            person__translation_key=person.translation_key
        ).values("newsitempage_id")
        return self.filter(locale=locale or person.locale_id, pk__in=named)

    def filtered(self, filters, *, order="newest", language=None):
        """These items narrowed by a reader's cleaned filters (``news/filters.py``); keyword
        searches go through Wagtail search, their words stemmed in ``language`` (by default the
        active one: the page's language)."""
        queryset = self
        if filters.get("type"):
            queryset = queryset.of_type(filters["type"])
        if filters.get("topic"):
            queryset = queryset.tagged(filters["topic"].translation_key)
        if filters.get("from"):
            queryset = queryset.filter(display_date__gte=filters["from"])
        if filters.get("to"):
            queryset = queryset.filter(display_date__lte=filters["to"])
        language = language or get_language()
        terms = search_terms(filters.get("q", ""), language)
        if terms:
            # The reader search (newsroom/search/backend.py), found by its name as Wagtail
            # backends are: news does not import the outlets above it.
            reader = reader_search_backend()
            if reader is not None:
                found = reader.search_items(
                    queryset, filters["q"], filters, order=order, language=language
                )
                if found is not None:
                    return found
            # No reader search configured, or its index is being rebuilt: the database.
            # The search backend can only sort by indexed fields: the listing's final "-pk"
            # tie-breaker is left out here.
            queryset = queryset.order_by("-display_date", "-first_published_at")
            return queryset.search(terms, order_by_relevance=(order == "relevance"))
        return queryset

    def feed_entries(self, request, limit=FEED_LIMIT):
        """The newest ``limit`` items as feed entries (plain values for ``formats.feeds``)."""
        from newsroom.news.feeds import entries  # the feed entries read the models defined here

        return entries(self, request, limit)


NewsItemManager = PageManager.from_queryset(NewsItemQuerySet)


READER_SEARCH = "reader"


def reader_search_backend():
    """The backend that answers readers' searches, or None when none is configured."""
    if READER_SEARCH not in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}):
        return None
    return get_search_backend(READER_SEARCH)


def search_terms(query, language):
    """What the search backend is given: the query's words as stems in ``language``, without
    accents, as items index them (core.stemming). Only word characters survive, so nothing
    reaches FTS5's expression syntax unescaped (double quotes made a 500 for `?q="`)."""
    return " ".join(stems(query, language))


@memo.per_generation
def _expiring_items():
    return list(
        NewsItemPage.objects.live().filter(expire_at__isnull=False).values_list("pk", "expire_at")
    )


def expired_but_live():
    """Ids of live items whose expiry time has passed, which the scheduler has not unpublished
    yet (about a second). The items with an expiry time are read once per site generation
    (an indexed query, see scheduling's migration), the clock compared on every call: so the
    SQL of a listing stays the same and its per-generation memos stay valid."""
    now = timezone.now()
    return [pk for pk, expire_at in _expiring_items() if expire_at <= now]


@memo.per_epoch
def topic_ids_by_key():
    """{translation key: ids of the topic pages in every language}, kept per epoch (creating or
    publishing a topic starts a new one)."""
    ids = {}
    for key, pk in TopicPage.objects.values_list("translation_key", "pk"):
        ids.setdefault(key, []).append(pk)
    return ids


class NewsItemPage(VisibleChanges, Withdrawable, MemoisedServing, AtomicPublish, Page):
    """The fields every item type shares; never created on its own."""

    display_date = models.DateField(
        _("display date"),
        default=datetime.date.today,
        help_text=_("The date readers see and the date in the item's address."),
    )
    dateline = models.CharField(
        _("dateline"), max_length=100, blank=True, help_text=_("Where it happened, e.g. Brussels")
    )
    teaser = models.TextField(
        _("teaser"),
        max_length=300,
        help_text=_("One or two plain sentences for listings, feeds and search (300 characters)."),
    )
    listing_image = models.ForeignKey(
        "images.NewsroomImage",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    # An embargo is Wagtail's scheduled publishing (go_live_at) plus this flag: until the go-live
    # time the page stays not live, and accredited journalists read it in the press area.
    share_with_press = models.BooleanField(
        _("share with accredited journalists before release"),
        default=False,
        help_text=_(
            "With a go-live time set above, signed-in journalists see this item under embargo "
            "until that time; it is published automatically then."
        ),
    )
    topics = ParentalManyToManyField("topics.TopicPage", blank=True, related_name="tagged_items")
    people = ParentalManyToManyField("topics.Person", blank=True, related_name="tagged_items")
    places = ParentalManyToManyField("topics.Place", blank=True, related_name="tagged_items")
    # Shown by the press office's types (``shows_press_contacts``); none: the section's defaults.
    press_contacts = ParentalManyToManyField(
        "contacts.PressContact",
        blank=True,
        related_name="items",
        verbose_name=_("press contacts"),
        help_text=_("Leave empty to name the default contacts of this kind of item (Settings)."),
    )

    objects = NewsItemManager()
    routing_is_kept = False  # an item's publish keeps the epoch (core/serving.py)
    # A copy has not been updated or withdrawn yet, and its first publication has no note.
    exclude_fields_in_copy = [
        *("last_updated_at", "withdrawn_at", "withdrawal_reason"),
        *("change_note", "tell_recipients"),
    ]

    item_type = ""
    item_type_label = ""
    shows_press_contacts = False  # press releases, speeches, advisories: "For more information"
    call_to_action = _("Read more")
    schema_type = "NewsArticle"  # schema.org type of the item's JSON-LD
    genre_uri = ""  # IPTC genre (cv.iptc.org/newscodes/genre/) given in ninjs

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("display_date"), FieldPanel("dateline")]),
        FieldPanel("teaser"),
        FieldPanel("listing_image"),
        FieldPanel("body"),
    ]
    tagging_panels = [
        MultiFieldPanel(
            [FieldPanel("topics"), FieldPanel("people"), FieldPanel("places")],
            heading=_("What and who it is about"),
        ),
        InlinePanel(
            "related_links",
            max_num=RELATED_ITEMS_COUNT,
            heading=_("Related items"),
            help_text=_("Up to three; when none are chosen the newest items on its topics show."),
        ),
    ]
    press_contacts_panel = FieldPanel("press_contacts", heading=_("For more information"))
    # Last on every type's form: what the editor says about this publication.
    change_note_panel = MultiFieldPanel(
        [FieldPanel("change_note"), FieldPanel("tell_recipients")],
        heading=_("Public change note"),
    )
    settings_panels = [
        *Page.settings_panels,
        FieldPanel("share_with_press", heading=_("Embargo")),
    ]
    base_form_class = NewsItemAdminForm  # checks go-live times and embargoes
    search_fields = [
        *Page.search_fields,
        index.SearchField("search_text"),
        index.FilterField("display_date"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        indexes = [models.Index(fields=["display_date"], name="news_item_display_date")]

    @classmethod
    def item_types(cls):
        """{"story": StoryPage, "video": VideoPage, ...}: every concrete item type."""
        from wagtail.models import get_page_models

        return {
            model.item_type: model
            for model in get_page_models()
            if issubclass(model, NewsItemPage) and model.item_type
        }

    @classproperty
    def type_choices(cls):
        return [(key, model.item_type_label) for key, model in cls.item_types().items()]

    @property
    def item_kind(self):
        """The concrete type of this item, read without loading the specific page."""
        return self.specific_class

    def clean(self):
        super().clean()
        if self.teaser and len(self.teaser) > 300:
            raise ValidationError({"teaser": _("Keep the teaser to 300 characters or fewer.")})
        note = " ".join(self.change_note.split())
        never_seen = self.pk is None or (not self.live and self.first_published_at is None)
        if note and never_seen:
            raise ValidationError(
                {
                    "change_note": _(
                        "A change note is for an item readers have already seen: this one has "
                        "never been published. Leave the note empty."
                    )
                }
            )
        if self.tell_recipients and not note:
            raise ValidationError(
                {
                    "tell_recipients": _(
                        "Write the change note that should be sent, or untick this box."
                    )
                }
            )

    # --- addresses ------------------------------------------------------------------------
    def get_url_parts(self, request=None):
        """Items live at <news index>/YYYY/MM/DD/<slug>/, by their display date."""
        parts = super().get_url_parts(request)
        if parts is None:
            return None
        site_id, root_url, page_path = parts
        index_path = page_path[: -(len(self.slug) + 1)]
        return site_id, root_url, f"{index_path}{self.display_date:%Y/%m/%d}/{self.slug}/"

    def serve(self, request, *args, **kwargs):
        # Reached through Wagtail's plain tree address (/en/news/<slug>/): send to the dated one.
        if not getattr(request, "is_preview", False) and request.path != self.get_url(request):
            return redirect(self.get_url(request), permanent=True)
        return super().serve(request, *args, **kwargs)

    # --- content --------------------------------------------------------------------------
    def search_parts(self, people=None):
        """Everything a reader might search for, as written, by weight: the headline, the
        teaser and the rest (dateline, people named, body and each type's own fields).
        ``people``: the names of the people tagged, when the caller has read them already."""
        if people is None:
            people = [person.name for person in self.people.all()]
        rest = [self.dateline, " ".join(people), self.body_text(), *self.extra_search_text()]
        return {
            "title": self.title,
            "teaser": self.teaser,
            "text": " ".join(part for part in rest if part),
        }

    def extra_search_text(self):
        """The words of a type's own fields (a video's transcript, a speech's event)."""
        return []

    def search_text(self):
        """Everything a reader might search for, as stems in the item's language, without
        accents (see core.stemming): the search view stems queries the same way."""
        parts = self.search_parts()
        text = " ".join(part for part in parts.values() if part)
        return stemmed_text(text, self.search_language)

    @property
    def search_language(self):
        return self.locale.language_code

    def body_text(self):
        chunks = []
        for block in self.body:
            if block.block_type == "paragraph":
                chunks.append(plain_text(block.value.source))
            elif block.block_type == "quote":
                chunks.append(block.value["text"])
            elif block.block_type == "fact_box":
                chunks.extend([block.value["title"], plain_text(block.value["body"].source)])
        return " ".join(chunks)

    def related_items(self):
        """Curated related items, or else the newest live items sharing a topic; always in
        this item's language (links are matched by translation_key)."""
        chosen = [link.item_id for link in self.related_links.all() if link.item_id]
        if chosen:
            keys = dict(
                NewsItemPage.objects.filter(pk__in=chosen).values_list("pk", "translation_key")
            )
            order = [keys[pk] for pk in chosen if pk in keys]
            curated = NewsItemPage.objects.for_listing().filter(
                locale=self.locale_id, translation_key__in=order
            )
            curated = sorted(curated, key=lambda item: order.index(item.translation_key))
            if curated:
                return curated[:RELATED_ITEMS_COUNT]
        topics = list(self.topics.all())
        if not topics:
            return []
        # Walk the display-date index newest first and stop at the third match: a join on the
        # topics (plus DISTINCT) made SQLite read and sort every item of the locale instead.
        # ``locale_id + 0`` keeps the planner off the (unselective) locale index. The topics'
        # ids, not a join to their translation keys: PostgreSQL took that join for a handful of
        # rows and read the 24,000 links of three topics first (240 ms on 100,000 items).
        # The item's own topics count even when not yet kept (a draft topic's translations).
        by_key = topic_ids_by_key()
        topic_ids = {topic.pk for topic in topics}
        topic_ids.update(pk for topic in topics for pk in by_key.get(topic.translation_key, ()))
        shares_topic = Exists(
            NewsItemPage.topics.through.objects.filter(
                newsitempage_id=OuterRef("pk"), topicpage_id__in=sorted(topic_ids)
            )
        )
        return list(
            NewsItemPage.objects.for_listing()
            .alias(locale_unindexed=F("locale_id") + 0)
            .filter(shares_topic, locale_unindexed=self.locale_id)
            .exclude(pk=self.pk)[:RELATED_ITEMS_COUNT]
        )

    @memo.per_generation
    def kept_related_items(self, live_revision_id):
        """``related_items()`` of the live revision, kept until the site changes."""
        return self.related_items()

    def changed_keys(self):
        """The surrogate keys to purge when this item is published, withdrawn, moved or
        deleted: its own (its page, cards of it elsewhere), every list of items, its
        translations' pages (their language switcher) and the items whose related items its
        topics pick."""
        keys = [surrogate.key_for(self), surrogate.LISTS]
        keys.append(surrogate.named("translations", self.translation_key))
        if self.pk is not None:
            # A list, not values_list(): on a revision's copy the relation is modelcluster's.
            topic_ids = [topic.pk for topic in self.topics.all()]
            keys.extend(surrogate.named("related", pk) for pk in topic_ids)
        return keys

    @memo.per_epoch
    def kept_shown_keys(self, live_revision_id):
        """``shown_keys()`` of the live revision: its topics and people change only with a new
        revision or a new epoch (a topic's or a person's change starts one)."""
        return self.shown_keys()

    def shown_keys(self):
        """The surrogate keys of what this item's page shows besides its related items: the
        item, its images and galleries, topics and people, its translations (the language
        switcher) and, when its related items are picked by topic, each topic's newest items."""
        image_model = get_image_model()
        keys = [surrogate.key_for(self), surrogate.named("translations", self.translation_key)]
        image_ids = {self.listing_image_id} if self.listing_image_id else set()
        for block in self.body.raw_data:
            value = block.get("value")
            if block.get("type") == "image" and isinstance(value, dict) and value.get("image"):
                image_ids.add(value["image"])
            elif block.get("type") == "gallery" and isinstance(value, int):
                keys.append(surrogate.key_for_id(Gallery, value))
        keys.extend(surrogate.key_for_id(image_model, pk) for pk in sorted(image_ids))
        topic_ids = [topic.pk for topic in self.topics.all()]
        keys.extend(surrogate.key_for_id(TopicPage, pk) for pk in topic_ids)
        keys.extend(surrogate.named("related", pk) for pk in topic_ids)
        keys.extend(surrogate.key_for(person) for person in self.people.all())
        return keys

    def declare_shown(self, request, related):
        surrogate.shows_no_lists()
        if getattr(request, "is_preview", False):
            return  # never in a shared cache
        if self.live_revision_id:
            surrogate.shows_keys(*self.kept_shown_keys(self.live_revision_id))
        else:
            surrogate.shows_keys(*self.shown_keys())
        image_model = get_image_model()
        for item in related:
            surrogate.shows(item)
            if item.listing_image_id:
                surrogate.shows_keys(surrogate.key_for_id(image_model, item.listing_image_id))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if fragments.live_view(self, request):
            # Other items' publishes change them: kept per generation, not per epoch.
            context["related_items"] = self.kept_related_items(self.live_revision_id)
        else:
            context["related_items"] = self.related_items()
        self.declare_shown(request, context["related_items"])
        # Read only when the article is rendered, not when its fragment is reused.
        context["topics"] = SimpleLazyObject(
            lambda: sorted(
                (topic for topic in in_locale(self.topics.all(), self.locale_id) if topic.live),
                key=lambda topic: topic.title,
            )
        )
        context["people"] = SimpleLazyObject(lambda: in_locale(self.people.all(), self.locale_id))
        # Every note sets last_updated_at: an item never updated has none to read.
        context["change_notes"] = SimpleLazyObject(
            lambda: list(self.change_notes.all()) if self.last_updated_at else []
        )
        if self.shows_press_contacts:
            context["press_contacts"] = SimpleLazyObject(
                lambda: self.contacts_for_readers(Site.find_for_request(request))
            )
        return context

    def contacts_for_readers(self, site, chosen=None):
        """The contacts chosen on this item or, when none are, its section's defaults (for an
        item of any class: the concrete type says whether it shows contacts). ``chosen``: the
        item's own, when the caller read them already (``facts.press_contacts_of``)."""
        kind = self.specific_class
        if kind is None or not kind.shows_press_contacts:
            return []
        if chosen is None:
            chosen = list(self.press_contacts.select_related("photo").order_by("name", "pk"))
        return chosen or default_contacts(site, kind.item_type)


class RelatedItem(Orderable):
    page = ParentalKey(NewsItemPage, on_delete=models.CASCADE, related_name="related_links")
    item = models.ForeignKey(
        NewsItemPage, on_delete=models.CASCADE, related_name="+", verbose_name=_("item")
    )

    panels = [FieldPanel("item")]


class StoryPage(NewsItemPage):
    item_type = "story"
    item_type_label = _("Story")
    call_to_action = _("Read more")

    content_panels = [
        *NewsItemPage.content_panels,
        *NewsItemPage.tagging_panels,
        NewsItemPage.change_note_panel,
    ]
    template = "news/story_page.html"

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")


class VideoPage(NewsItemPage):
    """A video: an uploaded file played by the browser, or an external address shown as an embed."""

    video_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("video file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An MP4 or WebM file. Leave empty to use an external address instead."),
    )
    captions_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("captions file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("WebVTT captions for the uploaded file."),
    )
    video_url = models.URLField(
        _("external video address"), blank=True, help_text=_("e.g. a YouTube or Vimeo page")
    )
    duration = models.DurationField(
        _("duration"), null=True, blank=True, help_text=_("hh:mm:ss, e.g. 00:03:25")
    )
    transcript = RichTextField(_("transcript"), blank=True, features=RICH_TEXT_FEATURES)

    item_type = "video"
    item_type_label = _("Video")
    call_to_action = _("Watch Video")
    visible_fields = (
        *NewsItemPage.visible_fields,
        *("video_file_id", "captions_file_id", "video_url", "duration", "transcript"),
    )

    content_panels = [
        *NewsItemPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("video_file"),
                FieldPanel("captions_file"),
                FieldPanel("video_url"),
                FieldPanel("duration"),
            ],
            heading=_("Video"),
        ),
        FieldPanel("transcript"),
        *NewsItemPage.tagging_panels,
        NewsItemPage.change_note_panel,
    ]
    template = "news/video_page.html"

    class Meta:
        verbose_name = _("video")

    def clean(self):
        super().clean()
        if not self.video_file and not self.video_url:
            raise ValidationError(
                {"video_url": _("Upload a video file or give the address of an external video.")}
            )
        if self.video_file and self.video_url:
            raise ValidationError(
                {"video_url": _("Choose either an uploaded file or an external address, not both.")}
            )

    def extra_search_text(self):
        return [plain_text(self.transcript)]

    @property
    def duration_label(self):
        """ "3:25" or "1:02:03", as video players show it."""
        if not self.duration:
            return ""
        seconds = int(self.duration.total_seconds())
        hours, rest = divmod(seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"
