"""Alerts in the Wagtail admin: subscribers, the summary report, each item's alerts."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from newsroom.news.models import NewsItemPage

from . import admin_views
from .models import Subscriber


class NoAddOrEditPolicy(ModelPermissionPolicy):
    """Subscribers sign up and change their choices themselves (double opt-in): the press office
    reads, exports and deletes, but neither adds nor edits."""

    def user_has_permission(self, user, action):
        return action not in {"add", "change"} and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Alert subscribers")
    add_to_admin_menu = True
    menu_order = 270
    list_display = ["email", "language", "frequency", "everything", "confirmed_at", "created_at"]
    list_filter = ["language", "frequency", "everything"]
    search_fields = ["email"]
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_fields = [
        "email", "language", "frequency", "digest_time", "digest_weekday", "everything",
        "press_account", "embargoed", "created_at", "confirmed_at", "last_digest_at",
    ]  # fmt: skip
    copy_view_enabled = False
    form_fields = []
    delete_view_class = admin_views.EraseSubscriberView
    list_export = [
        "email", "language", "frequency", "digest_time", "digest_weekday", "everything",
        "choices_label", "confirmed_at", "created_at",
    ]  # fmt: skip
    export_headings = {"choices_label": _("Choices")}
    export_filename = "alert-subscribers"

    def get_queryset(self, request):
        return Subscriber.objects.prefetch_related("choices")


register_permission_policy(Subscriber, NoAddOrEditPolicy(Subscriber))


@hooks.register("register_admin_viewset")
def register_subscriber_viewset():
    return SubscriberViewSet("alert_subscribers")


@hooks.register("register_admin_urls")
def register_alert_urls():
    return [
        path("alerts/summary/", admin_views.summary, name="alerts_summary"),
        path("alerts/items/<int:page_id>/", admin_views.item_alerts, name="alerts_item"),
    ]


@hooks.register("register_reports_menu_item")
def register_summary_menu_item():
    return MenuItem(
        _("E-mail alert subscribers"), reverse("alerts_summary"), icon_name="mail", order=660
    )


@hooks.register("register_page_header_buttons")
def item_alerts_button(page, user, view_name, next_url=None):
    if isinstance(page, NewsItemPage) and page.permissions_for_user(user).can_edit():
        yield Button(
            _("E-mail alerts"),
            reverse("alerts_item", args=[page.pk]),
            icon_name="mail",
            priority=80,
        )
