"""Press accounts and the embargo audit log in the Wagtail admin (editors only)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import admin_views
from .admin_forms import PressAccountForm
from .models import AuditEntry, PressAccount


class PressAccountViewSet(ModelViewSet):
    model = PressAccount
    icon = "user"
    menu_label = _("Press accounts")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["__str__", "outlet", "active", "created_at"]
    list_filter = ["active"]
    search_fields = ["outlet", "user__username", "user__last_name", "user__email"]
    search_backend_name = None
    copy_view_enabled = False
    add_view_class = admin_views.CreatePressAccountView
    edit_view_class = admin_views.EditPressAccountView

    def get_form_class(self, for_update=False):
        return PressAccountForm


class ReadOnlyPolicy(ModelPermissionPolicy):
    """The audit log is written by the system only: editors may read it, nobody may change it."""

    WRITE = {"add", "change", "delete"}

    def user_has_permission(self, user, action):
        return action not in self.WRITE and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class AuditLogViewSet(ModelViewSet):
    model = AuditEntry
    icon = "list-ul"
    menu_label = _("Embargo audit log")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["at", "username", "outlet", "item_title", "channel", "ip_address"]
    list_filter = ["channel", "at", "outlet"]
    search_fields = ["username", "outlet", "item_title", "ip_address"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []
    list_export = ["at", "username", "outlet", "item_title", "channel", "ip_address", "path"]


register_permission_policy(AuditEntry, ReadOnlyPolicy(AuditEntry))


@hooks.register("register_admin_viewset")
def register_press_viewsets():
    return [PressAccountViewSet("press_accounts"), AuditLogViewSet("embargo_audit")]
