"""Mail in the Wagtail admin: the suppression list (search, add, remove), the dispatches with
their figures and failure reasons, every delivery (filter, search, CSV export), and a notice
on the dashboard when mail is only written to files."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import admin_views
from .models import Delivery, Dispatch, Suppression


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Dispatches and deliveries are written by the outbox only: editors read them."""

    WRITE = {"add", "change", "delete"}

    def user_has_permission(self, user, action):
        return action not in self.WRITE and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class SuppressionViewSet(ModelViewSet):
    model = Suppression
    icon = "cross"
    menu_label = _("Suppressed addresses")
    list_display = ["address", "reason", "detail", "created_at"]
    list_filter = ["reason"]
    search_fields = ["address", "detail"]
    search_backend_name = None
    form_fields = ["address", "reason", "detail"]
    copy_view_enabled = False
    list_export = ["address", "reason", "detail", "created_at"]


def _count(status, label):
    return Column(f"n_{status}", label=label, accessor=f"n_{status}")


class DispatchViewSet(ModelViewSet):
    model = Dispatch
    icon = "mail"
    menu_label = _("Dispatches")
    index_view_class = admin_views.DispatchIndexView
    inspect_view_class = admin_views.DispatchInspectView
    inspect_view_enabled = True
    list_display = [
        "key",
        "kind",
        "released_at",
        _count("queued", _("queued")),
        _count("waiting", _("waiting (retry)")),
        _count("sending", _("sending")),
        _count("sent", _("sent")),
        _count("failed", _("failed")),
        _count("suppressed", _("suppressed")),
        _count("cancelled", _("cancelled")),
    ]
    list_filter = ["kind", "released_at"]
    search_fields = ["key", "source_type", "source_id"]
    search_backend_name = None
    form_fields = []
    copy_view_enabled = False
    inspect_view_fields = [
        "key", "kind", "source_type", "source_id", "created_at", "released_at", "cancelled_at",
        "figures", "problems", "export",
    ]  # fmt: skip


class DeliveryViewSet(ModelViewSet):
    model = Delivery
    icon = "list-ul"
    menu_label = _("Deliveries")
    list_display = ["address", "dispatch", "status", "attempts", "next_attempt_at", "sent_at",
                    "last_error"]  # fmt: skip
    list_filter = ["status", "dispatch"]
    search_fields = ["address", "last_error"]
    search_backend_name = None
    form_fields = []
    copy_view_enabled = False
    list_export = [
        "address", "status", "attempts", "next_attempt_at", "sent_at", "message_id",
        "last_error",
    ]  # fmt: skip
    export_filename = "deliveries"


for model in (Dispatch, Delivery):
    register_permission_policy(model, ReadOnlyPolicy(model))


class MailViewSetGroup(ViewSetGroup):
    menu_label = _("Mail")
    menu_icon = "mail"
    menu_order = 270
    items = (
        DispatchViewSet("mailing_dispatches"),
        DeliveryViewSet("mailing_deliveries"),
        SuppressionViewSet("mailing_suppressions"),
    )


@hooks.register("register_admin_viewset")
def register_mail_viewsets():
    return MailViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_mail_notice(request, panels):
    if admin_views.writes_files():
        panels.insert(0, admin_views.MailNoticePanel())
