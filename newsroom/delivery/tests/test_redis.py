"""Several workers and app servers sharing a Redis: one publish reaches them all.

Runs against a real Redis: the session's private redis-server (``redis_server`` in the top-level
conftest.py), with a key prefix of its own per test.
"""

import uuid

import pytest

from newsroom.caching import generation
from newsroom.caching.generation import CacheGeneration
from newsroom.delivery.pagecache import PageCache
from newsroom.news.factories import StoryPageFactory

from .test_pagecache import FakeApp
from .wsgi_client import WSGIClient, django_app


@pytest.fixture
def redis_cache(settings, redis_server):
    prefix = f"newsroom-test-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
    generation.reset_store()
    yield prefix
    from django.core.cache import cache

    cache.delete_pattern("*")
    generation.reset_store()


def worker(app, ttl=0.0):
    """A worker process of its own: its own memory and its own copy of the generation."""
    return PageCache(app, store=CacheGeneration(ttl=ttl))


def test_the_generation_lives_in_redis(redis_cache):
    assert isinstance(generation.get_store(), CacheGeneration)
    one, other = CacheGeneration(ttl=0), CacheGeneration(ttl=0)
    before = one.current()
    assert other.current() == before
    other.bump()
    assert one.current() != before


def test_a_page_rendered_by_one_worker_is_served_by_another(redis_cache):
    app = FakeApp()
    first, second = WSGIClient(worker(app)), WSGIClient(worker(app))
    assert first.get("/en/").cache == "MISS"
    response = second.get("/en/", accept_encoding="br")
    assert response.cache == "HIT" and response.headers["content-encoding"] == "br"
    assert len(app.calls) == 1


def test_a_bump_anywhere_refreshes_every_worker(redis_cache):
    app = FakeApp()
    workers = [WSGIClient(worker(app)) for _ in range(3)]
    for client in workers:
        client.get("/en/")
    CacheGeneration(ttl=0).bump()  # another app server publishes
    assert [client.get("/en/").cache for client in workers] == ["MISS", "HIT", "HIT"]
    assert len(app.calls) == 2


def test_the_local_copy_of_the_generation_is_kept_briefly(redis_cache):
    app = FakeApp()
    client = WSGIClient(worker(app, ttl=60))
    client.get("/en/")
    CacheGeneration(ttl=0).bump()
    assert client.get("/en/").cache == "HIT"  # within its TTL (0.25 s by default)


@pytest.mark.django_db
def test_publishing_reaches_other_workers_through_redis(redis_cache, home, news_index, publish):
    story = StoryPageFactory(parent=news_index, title="Before")
    workers = [WSGIClient(worker(django_app())) for _ in range(2)]
    for client in workers:
        client.get(story.url)
    story.title = "After the publish"
    publish(lambda: story.save_revision().publish())
    for client in workers:
        assert "After the publish" in client.get(story.url).text
