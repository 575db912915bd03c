"""Site-wide settings and the plain content page used for explainers and "about" pages."""

import copy

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

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("newsroom_title"),
        FieldPanel("logo"),
        FieldPanel("copyright_holder"),
        FieldPanel("usage_terms"),
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
