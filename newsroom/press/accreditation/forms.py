"""The public request form, and the press office's decision form."""

from disposable_email_domains import blocklist
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from newsroom.core import email_addresses

from ..models import AccreditationRequest


def work_address(value):
    """A plain address whose domain is not a throwaway mailbox service."""
    address = email_addresses.normalised(value)
    domain = address.rpartition("@")[2]
    # A sub-domain of a listed service (x.mailinator.com) is as disposable as the service.
    parts = domain.split(".")
    if any(".".join(parts[index:]) in blocklist for index in range(len(parts) - 1)):
        raise ValidationError(
            _(
                "%(domain)s gives out disposable addresses. Give the work address your outlet "
                "knows you by, so the press office can check it."
            )
            % {"domain": domain},
            code="disposable",
        )
    return address


def _text(label, max_length, help_text=""):
    return forms.CharField(
        label=label,
        max_length=max_length,
        help_text=help_text,
        error_messages={
            "required": _("This field is needed."),
            "max_length": _(
                "At most %(limit_value)d characters, please (this has %(show_value)d)."
            ),
        },
    )


class RequestForm(forms.ModelForm):
    name = _text(_("Your name"), 200)
    outlet = _text(_("Outlet"), 200, _("The newspaper, agency, broadcaster or site you work for."))
    role = _text(_("Role"), 200, _("e.g. correspondent, editor, photographer"))
    email = forms.CharField(
        label=_("Work e-mail address"),
        max_length=email_addresses.MAX_LENGTH + 100,  # longer ones get the clear message
        strip=False,
        error_messages={"required": _("Give your e-mail address.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    country = _text(_("Country"), 100, _("Where you work from."))
    work_url = forms.URLField(
        label=_("Link to your published work"),
        max_length=500,
        assume_scheme="https",
        help_text=_("An article, a broadcast or an author page with your name."),
        error_messages={
            "required": _("This field is needed."),
            "invalid": _("Give a web address, such as https://example.org/your-article."),
            "max_length": _(
                "At most %(limit_value)d characters, please (this has %(show_value)d)."
            ),
        },
    )
    languages = _text(_("Working languages"), 200, _("e.g. English, French"))

    class Meta:
        model = AccreditationRequest
        fields = ["name", "outlet", "role", "email", "country", "work_url", "languages"]

    def clean_email(self):
        return work_address(self.cleaned_data["email"])

    def clean_work_url(self):
        value = self.cleaned_data["work_url"]
        if not value.lower().startswith(("https://", "http://")):
            raise ValidationError(
                _("Give a web address, such as https://example.org/your-article."),
                code="invalid",
            )
        return value

    def validate_unique(self):
        """One pending request per address is kept by ``requests.submit``, silently: an error
        here would tell anyone whether an address has asked."""


class DecisionForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the journalist (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Added to the e-mail the journalist receives."),
    )
