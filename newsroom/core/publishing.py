"""A publish is all or nothing.

Wagtail's publish action saves the page as live, writes log entries, then sends
``page_published``, whose receivers make cached pages stale (``delivery/invalidation.py``).
Out of the box these steps commit one by one: a server killed between them leaves the new
version live in the database while every cache still serves the old one. Run in one
transaction, a killed publish is rolled back entirely, and the cache bump (an ``on_commit``
callback) happens only once the new version is really live. The revision saved just before
publishing is committed on its own and survives.

Every page type of the project takes :class:`AtomicPublish` among its bases; it covers every
publish that goes through ``Revision.publish()`` / ``Page.publish()`` (the scheduler, bulk
publishing, workflow approvals, factories, the "Add" form). The admin's edit view builds
Wagtail's publish action itself, so ``newsroom/resilience/publishing.py`` gives the admin its
own create and edit views (a ``PageViewSet``) that hold the same transaction.
"""

from django.db import transaction


class AtomicPublish:
    """Mixin for page models: ``publish()`` runs in one database transaction."""

    def publish(self, revision, *args, **kwargs):
        with transaction.atomic():
            return super().publish(revision, *args, **kwargs)

    publish.alters_data = True
