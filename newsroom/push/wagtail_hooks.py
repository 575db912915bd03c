"""Webhook endpoints and their delivery log in the Wagtail admin, and the notice of a
disabled endpoint on the dashboard."""

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .forms import EndpointForm
from .models import Attempt, Endpoint


class EndpointViewSet(ModelViewSet):
    model = Endpoint
    icon = "link"
    menu_label = gettext_lazy("Webhook endpoints")
    list_display = ["name", "url", "events", "accredited", "active", "failing_since"]
    list_filter = ["active", "accredited"]
    search_fields = ["name", "url"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["name", "url", "events", "accredited", "active", "failing_since",
                           "disabled_reason", "created_at"]  # fmt: skip

    def get_form_class(self, for_update=False):
        return EndpointForm


class ReadOnlyPolicy(ModelPermissionPolicy):
    """The log is written by the sender only."""

    def user_has_permission(self, user, action):
        return action not in {"add", "change", "delete"} and super().user_has_permission(
            user, action
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class AttemptViewSet(ModelViewSet):
    model = Attempt
    icon = "list-ul"
    menu_label = gettext_lazy("Webhook delivery log")
    list_display = ["at", "endpoint_name", "event_type", "status_code", "response_ms", "error"]
    list_filter = ["delivery__endpoint", "status_code"]
    search_fields = ["error"]
    search_backend_name = None
    form_fields = []
    copy_view_enabled = False

    def get_queryset(self, request):
        return Attempt.objects.select_related("delivery__endpoint", "delivery__event")


register_permission_policy(Attempt, ReadOnlyPolicy(Attempt))


class PushGroup(ViewSetGroup):
    menu_label = gettext_lazy("Webhooks")
    menu_icon = "link"
    menu_order = 275
    items = (EndpointViewSet("webhook_endpoints"), AttemptViewSet("webhook_log"))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return PushGroup()


class DisabledEndpointsPanel(Component):
    name = "disabled_webhooks"
    order = 55

    def __init__(self, endpoints):
        self.endpoints = endpoints

    def render_html(self, parent_context=None):
        rows = format_html_join(
            "", '<li><a href="{}">{}</a>: {}</li>',
            ((reverse("webhook_endpoints:edit", args=[e.pk]), e.name, e.disabled_reason)
             for e in self.endpoints),
        )  # fmt: skip
        return format_html(
            '<section class="panel help-block help-warning" aria-labelledby="webhooks-notice">'
            '<h2 id="webhooks-notice">{}</h2><p>{}</p><ul>{}</ul></section>',
            _("Webhook endpoints disabled"),
            _("These receivers failed for a day and were switched off; tick Active to resume."),
            rows,
        )


@hooks.register("construct_homepage_panels")
def add_disabled_notice(request, panels):
    disabled = list(Endpoint.objects.filter(active=False).exclude(disabled_reason=""))
    if disabled:
        panels.insert(0, DisabledEndpointsPanel(disabled))
