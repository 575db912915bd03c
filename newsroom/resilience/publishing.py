"""A publish is all or nothing.

Wagtail's publish action saves the page as live, writes log entries, then sends
``page_published``, whose receivers make cached pages stale (``delivery/invalidation.py``).
Out of the box these steps commit one by one: a server killed between them leaves the new
version live in the database while every cache still serves the old one. Running the action in
one transaction means a killed publish is rolled back entirely, and the cache bump (an
``on_commit`` callback) happens only once the new version is really live. The revision the
editor saved just before publishing is committed on its own and survives.

A new page published from the "Add" form is inserted by Wagtail already live, before its
publish starts; here it is inserted as a draft, so that it, too, goes live only with the
publish's transaction.
"""

import logging
import os
import time

from django.db import transaction

logger = logging.getLogger(__name__)
TEST_DELAY_VARIABLE = "NEWSROOM_TEST_PUBLISH_DELAY"


def make_publishing_atomic():
    from wagtail.actions.publish_revision import PublishRevisionAction

    if getattr(PublishRevisionAction.execute, "newsroom_atomic", False):
        return
    original = PublishRevisionAction.execute

    def execute(self, *args, **kwargs):
        with transaction.atomic():
            return original(self, *args, **kwargs)

    execute.newsroom_atomic = True
    PublishRevisionAction.execute = execute
    insert_new_pages_as_drafts()


def insert_new_pages_as_drafts():
    from wagtail.admin.views.pages.create import CreateView

    original = CreateView.publish_action

    def publish_action(self):
        form_save = self.form.save

        def save_as_draft(*args, **kwargs):
            page = form_save(*args, **kwargs)
            page.live = False
            page.has_unpublished_changes = True
            return page

        self.form.save = save_as_draft
        return original(self)

    CreateView.publish_action = publish_action


def connect_test_delay():
    """Tests only: with NEWSROOM_TEST_PUBLISH_DELAY=<seconds>, every publish pauses that long
    inside its transaction, so a test can kill the server in the middle of one."""
    value = os.environ.get(TEST_DELAY_VARIABLE, "").strip()
    if not value:
        return
    delay = float(value)
    from wagtail.signals import page_published

    def pause(sender, instance, **kwargs):
        logger.warning("Test publish delay: pausing %s s inside the publish of %r", delay, instance)
        time.sleep(delay)

    page_published.connect(pause, weak=False, dispatch_uid="newsroom-test-publish-delay")
