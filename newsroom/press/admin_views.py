"""Create and edit views that tell the editor a generated password, once."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail.admin.views import generic


class PasswordOnceMixin:
    def form_valid(self, form):
        response = super().form_valid(form)
        if form.generated_password:
            messages.warning(
                self.request,
                _(
                    "Give these sign-in details to the journalist; the password is shown only "
                    "this once. User name: %(username)s, password: %(password)s"
                )
                % {"username": form.instance.user.username, "password": form.generated_password},
            )
        return response


class CreatePressAccountView(PasswordOnceMixin, generic.CreateView):
    pass


class EditPressAccountView(PasswordOnceMixin, generic.EditView):
    pass
