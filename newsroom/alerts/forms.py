"""The sign-up and manage forms: what a subscriber may choose, checked against what exists."""

import datetime

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from newsroom.core import email_addresses as addresses
from newsroom.core.per_language import base_language
from newsroom.news.models import NewsItemPage
from newsroom.topics.models import Person, public_topics

from .models import DEFAULT_DIGEST_TIME, Frequency, Subscriber, Weekday

DIGEST_TIMES = [(f"{hour:02}:00", f"{hour:02}:00") for hour in range(24)]


def topic_choices(language):
    topics = public_topics().filter(locale__language_code=language)
    return [(str(key), title) for key, title in topics.values_list("translation_key", "title")]


def person_choices(language):
    people = Person.objects.filter(locale__language_code=language).order_by("name")
    return [(str(key), name) for key, name in people.values_list("translation_key", "name")]


class ChoicesForm(forms.Form):
    """What to receive, how often, in which language (the manage page is this form)."""

    everything = forms.BooleanField(label=_("Everything the newsroom publishes"), required=False)
    types = forms.MultipleChoiceField(
        label=_("Types of item"), required=False, widget=forms.CheckboxSelectMultiple
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"), required=False, widget=forms.CheckboxSelectMultiple
    )
    people = forms.MultipleChoiceField(
        label=_("People"), required=False, widget=forms.CheckboxSelectMultiple
    )
    language = forms.ChoiceField(label=_("Language of the messages"), required=False)
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    digest_time = forms.ChoiceField(label=_("Digest time"), choices=DIGEST_TIMES, required=False)
    digest_weekday = forms.TypedChoiceField(
        label=_("Day of the weekly digest"),
        choices=Weekday.choices,
        coerce=int,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = base_language(get_language()) or settings.LANGUAGE_CODE
        self.fields["types"].choices = [(key, label) for key, label in NewsItemPage.type_choices]
        self.fields["topics"].choices = topic_choices(language)
        self.fields["people"].choices = person_choices(language)
        self.fields["language"].choices = [(code, _(name)) for code, name in settings.LANGUAGES]
        self.fields["language"].initial = language
        self.fields["frequency"].initial = Frequency.IMMEDIATELY
        self.fields["digest_time"].initial = f"{DEFAULT_DIGEST_TIME:%H:%M}"
        self.fields["digest_weekday"].initial = Weekday.MONDAY
        self.fields["digest_time"].help_text = _("In the organisation's time zone (%(zone)s).") % {
            "zone": settings.TIME_ZONE
        }

    def clean_language(self):
        return self.cleaned_data["language"] or self.fields["language"].initial

    def clean_frequency(self):
        return self.cleaned_data["frequency"] or Frequency.IMMEDIATELY

    def clean_digest_time(self):
        value = self.cleaned_data["digest_time"] or self.fields["digest_time"].initial
        return datetime.time.fromisoformat(value)

    def clean_digest_weekday(self):
        value = self.cleaned_data["digest_weekday"]
        return Weekday.MONDAY if value in (None, "") else value

    def clean(self):
        data = super().clean()
        if not self.errors and not (
            data.get("everything") or data.get("types") or data.get("topics") or data.get("people")
        ):
            raise forms.ValidationError(
                _("Choose everything, or at least one type of item, topic or person."),
                code="nothing",
            )
        return data

    def apply_to(self, subscriber):
        """Write the choices onto ``subscriber`` (saved)."""
        data = self.cleaned_data
        subscriber.language = data["language"]
        subscriber.frequency = data["frequency"]
        subscriber.digest_time = data["digest_time"]
        subscriber.digest_weekday = data["digest_weekday"]
        subscriber.everything = bool(data["everything"])
        subscriber.save()
        subscriber.set_choices(
            item_types=data["types"], topics=data["topics"], people=data["people"]
        )

    @classmethod
    def initial_for(cls, subscriber):
        return {
            "everything": subscriber.everything,
            "types": subscriber.choice_values("type"),
            "topics": subscriber.choice_values("topic"),
            "people": subscriber.choice_values("person"),
            "language": subscriber.language,
            "frequency": subscriber.frequency,
            "digest_time": f"{subscriber.digest_time:%H:%M}",
            "digest_weekday": subscriber.digest_weekday,
        }


class PressChoicesForm(ChoicesForm):
    """A journalist's alerts in the press area: the same choices, and embargoed material."""

    embargoed = forms.BooleanField(
        label=_("Also send me embargoed items when they are shared with the press"),
        required=False,
    )

    def apply_to(self, subscriber):
        subscriber.embargoed = bool(self.cleaned_data["embargoed"])
        super().apply_to(subscriber)

    @classmethod
    def initial_for(cls, subscriber):
        return {**super().initial_for(subscriber), "embargoed": subscriber.embargoed}


class SignUpForm(ChoicesForm):
    email = forms.CharField(
        label=_("Your e-mail address"),
        max_length=addresses.MAX_LENGTH + 100,  # longer ones get the clear message below
        strip=False,
        error_messages={"required": _("Give your e-mail address.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    field_order = ["email"]

    def clean_email(self):
        return addresses.normalised(self.cleaned_data["email"])


class EmailOnlyForm(forms.Form):
    """The one-field form of topic and person pages, and "send me a new link"."""

    email = SignUpForm.base_fields["email"]

    def clean_email(self):
        return addresses.normalised(self.cleaned_data["email"])


__all__ = ["ChoicesForm", "EmailOnlyForm", "PressChoicesForm", "SignUpForm", "Subscriber"]
