from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .models.withdrawals import WITHDRAW_ACTION
from .translation_report import translation_report
from .withdrawal_admin import WithdrawMenuItem, withdraw


@hooks.register("register_admin_urls")
def register_translation_report_url():
    return [
        path("reports/translations/", translation_report, name="translation_report"),
        path("news/items/<int:page_id>/withdraw/", withdraw, name="news_withdraw"),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return MenuItem(_("Translations"), reverse("translation_report"), icon_name="site", order=650)


@hooks.register("register_page_action_menu_item")
def register_withdraw_menu_item():
    return WithdrawMenuItem()


@hooks.register("register_log_actions")
def register_withdraw_log_action(actions):
    actions.register_action(WITHDRAW_ACTION, _("Withdraw"), _("Withdrawn with a notice"))
