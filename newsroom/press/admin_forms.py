"""The press account form editors fill in: the journalist's sign-in and their accreditation.

One form creates or updates both the Django user (in the "Accredited journalists" group, never
staff) and the PressAccount. A password left empty on creation is generated and shown once; the
feed address can be replaced or revoked from the same form.
"""

import secrets

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import JOURNALISTS_GROUP, PressAccount, new_token


class PressAccountForm(WagtailAdminModelForm):
    username = forms.CharField(label=_("User name"), max_length=150)
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    password = forms.CharField(
        label=_("New password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave empty to keep the password (a new account gets a generated one)."),
    )
    feed_address = forms.ChoiceField(
        label=_("Feed address"),
        choices=[
            ("keep", _("Keep the current address")),
            ("rotate", _("Replace it with a new address (the old one stops working)")),
            ("revoke", _("Revoke it (no feed until replaced)")),
        ],
        initial="keep",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = PressAccount
        fields = ["username", "first_name", "last_name", "email", "password", "outlet", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.generated_password = None
        user = self.instance.user if self.instance.pk else None
        if user is not None:
            for name in ("username", "first_name", "last_name", "email"):
                self.initial[name] = getattr(user, name)

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        others = get_user_model().objects.filter(username__iexact=username)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.user_id)
        if others.exists():
            raise forms.ValidationError(_("Another account already has this user name."))
        return username

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password:
            user = self.instance.user if self.instance.pk else None
            try:
                password_validation.validate_password(password, user)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned

    @transaction.atomic
    def save(self, commit=True):
        account = super().save(commit=False)
        User = get_user_model()
        user = account.user if account.pk else User(is_staff=False, is_superuser=False)
        for name in ("username", "first_name", "last_name", "email"):
            setattr(user, name, self.cleaned_data.get(name, ""))
        password = self.cleaned_data.get("password")
        if not password and user.pk is None:
            password = self.generated_password = secrets.token_urlsafe(12)
        if password:
            user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get_or_create(name=JOURNALISTS_GROUP)[0])
        account.user = user
        action = self.cleaned_data.get("feed_address")
        if account.pk is None or action == "rotate":
            account.feed_token = new_token()
        elif action == "revoke":
            account.feed_token = None
        account.save()
        return account
