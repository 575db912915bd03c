"""The press office's side: the list of requests (pending first) and a page per request with
Approve and Refuse. The page is Wagtail's inspect view with the decision form below the
details; the decision is a POST to the same address, taken at most once."""

from django.contrib import messages as notices
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views import generic

from newsroom.scheduling.timezones import moment_label

from . import requests
from .forms import DecisionForm


class RequestIndexView(generic.IndexView):
    def order_queryset(self, queryset):
        if self.is_explicitly_ordered:
            return super().order_queryset(queryset)
        return queryset.pending_first()


class DecisionView(generic.InspectView):
    template_name = "press/admin/accreditation_request.html"
    page_title = gettext_lazy("Accreditation request")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        accreditation = self.object
        context["accreditation"] = accreditation
        context["can_decide"] = accreditation.is_pending and self.user_has_permission("change")
        context["form"] = kwargs.get("form") or DecisionForm()
        context["existing_user"] = (
            get_user_model().objects.filter(email__iexact=accreditation.email).first()
        )
        if accreditation.decided_at:
            context["decided_at"] = moment_label(accreditation.decided_at)
        return context

    def post(self, request, *args, **kwargs):
        if not self.user_has_permission("change"):
            raise PermissionDenied
        form = DecisionForm(request.POST)
        action = request.POST.get("action")
        if action not in ("approve", "refuse") or not form.is_valid():
            if action not in ("approve", "refuse"):
                notices.error(request, _("Choose Approve or Refuse."))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        accreditation = self.object
        message = form.cleaned_data["message"]
        try:
            if action == "approve":
                account, notes = requests.approve(accreditation, request.user, message)
                notices.success(
                    request,
                    " ".join(
                        [
                            _(
                                "Approved: the press account %(username)s was created and a "
                                "link to set its password sent to %(address)s."
                            )
                            % {
                                "username": account.user.get_username(),
                                "address": account.user.email,
                            },
                            *notes,
                        ]
                    ),
                )
            else:
                requests.refuse(accreditation, request.user, message)
                notices.success(
                    request,
                    _("Refused: %(address)s is being sent the answer.")
                    % {"address": accreditation.email},
                )
        except requests.AlreadyDecided as decided:
            done = decided.request
            notices.warning(
                request,
                _(
                    "Nothing was changed: this request was already %(status)s by %(who)s at "
                    "%(moment)s."
                )
                % {
                    "status": done.get_status_display().lower(),
                    "who": done.decided_by.get_username() if done.decided_by else _("someone"),
                    "moment": moment_label(done.decided_at),
                },
            )
            return redirect(request.path)
        except requests.AddressTaken as taken:
            self.object.refresh_from_db()
            notices.error(
                request,
                _(
                    "Not approved: the account %(username)s already uses %(address)s. Give it "
                    "press access under Press accounts, or refuse this request."
                )
                % {"username": taken.user.get_username(), "address": accreditation.email},
            )
            return self.render_to_response(self.get_context_data(form=form), status=409)
        return redirect(reverse(self.index_url_name))
