from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .translation_report import translation_report


@hooks.register("register_admin_urls")
def register_translation_report_url():
    return [path("reports/translations/", translation_report, name="translation_report")]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return MenuItem(_("Translations"), reverse("translation_report"), icon_name="site", order=650)
