"""Frontend-cache backends for tests: one that records purges, one that fails."""

from wagtail.contrib.frontend_cache.backends import BaseBackend


class FakeCDN(BaseBackend):
    purged = []

    def purge(self, url):
        self.purged.append(url)


class BrokenCDN(BaseBackend):
    def purge(self, url):
        raise ConnectionError("the CDN is down")
