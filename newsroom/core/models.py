"""Site-wide settings and the plain content page used for explainers and "about" pages."""

import copy

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from newsroom.core.serving import MemoisedServing

from .blocks import BodyBlock
from .per_language import (
    PerLanguageTexts,
    base_language,
    default_language,
    form_field_name,
    other_languages,
    per_language_form_class,
)
from .publishing import AtomicPublish


def footer_address(value):
    """An address of this site (starting with one slash) or a full web address."""
    if not (
        (value.startswith("/") and not value.startswith("//"))
        or value.startswith(("https://", "http://"))
    ) or any(character.isspace() for character in value):
        raise ValidationError(
            _(
                "Give an address on this site, starting with /, or a full one, starting with https://."
            )
        )


@register_setting(icon="site")
class OrganisationSettings(PerLanguageTexts, BaseSiteSetting):
    """Who publishes this newsroom: shown in the header, footer, feeds and structured data.

    The texts are given in the default language and, optionally, in each other language
    (``texts_by_language``); readers get those of the page's language.
    """

    per_language_fields = (
        "name",
        "short_name",
        "newsroom_title",
        "copyright_holder",
        "usage_terms",
        "press_office_name",
        "press_office_address",
        "accessibility_url",
        "privacy_url",
        "terms_url",
    )
    # The social accounts the footer links to, in this order: (field, the network's name).
    social_networks = (
        ("x_url", "X"),
        ("facebook_url", "Facebook"),
        ("linkedin_url", "LinkedIn"),
        ("youtube_url", "YouTube"),
        ("instagram_url", "Instagram"),
    )

    name = models.CharField(_("organisation name"), max_length=255, default="Newsroom")
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    newsroom_title = models.CharField(
        _("newsroom title"), max_length=255, default="Newsroom", help_text=_("e.g. NATO Newsroom")
    )
    logo = models.ForeignKey(
        "images.NewsroomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    copyright_holder = models.CharField(_("copyright holder"), max_length=255, blank=True)
    usage_terms = models.TextField(_("usage terms"), blank=True)

    # The footer of every page: the press office, the organisation's social accounts and the
    # addresses of its accessibility statement, privacy notice and terms of use.
    press_office_name = models.CharField(
        _("press office"), max_length=255, blank=True, help_text=_("e.g. Press and Media Section")
    )
    press_office_address = models.TextField(_("press office address"), blank=True)
    press_office_phone = models.CharField(_("press office telephone"), max_length=40, blank=True)
    press_office_email = models.EmailField(_("press office e-mail"), blank=True)
    x_url = models.URLField(_("X account"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn page"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    instagram_url = models.URLField(_("Instagram account"), blank=True)
    accessibility_url = models.CharField(
        _("accessibility statement address"),
        max_length=500,
        blank=True,
        validators=[footer_address],
        help_text=_("An address on this site (/en/accessibility/) or a full one (https://…)."),
    )
    privacy_url = models.CharField(
        _("privacy notice address"), max_length=500, blank=True, validators=[footer_address]
    )
    terms_url = models.CharField(
        _("terms of use address"), max_length=500, blank=True, validators=[footer_address]
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("newsroom_title"),
        FieldPanel("logo"),
        FieldPanel("copyright_holder"),
        FieldPanel("usage_terms"),
        MultiFieldPanel(
            [
                FieldPanel("press_office_name"),
                FieldPanel("press_office_address"),
                FieldPanel("press_office_phone"),
                FieldPanel("press_office_email"),
                *(FieldPanel(field) for field, _network in social_networks),
                FieldPanel("accessibility_url"),
                FieldPanel("privacy_url"),
                FieldPanel("terms_url"),
            ],
            heading=_("Footer"),
        ),
    ]

    class Meta:
        verbose_name = _("organisation")

    @classmethod
    def for_request(cls, request):
        """The settings as readers of the active language see them (cached on the request
        per language, like Wagtail caches the row)."""
        settings = super().for_request(request)
        language = base_language(get_language())
        if not language or language == default_language():
            return settings
        attr = f"_newsroom_organisation_{language}"
        if not hasattr(request, attr):
            setattr(request, attr, settings.in_language(language))
        return getattr(request, attr)

    def social_accounts(self):
        """(network, address) of each social account given, for the footer."""
        return [
            (network, getattr(self, field))
            for field, network in self.social_networks
            if getattr(self, field)
        ]

    def in_language(self, language):
        """A read-only copy whose texts are those of ``language``, where given."""
        localized = copy.copy(self)
        for field in self.per_language_fields:
            setattr(localized, field, self.text_in(field, language))
        localized._shown_in = language
        return localized

    def save(self, *args, **kwargs):
        if getattr(self, "_shown_in", None):
            # Saving a reader's copy would write its language's texts over the default ones.
            raise ValueError("A per-language copy of the organisation settings is read-only.")
        return super().save(*args, **kwargs)


OrganisationSettings.base_form_class = per_language_form_class(
    WagtailAdminModelForm, OrganisationSettings, "OrganisationSettingsForm"
)
OrganisationSettings.panels = [
    *OrganisationSettings.panels,
    *(
        MultiFieldPanel(
            [
                FieldPanel(form_field_name(field, code))
                for field in OrganisationSettings.per_language_fields
            ],
            heading=name,
            classname="collapsed",
        )
        for code, name in other_languages()
    ),
]


class StandardPage(MemoisedServing, AtomicPublish, Page):
    """An explainer, background or "about" page: a title, an introduction and a body."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    template = "core/standard_page.html"

    class Meta:
        verbose_name = _("standard page")
