"""Purging downstream caches by surrogate key, retried in the background.

Each backend of ``WAGTAILFRONTENDCACHE`` that can drop pages by key gets the keys of a change:

* Varnish (Wagtail's ``HTTPBackend``): a ``PURGE`` of ``/`` with an ``xkey-purge`` header, which
  the VCL (``deploy/cluster/varnish.vcl``) hands to the xkey vmod;
* Cloudflare (``CloudflareBackend``): its purge API with ``{"tags": [...]}`` (cache tags need an
  Enterprise zone; others answer with an error, logged, and keep the URL purges);
* Fastly (``FastlyBackend`` below, since Wagtail has none): its surrogate-key purge API.

Backends without tags (CloudFront, Azure) get only the URL purges of ``invalidation.py``.

A purge never blocks a publish: jobs go to one thread per process. A failed one is logged and
tried again after 1, 2, 4, ... seconds until ``NEWSROOM_CACHE_S_MAXAGE`` has passed, by which
time the pages it meant have aged out of every cache anyway. Each key purge is also sent a
second time once the other app servers have seen the new site generation
(``NEWSROOM_PAGE_CACHE_GENERATION_TTL``): until then one of them may still answer the edge
cache's refetch from its previous generation's copy.
"""

import atexit
import contextlib
import logging
import queue
import threading
import time
from urllib.error import HTTPError, URLError
from urllib.parse import urlunsplit
from urllib.request import Request, urlopen

import requests
from django.conf import settings
from wagtail.contrib.frontend_cache.backends import (
    BaseBackend,
    CloudflareBackend,
    HTTPBackend,
)
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 5
CLOUDFLARE_TAGS_PER_CALL = 30
FASTLY_KEYS_PER_CALL = 256
# Margin after the generation TTL for a render that began before it to finish.
SETTLE_MARGIN_SECONDS = 0.4


class PurgeFailed(RuntimeError):
    pass


class _Purge(Request):
    def get_method(self):
        return "PURGE"


class FastlyBackend(BaseBackend):
    """Fastly: URL purges (``PURGE`` of the address, with the API token) and key purges.
    Settings: ``SERVICE_ID`` and ``API_TOKEN`` (``NEWSROOM_FASTLY_SERVICE_ID`` and
    ``NEWSROOM_FASTLY_API_TOKEN``)."""

    api = "https://api.fastly.com"

    def __init__(self, params):
        super().__init__(params)
        self.service_id = params.pop("SERVICE_ID")
        self.token = params.pop("API_TOKEN")

    def purge(self, url):
        try:
            response = requests.request(
                "PURGE", url, headers={"Fastly-Key": self.token}, timeout=TIMEOUT_SECONDS
            )
            response.raise_for_status()
        except requests.RequestException as error:
            logger.error("Couldn't purge %r from Fastly: %s", url, error)


def purge_keys_varnish(backend, keys):
    url = urlunsplit([backend.cache_scheme, backend.cache_netloc, "/", "", ""])
    request = _Purge(url, headers={"xkey-purge": " ".join(keys)})
    try:
        with urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 - LOCATION is the operator's
            response.read()
    except HTTPError as error:
        raise PurgeFailed(f"Varnish at {url} answered {error.code} {error.reason}") from None
    except (URLError, OSError) as error:
        raise PurgeFailed(f"Varnish at {url} did not answer: {error}") from None


def purge_keys_cloudflare(backend, keys):
    headers = {"Content-Type": "application/json"}
    if backend.cloudflare_token:
        headers["Authorization"] = f"Bearer {backend.cloudflare_token}"
    else:
        headers["X-Auth-Email"] = backend.cloudflare_email
        headers["X-Auth-Key"] = backend.cloudflare_api_key
    for start in range(0, len(keys), CLOUDFLARE_TAGS_PER_CALL):
        chunk = keys[start : start + CLOUDFLARE_TAGS_PER_CALL]
        try:
            response = requests.post(
                backend.cloudflare_purge_endpoint_url, json={"tags": chunk}, headers=headers,
                timeout=TIMEOUT_SECONDS,
            )  # fmt: skip
            answer = response.json()
        except (requests.RequestException, ValueError) as error:
            raise PurgeFailed(f"Cloudflare's purge API failed: {error}") from None
        if not answer.get("success"):
            raise PurgeFailed(f"Cloudflare refused the tag purge: {answer.get('errors')}")


def purge_keys_fastly(backend, keys):
    url = f"{backend.api}/service/{backend.service_id}/purge"
    for start in range(0, len(keys), FASTLY_KEYS_PER_CALL):
        chunk = keys[start : start + FASTLY_KEYS_PER_CALL]
        headers = {"Fastly-Key": backend.token, "Surrogate-Key": " ".join(chunk)}
        try:
            requests.post(url, headers=headers, timeout=TIMEOUT_SECONDS).raise_for_status()
        except requests.RequestException as error:
            raise PurgeFailed(f"Fastly's purge API failed: {error}") from None


def key_purger(backend):
    """The function that purges keys at ``backend``, or None when it has no keys."""
    if isinstance(backend, HTTPBackend):
        return purge_keys_varnish
    if isinstance(backend, CloudflareBackend):
        return purge_keys_cloudflare
    if isinstance(backend, FastlyBackend):
        return purge_keys_fastly
    return None


def purge_keys_now(keys, backends=None):
    """Purge ``keys`` at every backend that has keys; return {backend name: error} of those
    that failed."""
    keys = sorted(set(keys))
    failed = {}
    if not keys:
        return failed
    for name, backend in (backends if backends is not None else get_backends()).items():
        purger = key_purger(backend)
        if purger is None:
            continue
        try:
            purger(backend, keys)
        except PurgeFailed as error:
            failed[name] = error
    return failed


class Purger:
    """One thread per process that sends key purges, retrying failures."""

    def __init__(self):
        self.jobs = queue.SimpleQueue()
        self.thread = None
        self.lock = threading.Lock()
        self.sent = 0  # purges delivered, for tests and logs
        self.outstanding = 0  # jobs queued or waiting for their time, retries included

    def submit(self, keys, *, delay=0.0, settle=True):
        with self.lock:
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self.run, name="edge-purger", daemon=True)
                self.thread.start()
                # A command (newsroom generate, restore, shell) ends right after its change:
                # its purges must leave first.
                atexit.register(self.flush)
            self.outstanding += 1
        self.jobs.put((time.monotonic() + delay, sorted(set(keys)), None, 0, settle))

    def flush(self, timeout=10.0):
        """Wait until every job has been sent or given up on, at most ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while self.outstanding and time.monotonic() < deadline:
            time.sleep(0.05)

    def run(self):
        waiting = []
        while True:
            timeout = None
            if waiting:
                waiting.sort(key=lambda job: job[0])
                timeout = max(0.0, waiting[0][0] - time.monotonic())
            with contextlib.suppress(queue.Empty):
                waiting.append(self.jobs.get(timeout=timeout))
            now = time.monotonic()
            due = [job for job in waiting if job[0] <= now]
            waiting = [job for job in waiting if job[0] > now]
            for job in due:
                later = self.attempt(*job)
                with self.lock:
                    self.outstanding += len(later) - 1
                waiting.extend(later)

    def attempt(self, _due, keys, backends, tries, settle):
        """Send one job; return the jobs to come of it (a retry, a settling repeat)."""
        try:
            failed = purge_keys_now(keys, backends)
        except Exception:  # a bug here must not stop the thread that every publish needs
            logger.exception("Purging %s surrogate key(s) failed", len(keys))
            return []
        later = []
        if failed:
            delay = 2.0**tries
            give_up = sum(2.0**n for n in range(tries + 1)) > settings.NEWSROOM_CACHE_S_MAXAGE
            for name, error in failed.items():
                if give_up:
                    logger.error(
                        "Purging %s key(s) at %s failed %s times, giving up: its pages age out "
                        "within s-maxage (%s s). Last error: %s",
                        len(keys), name, tries + 1, settings.NEWSROOM_CACHE_S_MAXAGE, error,
                    )  # fmt: skip
                else:
                    logger.warning(
                        "Purging %s key(s) at %s failed (%s); trying again in %s s",
                        len(keys), name, error, delay,
                    )  # fmt: skip
            if not give_up:
                only = {name: get_backends()[name] for name in failed}
                later.append((time.monotonic() + delay, keys, only, tries + 1, settle))
        else:
            self.sent += 1
        if settle and backends is None:
            wait = settings.NEWSROOM_PAGE_CACHE_GENERATION_TTL + SETTLE_MARGIN_SECONDS
            later.append((time.monotonic() + wait, keys, None, 0, False))
        return later


purger = Purger()


def purge_keys(keys):
    """Purge ``keys`` downstream, in the background, retried until it worked or no longer
    matters (see above)."""
    if keys and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        purger.submit(keys)
