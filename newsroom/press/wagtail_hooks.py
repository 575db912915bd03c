"""Press accounts and the embargo audit log in the Wagtail admin (editors only)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import admin_views
from .accreditation import admin_views as accreditation_views
from .accreditation import requests as accreditation
from .admin_forms import PressAccountForm
from .models import AccreditationRequest, AuditEntry, PressAccount


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


class WithoutActionsPolicy(ModelPermissionPolicy):
    """The model's permissions, less the actions in ``DENIED``, which nobody may take."""

    DENIED = frozenset()

    def user_has_permission(self, user, action):
        return action not in self.DENIED and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class ReadOnlyPolicy(WithoutActionsPolicy):
    """The audit log is written by the system only: editors may read it, nobody may change it."""

    DENIED = frozenset({"add", "change", "delete"})


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


class RequestsPolicy(WithoutActionsPolicy):
    """Requests come from the public form only: nobody adds one in the admin. "change" is the
    permission to decide."""

    DENIED = frozenset({"add"})


class AccreditationRequestViewSet(ModelViewSet):
    model = AccreditationRequest
    icon = "form"
    menu_label = _("Accreditation requests")
    add_to_admin_menu = True
    menu_order = 245
    index_view_class = accreditation_views.RequestIndexView
    inspect_view_class = accreditation_views.DecisionView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["__str__", "email", "country", "status", "created_at", "decided_at"]
    list_filter = ["status", "created_at", "country"]
    search_fields = ["name", "outlet", "email", "country"]
    search_backend_name = None
    form_fields = []
    inspect_view_fields = [
        "name", "outlet", "role", "email", "country", "work_url", "languages", "language",
        "status", "created_at", "decided_at", "decided_by", "decision_message", "account",
    ]  # fmt: skip
    list_export = ["name", "outlet", "role", "email", "country", "work_url", "languages",
                   "status", "created_at", "decided_at"]  # fmt: skip

    def get_urlpatterns(self):
        # No add or edit form: a request is what the journalist sent; it is only decided.
        return [
            pattern for pattern in super().get_urlpatterns() if pattern.name not in ("add", "edit")
        ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(add_url_name=None, edit_url_name=None, **kwargs)


register_permission_policy(AccreditationRequest, RequestsPolicy(AccreditationRequest))


@hooks.register("register_admin_viewset")
def register_press_viewsets():
    return [
        AccreditationRequestViewSet("accreditation_requests"),
        PressAccountViewSet("press_accounts"),
        AuditLogViewSet("embargo_audit"),
    ]


@hooks.register("register_log_actions")
def register_accreditation_actions(actions):
    actions.register_action(
        accreditation.APPROVE, _("Approve accreditation"), _("Accreditation approved")
    )
    actions.register_action(
        accreditation.REFUSE, _("Refuse accreditation"), _("Accreditation refused")
    )
