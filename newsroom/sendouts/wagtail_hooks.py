"""Media contacts, media lists and send-outs in the Wagtail admin, and the item's
*Send to media lists* button."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, HeaderButton

from newsroom.news.models import NewsItemPage

from . import admin_views, figures
from .forms import MediaContactForm, MediaListForm
from .models import MediaContact, MediaList, SendOut


class ContactIndexView(IndexView):
    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.permission_policy.user_has_permission(self.request.user, "add"):
            buttons.append(
                HeaderButton(
                    _("Import from CSV"), url=reverse("sendouts_import"), icon_name="upload"
                )
            )
        buttons.append(
            HeaderButton(_("Export as CSV"), url=reverse("sendouts_export"), icon_name="download")
        )
        return buttons


class MediaContactViewSet(ModelViewSet):
    model = MediaContact
    icon = "user"
    menu_label = _("Media contacts")
    index_view_class = ContactIndexView
    list_display = ["name", "email", "outlet", "country", "languages", "beats",
                    Column("accredited", label=_("accredited"), accessor="accredited"),
                    "unsubscribed_at"]  # fmt: skip
    list_filter = ["country", "consent"]
    search_fields = ["name", "email", "outlet", "role", "beats", "notes"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return MediaContactForm

    def get_queryset(self, request):
        return MediaContact.objects.select_related("press_account__user")


class ReachColumn(Column):
    """Members and suppressed addresses of a list, counted when the index is shown (rules are
    evaluated then)."""

    def get_value(self, instance):
        reach = figures.reach(instance.contacts())
        label = _("%(members)s members, %(suppressed)s suppressed, %(unsubscribed)s unsubscribed")
        return label % {
            "members": reach.members, "suppressed": reach.suppressed,
            "unsubscribed": reach.unsubscribed,
        }  # fmt: skip


class MediaListViewSet(ModelViewSet):
    model = MediaList
    icon = "group"
    menu_label = _("Media lists")
    list_display = ["name", "kind", ReachColumn("reach", label=_("members now"))]
    search_fields = ["name", "description"]
    search_backend_name = None
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return MediaListForm


class SendOutIndexView(IndexView):
    def get_edit_url(self, instance):
        return reverse("sendouts_detail", args=[instance.pk])

    @cached_property
    def header_buttons(self):
        return []  # a send-out starts from its item's page


class SendOutViewSet(ModelViewSet):
    model = SendOut
    icon = "mail"
    menu_label = _("Send-outs")
    index_view_class = SendOutIndexView
    list_display = ["page", "status", "created_by", "sent_at", "created_at"]
    list_filter = ["status"]
    search_fields = ["page__title", "note"]
    search_backend_name = None
    form_fields = ["note"]
    add_view_enabled = False
    copy_view_enabled = False

    def get_queryset(self, request):
        return SendOut.objects.select_related("page", "created_by")


class PressSendOutsGroup(ViewSetGroup):
    menu_label = _("Media send-outs")
    menu_icon = "mail"
    menu_order = 265
    items = (
        SendOutViewSet("media_sendouts"),
        MediaContactViewSet("media_contacts"),
        MediaListViewSet("media_lists"),
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return PressSendOutsGroup()


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("sendouts/new/<int:page_id>/", admin_views.new, name="sendouts_new"),
        path("sendouts/send/<int:pk>/", admin_views.detail, name="sendouts_detail"),
        path("sendouts/send/<int:pk>/preview/", admin_views.preview, name="sendouts_preview"),
        path("sendouts/items/<int:page_id>/", admin_views.item, name="sendouts_item"),
        path("sendouts/contacts/import/", admin_views.import_contacts, name="sendouts_import"),
        path("sendouts/contacts/export/", admin_views.export_contacts, name="sendouts_export"),
    ]


@hooks.register("register_page_header_buttons")
def send_to_media_lists_button(page, user, view_name, next_url=None):
    if isinstance(page, NewsItemPage) and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Send to media lists"),
            reverse("sendouts_new", args=[page.pk]),
            icon_name="mail",
            priority=81,
        )
        yield Button(
            _("Send-outs"),
            reverse("sendouts_item", args=[page.pk]),
            icon_name="list-ul",
            priority=82,
        )
