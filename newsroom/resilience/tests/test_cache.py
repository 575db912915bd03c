"""The Redis cache backend's fallback, against a real redis-server that is absent, then started."""

import logging
import shutil

import pytest

from deploy.cluster import services
from newsroom.resilience import cache as resilient

pytestmark = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="redis-server is not installed"
)


@pytest.fixture
def backend():
    port = services.free_port()  # nothing listens there yet
    resilient._outages.clear()
    backend = resilient.ResilientRedisCache(
        f"redis://127.0.0.1:{port}/0",
        {"KEY_PREFIX": "resilience-test", "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1}},
    )
    backend.port = port
    yield backend
    resilient._outages.clear()


def test_unreachable_redis_falls_back_to_memory_and_warns_once(backend, caplog):
    caplog.set_level(logging.WARNING, logger="newsroom.resilience.cache")
    backend.set("greeting", "hello")
    assert backend.degraded
    assert backend.get("greeting") == "hello"
    backend.add("counter", 1)
    assert backend.incr("counter") == 2
    for _ in range(10):
        backend.get("missing")
    warnings = [r for r in caplog.records if "Redis is unreachable" in r.getMessage()]
    assert len(warnings) == 1


def test_redis_coming_back_ends_the_outage_and_says_so(backend, tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="newsroom.resilience.cache")
    recovered = []

    def on_recovery(sender, **kwargs):
        recovered.append(kwargs["cache"])

    resilient.shared_cache_recovered.connect(on_recovery)
    try:
        assert backend.get("anything") is None and backend.degraded
        redis = services.Redis(backend.port, tmp_path / "redis.log").start()
        try:
            services.wait_until(
                lambda: backend.get("anything") is None and not backend.degraded,
                10,
                "the cache to use Redis again",
            )
            backend.set("shared", "yes")
            # Stored in Redis itself, not in this process's memory.
            assert backend.client.get("shared") == "yes"
            assert backend.fallback.get("shared") is None
        finally:
            redis.stop()
    finally:
        resilient.shared_cache_recovered.disconnect(on_recovery)
    assert recovered == [backend]
    assert any("reachable again" in r.getMessage() for r in caplog.records)
