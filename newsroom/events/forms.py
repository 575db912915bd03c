"""The agenda's filters: a topic and a place. A value that names nothing is left out, the form
says why, and the page answers 400 (as the news listing's filters do)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from newsroom.news.filters import Select, live_topics

from . import agenda


class EventFilterForm(forms.Form):
    topic = forms.ChoiceField(label=_("Topic"), required=False, widget=Select)
    place = forms.ChoiceField(label=_("Place"), required=False, widget=Select)

    def __init__(self, data, *, locale_id):
        super().__init__(data)
        self.topics = live_topics(locale_id)
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (slug, topic.title) for slug, topic in self.topics.items()
        ]
        self.fields["place"].choices = [("", _("All places")), *agenda.places(locale_id).items()]
        self.fields["topic"].error_messages["invalid_choice"] = _(
            "There is no topic called “%(value)s”."
        )
        self.fields["place"].error_messages["invalid_choice"] = _(
            "There is no place with the code “%(value)s”: use a two-letter country code from "
            "the list, e.g. BE."
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("topic"):
            cleaned["topic"] = self.topics[cleaned["topic"]]
        return cleaned

    def valid_filters(self):
        """The filters that passed validation; a bad one is dropped, the other still applies."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    @property
    def variant(self):
        """The values asked for, as a key for ``{% fragment %}``."""
        if not self.is_bound:
            return ()
        return tuple((name, self.data.get(name, "")) for name in self.fields)
