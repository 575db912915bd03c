"""The webhook endpoint form: the address is checked by the guard when it is saved (and again
before every delivery, since a host name may later point elsewhere)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from . import guard
from .models import Endpoint, EventType


class EndpointForm(WagtailAdminModelForm):
    url = forms.URLField(label=_("address"), max_length=500, assume_scheme="https")
    event_types = forms.MultipleChoiceField(
        label=_("Events"), choices=EventType.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Endpoint
        fields = ["name", "url", "secret", "accredited", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["event_types"] = [e for e in self.instance.events.split(",") if e]

    def clean_url(self):
        url = self.cleaned_data["url"]
        try:
            guard.check(url)
        except guard.Refused as error:
            raise forms.ValidationError(str(error)) from None
        return url

    def save(self, commit=True):
        self.instance.events = ",".join(self.cleaned_data["event_types"])
        if self.instance.active:
            # Switched on again by hand: its failures start counting from now.
            self.instance.failing_since = None
            self.instance.disabled_reason = ""
        return super().save(commit)
