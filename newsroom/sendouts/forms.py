"""The press office's forms: a contact (one address, one contact), a list, a send-out."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from newsroom.mailing.addresses import InvalidAddress, normalise

from .models import MediaContact, MediaList, SendOut

NOTE_LENGTH = 2000


def duplicate_message(existing):
    return _("%(address)s is already the address of a contact: %(name)s (%(outlet)s).") % {
        "address": existing.email,
        "name": existing.name,
        "outlet": existing.outlet or _("no outlet"),
    }


class MediaContactForm(WagtailAdminModelForm):
    class Meta:
        model = MediaContact
        fields = [
            "name", "email", "outlet", "role", "country", "languages", "beats", "phone", "notes",
            "consent", "consent_source", "consent_date", "press_account",
        ]  # fmt: skip

    def clean_email(self):
        try:
            address = normalise(self.cleaned_data["email"])
        except InvalidAddress as error:
            raise forms.ValidationError(str(error)) from None
        existing = MediaContact.objects.filter(email=address).exclude(pk=self.instance.pk).first()
        if existing is not None:
            raise forms.ValidationError(duplicate_message(existing))
        return address

    def clean_country(self):
        country = self.cleaned_data["country"].strip().upper()
        if country and not (len(country) == 2 and country.isalpha()):
            raise forms.ValidationError(_("A country is a two-letter code, e.g. BE."))
        return country


class MediaListForm(WagtailAdminModelForm):
    class Meta:
        model = MediaList
        fields = [
            "name", "description", "kind", "members", "rule_beat", "rule_country",
            "rule_language", "rule_accredited",
        ]  # fmt: skip


class SendOutForm(forms.ModelForm):
    class Meta:
        model = SendOut
        fields = ["lists", "contacts", "note", "sender_name", "reply_to", "tracking"]
        widgets = {
            "lists": forms.CheckboxSelectMultiple,
            "contacts": forms.SelectMultiple(attrs={"size": 8}),
            "note": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "note": gettext_lazy("Shown above the release, e.g. “Dear colleagues, ahead of …”"),
            "sender_name": gettext_lazy("The name the message comes from, e.g. “Press office”."),
            "reply_to": gettext_lazy("Where journalists' replies go: the press contacts."),
        }

    def clean_note(self):
        note = self.cleaned_data["note"].strip()
        if len(note) > NOTE_LENGTH:
            raise forms.ValidationError(
                _("The note is longer than %(n)s characters.") % {"n": NOTE_LENGTH}
            )
        return note

    def clean_sender_name(self):
        return " ".join(self.cleaned_data["sender_name"].split())

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("lists") and not cleaned.get("contacts"):
            raise forms.ValidationError(_("Choose at least one media list or one contact."))
        return cleaned


class CorrectionForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("What was corrected"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Sent, with the corrected release, to everyone who received it."),
    )

    def clean_note(self):
        return " ".join(self.cleaned_data["note"].split())


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV file"))
