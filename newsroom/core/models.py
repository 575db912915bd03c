"""Site-wide settings and the plain content page used for explainers and "about" pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """Who publishes this newsroom: shown in the header, footer, feeds and structured data."""

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


class StandardPage(Page):
    """An explainer, background or "about" page: a title, an introduction and a body."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    template = "core/standard_page.html"

    class Meta:
        verbose_name = _("standard page")
