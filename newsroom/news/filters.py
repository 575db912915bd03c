"""The reader's filters (type, topic, date range, keyword), shared by the news listing and search.

Invalid values never cause an error page: the form explains what was wrong, the bad filter is
left out, and the view answers 400 so crawlers do not index the combination.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from newsroom.caching import memo
from newsroom.topics.models import TopicPage

from .models import NewsItemPage

DATE_INPUT = {"type": "date"}
MAX_QUERY_LENGTH = 200


class Select(forms.Select):
    """The same markup as Django's, from one template (see the template)."""

    template_name = "news/widgets/select.html"


def live_topics(locale):
    """{slug: topic} of the live topics in ``locale`` (a Locale or its id)."""
    return _live_topics(getattr(locale, "pk", locale))


@memo.per_epoch
def _live_topics(locale_id):
    """Read once per site epoch (a topic's publish starts a new one)."""
    topics = TopicPage.objects.live().filter(locale_id=locale_id).order_by("title")
    return {topic.slug: topic for topic in topics}


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


def filters_key(filters):
    """Cleaned filters as a key for the listing they give (``core/seek.py``): a topic by its
    translation key, which is what ``NewsItemQuerySet.filtered`` filters by."""
    return tuple(
        sorted((name, getattr(value, "translation_key", value)) for name, value in filters.items())
    )
