"""NEWSROOM_MAIL_RATE: at most so many messages a second, shared by every worker.

Written here rather than taken from a library: the limiters on PyPI throttle requests to a
view, not a loop that must wait. A fixed one-second window counted in Django's cache: Redis
(REDIS_URL), so shared by every worker of every server; in embedded mode the one worker's own
memory. A worker takes its share in small chunks (a tenth of the rate), so two workers split
the rate between them, and waits for the next second when the window is used up.
"""

import time

from django.core.cache import cache


class Rate:
    def __init__(self, per_second):
        self.per_second = int(per_second or 0)
        self.chunk = max(1, min(self.per_second // 10, 100))
        self.tokens = 0

    def take(self):
        """Wait until one more message may go."""
        if not self.per_second:
            return
        while self.tokens <= 0:
            self.tokens = self._take_chunk()
            if self.tokens <= 0:
                time.sleep(1.0 - (time.time() % 1.0) + 0.001)
        self.tokens -= 1

    def _take_chunk(self):
        key = f"newsroom-mailing-rate:{int(time.time())}"
        cache.add(key, 0, timeout=5)
        try:
            used = cache.incr(key, self.chunk)
        except ValueError:  # expired between add and incr
            return 0
        before = used - self.chunk
        return max(0, min(self.chunk, self.per_second - before))
