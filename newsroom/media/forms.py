"""The media library's filters: type, topic, person, date range. A bad value is explained on the
page, left out of the filtering, and answered with 400 (as the news listing does)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from newsroom.caching import memo
from newsroom.news.filters import DATE_INPUT, Select, live_topics
from newsroom.topics.models import Person

TYPES = [("photo", _("Photos")), ("video", _("Videos")), ("gallery", _("Galleries"))]


@memo.per_epoch
def people_by_slug(locale_id):
    """{slug: person} in ``locale_id``; people's changes start a new epoch."""
    return {person.slug: person for person in Person.objects.filter(locale_id=locale_id)}


def date_field(label):
    return forms.DateField(
        label=label,
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter the date as YYYY-MM-DD, e.g. 2023-11-17.")},
    )


class MediaFilterForm(forms.Form):
    type = forms.ChoiceField(label=_("Type"), required=False, choices=TYPES, widget=Select)
    topic = forms.ChoiceField(label=_("Topic"), required=False, widget=Select)
    person = forms.ChoiceField(label=_("Person"), required=False, widget=Select)

    def __init__(self, data, *, locale_id):
        super().__init__(data)
        self.topics = live_topics(locale_id)
        self.people = people_by_slug(locale_id)
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (slug, topic.title) for slug, topic in self.topics.items()
        ]
        self.fields["person"].choices = [("", _("Everyone"))] + [
            (slug, person.name) for slug, person in self.people.items()
        ]
        self.fields["from"] = date_field(_("From"))
        self.fields["to"] = date_field(_("To"))
        for name, message in (
            ("type", _("There is no media type called “%(value)s”.")),
            ("topic", _("There is no topic called “%(value)s”.")),
            ("person", _("Nobody called “%(value)s” is listed in this newsroom.")),
        ):
            self.fields[name].error_messages["invalid_choice"] = message

    @property
    def variant(self):
        """What the rendered form depends on besides the site and its address (the fragment
        key of ``includes/filters.html``): the values asked for."""
        if not self.is_bound:
            return ()
        return tuple((name, self.data.get(name, "")) for name in self.fields)

    def valid_filters(self):
        """The filters that are valid, as values: the topic and person as objects."""
        self.is_valid()
        cleaned = {name: value for name, value in self.cleaned_data.items() if value}
        if "topic" in cleaned:
            cleaned["topic"] = self.topics[cleaned["topic"]]
        if "person" in cleaned:
            cleaned["person"] = self.people[cleaned["person"]]
        if cleaned.get("from") and cleaned.get("to") and cleaned["from"] > cleaned["to"]:
            self.add_error("to", _("The end date comes before the start date."))
            del cleaned["to"]
        return cleaned
