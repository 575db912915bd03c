"""Press contacts: the people journalists call or write to about an item.

A contact is a snippet (name, role, phone, e-mail, languages, photo). Each press release,
speech and media advisory shows the contacts chosen on it or, when none are, the default ones of
its section (*Settings → Press contacts*: one set for press releases, one for speeches, one for
advisories). Every contact is public: its card is on the items, its vCard at
``/en/contacts/<id>.vcf``.
"""

import re

from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from newsroom.caching import memo

PHONE = re.compile(r"^\+?[0-9 ().\-/]{4,40}$")
LANGUAGE_SEPARATOR = re.compile(r"[\s,;]+")


def validate_phone(value):
    if not PHONE.match(value) or sum(char.isdigit() for char in value) < 4:
        raise ValidationError(
            _(
                "Write the number with its country code, digits, spaces and dashes only, "
                "e.g. +32 2 707 50 41."
            )
        )


def language_codes(value):
    return [code for code in LANGUAGE_SEPARATOR.split(value.strip().lower()) if code]


def validate_languages(value):
    unknown = [code for code in language_codes(value) if code not in LANG_INFO]
    if unknown:
        raise ValidationError(
            _("Unknown language codes: %(codes)s. Use codes such as en, fr, de, uk.")
            % {"codes": ", ".join(unknown)}
        )


class PressContact(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=255)
    role = models.CharField(
        _("role"), max_length=255, blank=True, help_text=_("e.g. Deputy Spokesperson")
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone])
    email = models.EmailField(_("e-mail"), blank=True)
    languages = models.CharField(
        _("languages"),
        max_length=100,
        blank=True,
        validators=[validate_languages],
        help_text=_("Language codes, separated by commas, e.g. en, fr, de."),
    )
    photo = models.ForeignKey(
        "images.NewsroomImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("languages"),
        FieldPanel("photo"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("press contact")
        verbose_name_plural = _("press contacts")
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name

    def clean(self):
        super().clean()
        if not self.phone and not self.email:
            raise ValidationError(_("Give a phone number, an e-mail address or both."))

    @property
    def tel_uri(self):
        """RFC 3966: the number with only its digits and a leading +."""
        if not self.phone:
            return ""
        digits = re.sub(r"[^0-9]", "", self.phone)
        return f"tel:{'+' if self.phone.strip().startswith('+') else ''}{digits}"

    @property
    def language_codes(self):
        return language_codes(self.languages)

    @property
    def language_names(self):
        """The languages, each in the reader's language ("French", "français")."""
        return [str(get_language_info(code)["name_translated"]) for code in self.language_codes]


register_snippet(PressContact)

SECTIONS = {
    "press-release": "press_release_contacts",
    "speech": "speech_contacts",
    "advisory": "advisory_contacts",
}


@register_setting(icon="group")
class PressContactSettings(BaseSiteSetting):
    """Who is named under an item of each section when the item names nobody itself."""

    press_release_contacts = models.ManyToManyField(
        PressContact, blank=True, related_name="+", verbose_name=_("press releases")
    )
    speech_contacts = models.ManyToManyField(
        PressContact, blank=True, related_name="+", verbose_name=_("speeches")
    )
    advisory_contacts = models.ManyToManyField(
        PressContact, blank=True, related_name="+", verbose_name=_("media advisories")
    )

    panels = [
        FieldPanel("press_release_contacts"),
        FieldPanel("speech_contacts"),
        FieldPanel("advisory_contacts"),
    ]

    class Meta:
        verbose_name = _("press contacts")


@memo.per_epoch
def default_contacts(site, section):
    """The default contacts of a section (``SECTIONS``) on this site, by name, photos read."""
    field = SECTIONS.get(section)
    if field is None:
        return []
    settings = PressContactSettings.objects.filter(site=site).first()
    if settings is None:
        return []
    return list(getattr(settings, field).select_related("photo").order_by("name", "pk"))
