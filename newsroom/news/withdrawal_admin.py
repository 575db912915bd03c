"""The admin's "Withdraw" action on a published item: a reason, a confirmation, done.

Reached from the item's action menu (``wagtail_hooks.py``). A withdrawal is an unpublish that
leaves a notice at the item's address (``models/withdrawals.py``); an editor who may unpublish
the item may withdraw it.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.action_menu import ActionMenuItem

from .models import NewsItemPage
from .models.withdrawals import NO_REASON, REASON_LENGTH, clean_reason


class WithdrawalForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why is it withdrawn?"),
        # Not max_length: the browser would cut a pasted text silently; clean_reason says so.
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": NO_REASON},
        help_text=gettext_lazy(
            "Shown to readers at the item's address, with the date, e.g. “This statement was "
            "published in error.” (%(limit)s characters at most)"
        )
        % {"limit": REASON_LENGTH},
    )

    def clean_reason(self):
        return clean_reason(self.cleaned_data["reason"])


def withdraw(request, page_id):
    page = get_object_or_404(NewsItemPage, pk=page_id).specific
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    if not page.live:  # (Wagtail's can_unpublish() is False for it too)
        messages.error(request, _("Only a published item can be withdrawn."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    if not permissions.can_unpublish():
        raise PermissionDenied
    form = WithdrawalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            page.withdraw(form.cleaned_data["reason"], user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("“%(title)s” is withdrawn: its address now shows the notice.")
                % {"title": page.title},
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "news/admin/withdraw.html",
        {
            "page": page,
            "form": form,
            "header_title": _("Withdraw %(title)s") % {"title": page.title},
        },
    )


class WithdrawMenuItem(ActionMenuItem):
    label = gettext_lazy("Withdraw…")
    name = "action-withdraw"
    icon_name = "warning"
    order = 60  # after Unpublish

    def is_shown(self, context):
        page = context.get("page")
        return (
            context["view"] == "edit"
            and isinstance(page, NewsItemPage)
            and page.live
            and not context["locked_for_user"]
            and self.get_user_page_permissions_tester(context).can_unpublish()
        )

    def get_url(self, parent_context):
        return reverse("news_withdraw", args=[parent_context["page"].pk])
