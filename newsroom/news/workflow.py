"""The press office's review: Draft -> Press officer review -> Publish.

``ensure_press_review()`` creates, or completes, what that needs and never undoes an editor's
choice: the "Press officers" group (admin access; add, edit and publish under every news index),
one group-approval task for it, the "Press officer review" workflow holding that task, and the
workflow's assignment to the news index of every language (unless an editor assigned another).
Run by ``newsroom setup`` and the demo loader; safe to run again.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_noop
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import NewsIndexPage

PRESS_OFFICERS = gettext_noop("Press officers")
WORKFLOW_NAME = gettext_noop("Press officer review")
TASK_NAME = gettext_noop("Approval by a press officer")
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


@transaction.atomic
def ensure_press_review():
    """Return the workflow, creating what is missing."""
    officers, _ = Group.objects.get_or_create(name=PRESS_OFFICERS)
    officers.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
    )
    indexes = list(NewsIndexPage.objects.all())
    for index in indexes:
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=officers, page=index, permission=permission
            )

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(officers)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for index in indexes:
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    return workflow
