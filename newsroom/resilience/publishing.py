"""The admin publishes in one transaction too (see ``newsroom/core/publishing.py`` for why).

``AtomicPublish`` on the page models covers every publish that calls ``Page.publish()``. Two
admin paths do not: the edit view builds Wagtail's ``PublishPageRevisionAction`` itself, and
so does the admin API's publish action. Both are replaced through Wagtail's extension points,
not patched: a ``PageViewSet`` registered for ``Page`` (it takes over from Wagtail's default
one, registered with ``order=-1`` for that purpose) gives every page type the create and edit
views below, and the ``construct_admin_api`` hook registers the pages endpoint with the
publish action below (``wagtail_hooks.py``).

In the views the transaction runs from the ``before_publish_page`` hooks to the
``after_publish_page`` hooks: the form's draft and the revision the editor saved just before
are committed on their own and survive a publish that fails or is killed; the after-publish
hooks see the committed, live page.

A new page published from the "Add" form is inserted by Wagtail already live, before its
publish starts; here it is inserted as a draft, so that it, too, goes live only with the
publish's transaction.
"""

from contextlib import ExitStack

from django.db import transaction
from wagtail.admin.api import views as admin_api
from wagtail.admin.api.actions.publish import PublishPageAPIAction
from wagtail.admin.views.pages import create, edit
from wagtail.admin.viewsets.pages import PageViewSet


class PublishInOneTransaction:
    """For Wagtail's page create and edit views: their ``publish_action`` runs the
    ``before_publish_page`` hooks, publishes, then runs the ``after_publish_page`` hooks; the
    publish between the two is one transaction."""

    publish_transaction = None

    def publish_action(self):
        with ExitStack() as self.publish_transaction:  # rolls back on any exception
            return super().publish_action()

    def run_hook(self, hook_name, *args, **kwargs):
        publishing = self.publish_transaction
        if publishing is not None and hook_name == "after_publish_page":
            publishing.close()  # commits: the page is live, then on_commit bumps the caches
        response = super().run_hook(hook_name, *args, **kwargs)
        if publishing is not None and hook_name == "before_publish_page" and response is None:
            publishing.enter_context(transaction.atomic())
        return response


class CreateView(PublishInOneTransaction, create.CreateView):
    def publish_action(self):
        # ``self.page`` is the form's instance: Wagtail's publish_action inserts it as it is.
        self.page.live = False
        self.page.has_unpublished_changes = True
        return super().publish_action()


class EditView(PublishInOneTransaction, edit.EditView):
    pass


class NewsroomPageViewSet(PageViewSet):
    add_view_class = CreateView
    edit_view_class = EditView


page_viewset = NewsroomPageViewSet()


class AtomicPublishPageAPIAction(PublishPageAPIAction):
    def execute(self, instance, data):
        with transaction.atomic():
            return super().execute(instance, data)


class PagesAdminAPIViewSet(admin_api.PagesAdminAPIViewSet):
    actions = {**admin_api.PagesAdminAPIViewSet.actions, "publish": AtomicPublishPageAPIAction}
