"""The scheduler's lock admits one holder at a time on each backend, and the runner publishes a
due item once, through Wagtail's own scheduled publishing."""

import datetime
import threading
import uuid

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import PageLogEntry

from newsroom.news.factories import StoryPageFactory
from newsroom.scheduling import locks, runner


def test_file_lock_admits_one_holder(settings, tmp_path):
    settings.NEWSROOM_SCHEDULER_LOCK_FILE = tmp_path / "scheduler.lock"
    with locks._file_lock() as first, locks._file_lock() as second:
        assert (first, second) == (True, False)
    with locks._file_lock() as again:
        assert again is True


def test_redis_lock_admits_one_holder(settings, redis_server):
    settings.REDIS_URL = redis_server.url
    settings.NEWSROOM_CACHE_PREFIX = f"embargo-test-{uuid.uuid4().hex}"
    with locks._redis_lock() as first, locks._redis_lock() as second:
        assert (first, second) == (True, False)
    with locks._redis_lock() as again:
        assert again is True


@pytest.mark.django_db(transaction=True)
def test_postgresql_advisory_lock_admits_one_holder():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (make test-postgres)")
    holding, release, results = threading.Event(), threading.Event(), {}

    def other_server():
        from django.db import connection as own_connection

        with locks.try_lock() as held:
            results["other"] = held
            holding.set()
            release.wait(30)
        own_connection.close()

    thread = threading.Thread(target=other_server)
    thread.start()
    holding.wait(30)
    with locks.try_lock() as held:
        results["this"] = held
    release.set()
    thread.join(30)
    assert results == {"other": True, "this": False}
    with locks.try_lock() as held:
        assert held is True  # released with the other transaction


def scheduled_story(news_index, seconds_ago=1):
    story = StoryPageFactory(parent=news_index, title="Due story", live=False)
    story.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = story.save_revision()
    revision.publish()
    # As if the hour had passed: the revision is now due.
    due = timezone.now() - datetime.timedelta(seconds=seconds_ago)
    revision.refresh_from_db()
    revision.content["go_live_at"] = due.isoformat()
    revision.approved_go_live_at = due
    revision.save()
    type(story).objects.filter(pk=story.pk).update(go_live_at=due)
    return story


@pytest.mark.django_db
def test_runner_publishes_a_due_item_once(news_index, settings, tmp_path):
    settings.NEWSROOM_SCHEDULER_LOCK_FILE = tmp_path / "scheduler.lock"
    story = scheduled_story(news_index)
    assert runner.next_due() is None
    assert runner.run_due() is True
    assert runner.run_due() is False  # nothing left to do
    story.refresh_from_db()
    assert story.live
    assert PageLogEntry.objects.filter(page=story, action="wagtail.publish.scheduled").count() == 1


@pytest.mark.django_db
def test_runner_leaves_the_work_to_the_lock_holder(news_index, settings, tmp_path, monkeypatch):
    # The file lock stands for any backend here (each backend's lock is tested above).
    monkeypatch.setattr(locks, "backend_name", lambda: "file")
    settings.NEWSROOM_SCHEDULER_LOCK_FILE = tmp_path / "scheduler.lock"
    story = scheduled_story(news_index)
    with locks._file_lock() as held:  # another worker holds the lock
        assert held
        assert runner.run_due() is False
    story.refresh_from_db()
    assert not story.live


@pytest.mark.django_db
def test_next_due_names_the_earliest_go_live_or_expiry(news_index):
    soon = timezone.now() + datetime.timedelta(minutes=5)
    later = StoryPageFactory(parent=news_index, live=False)
    later.go_live_at = soon + datetime.timedelta(minutes=5)
    later.save_revision().publish()
    expiring = StoryPageFactory(parent=news_index)
    type(expiring).objects.filter(pk=expiring.pk).update(expire_at=soon)
    assert runner.next_due() == soon
