"""The reader's filters (type, topic, date range, keyword), shared by the news listing and search.

Invalid values never cause an error page: the form explains what was wrong, the bad filter is
left out, and the view answers 400 so crawlers do not index the combination.
"""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from newsroom.core.stemming import stems
from newsroom.delivery import memo

from .models import NewsItemPage

DATE_INPUT = {"type": "date"}
MAX_QUERY_LENGTH = 200


class Select(forms.Select):
    """The same markup as Django's, from one template (see the template)."""

    template_name = "news/widgets/select.html"


def live_topics(locale):
    """{slug: topic} of the live topics in ``locale``, read once per site epoch (a topic's
    publish starts a new one)."""
    from newsroom.topics.models import TopicPage

    return memo.per_epoch(
        "filter topics",
        getattr(locale, "pk", locale),
        compute=lambda: {
            topic.slug: topic
            for topic in TopicPage.objects.live().filter(locale=locale).order_by("title")
        },
    )


class NewsFilterForm(forms.Form):
    q = forms.CharField(label=_("Keywords"), required=False, max_length=MAX_QUERY_LENGTH)
    type = forms.ChoiceField(label=_("Type"), required=False, widget=Select)
    topic = forms.ChoiceField(label=_("Topic"), required=False, widget=Select)
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("relevance", _("Best match")), ("newest", _("Newest first"))],
        widget=Select,
    )

    def __init__(self, data, *, locale, with_sort=False):
        super().__init__(data)
        self.fields["type"].choices = [("", _("All types")), *NewsItemPage.type_choices]
        self.topics = live_topics(locale)
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (slug, topic.title) for slug, topic in self.topics.items()
        ]
        # "from" is a Python keyword, so these two are added by name.
        self.fields["from"] = forms.DateField(
            label=_("From"),
            required=False,
            input_formats=["%Y-%m-%d"],
            widget=forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d"),
            error_messages={"invalid": _("Enter the start date as YYYY-MM-DD, e.g. 2023-11-01.")},
        )
        self.fields["to"] = forms.DateField(
            label=_("To"),
            required=False,
            input_formats=["%Y-%m-%d"],
            widget=forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d"),
            error_messages={"invalid": _("Enter the end date as YYYY-MM-DD, e.g. 2023-11-30.")},
        )
        self.fields["type"].error_messages["invalid_choice"] = _(
            "There is no item type called “%(value)s”."
        )
        self.fields["topic"].error_messages["invalid_choice"] = _(
            "There is no topic called “%(value)s”."
        )
        if not with_sort:
            del self.fields["sort"]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if cleaned.get("topic"):
            cleaned["topic"] = self.topics[cleaned["topic"]]
        if start and end and start > end:
            self.add_error("to", _("The end date is before the start date."))
            cleaned.pop("from", None)  # a reversed range means neither date can be trusted
        return cleaned

    def valid_filters(self):
        """The filters that passed validation; a bad one is dropped, the rest still apply."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    @property
    def variant(self):
        """What the rendered form depends on besides the site: the values asked for (a page
        number does not matter), as a key for ``{% fragment %}``."""
        if not self.is_bound:
            return ()
        return tuple((name, self.data.get(name, "")) for name in self.fields)

    @property
    def is_filtered(self):
        return bool(self.valid_filters())


def search_terms(query, language):
    """What the search backend is given: the query's words as stems in ``language``, without
    accents, as items index them (core.stemming). Only word characters survive, so nothing
    reaches FTS5's expression syntax unescaped (double quotes made a 500 for `?q="`)."""
    return " ".join(stems(query, language))


def filters_key(filters):
    """Cleaned filters as a key for the listing they give (``delivery/seek.py``): a topic by its
    translation key, which is what ``filter_items`` filters by."""
    return tuple(
        sorted((name, getattr(value, "translation_key", value)) for name, value in filters.items())
    )


def filter_items(queryset, filters, *, order="newest", language=None):
    """Apply cleaned filters to an item queryset; keyword searches go through Wagtail search,
    their words stemmed in ``language`` (by default the active one: the page's language)."""
    if filters.get("type"):
        queryset = queryset.of_type(filters["type"])
    if filters.get("topic"):
        # A sub-select keeps the search backend's filter check happy and the query planner fast.
        topic_items = NewsItemPage.topics.through.objects.filter(
            topicpage__translation_key=filters["topic"].translation_key
        ).values("newsitempage_id")
        queryset = queryset.filter(pk__in=topic_items)
    if filters.get("from"):
        queryset = queryset.filter(display_date__gte=filters["from"])
    if filters.get("to"):
        queryset = queryset.filter(display_date__lte=filters["to"])
    terms = search_terms(filters.get("q", ""), language or get_language())
    if terms:
        # The search backend can only sort by indexed fields: the listing's final "-pk"
        # tie-breaker is left out here.
        queryset = queryset.order_by("-display_date", "-first_published_at")
        return queryset.search(terms, order_by_relevance=(order == "relevance"))
    return queryset
