"""Press releases published at the same moment never share a number: real threads, each with
its own database connection, publish at once, on PostgreSQL (`make test-postgres`), where the
counter row's lock is what makes them queue.

SQLite's test database lives in memory with a shared cache, which refuses a second writer at
once ("database table is locked") instead of waiting; the newsroom's own SQLite file opens every
transaction with BEGIN IMMEDIATE and a 20 s busy timeout, so there writers queue before they read
the counter. That case cannot be reproduced in the in-memory test database."""

import threading

import pytest
from django.db import connection, connections

from newsroom.news.factories import PressReleasePageFactory
from newsroom.news.models import PressReleaseCounter, PressReleasePage

PUBLISHERS = 6


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite", reason="in-memory SQLite refuses concurrent writers"
)
def test_releases_published_at_once_get_distinct_consecutive_numbers(news_index):
    drafts = [
        PressReleasePageFactory(parent=news_index, live=False, slug=f"release-{n}")
        for n in range(PUBLISHERS)
    ]
    revisions = [draft.save_revision() for draft in drafts]
    assert not PressReleasePage.objects.filter(release_number__isnull=False).exists()

    start = threading.Barrier(PUBLISHERS)
    errors = []

    def publish(revision):
        try:
            start.wait(timeout=60)
            revision.publish()
        except Exception as error:  # reported below: a lost publication fails the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=publish, args=(revision,)) for revision in revisions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    assert not errors, errors
    numbers = sorted(PressReleasePage.objects.values_list("release_number", flat=True))
    assert numbers == list(range(1, PUBLISHERS + 1)), connection.vendor
    assert PressReleaseCounter.objects.get().last_number == PUBLISHERS
