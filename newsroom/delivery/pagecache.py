"""The page cache: complete responses for anonymous readers, served before Django is reached.

``PageCache`` wraps the WSGI application (see ``newsroom/wsgi.py``). For a cacheable request it
looks the response up under (site generation, scheme, host, path, full query string): first in
this worker's memory, then in the shared cache (Redis, when configured), and only on a miss
calls Django. What it stores is the whole response: status, headers and the body three times
(identity, gzip and brotli, compressed once), chosen per request by ``Accept-Encoding``. It
answers ``If-None-Match`` / ``If-Modified-Since`` with 304.

Cacheable request: GET or HEAD, no ``Authorization``, no session or CSRF cookie (so the reader is
anonymous and has no form in progress), and a path outside ``/admin/``, ``/documents/``,
``/media/`` and ``/static/``.

Storable response: status 200, 404 or 410 (a withdrawn item's notice), a ``Content-Length``
under the size limit, no ``Set-Cookie``, no ``Content-Encoding``, and no ``Cache-Control`` of
private, no-store or no-cache. A ``Vary`` on anything but Cookie and Accept-Encoding is
honoured: the request's values are stored with the entry and must match.

What invalidates an entry: a bump of the site generation (``invalidation.py``), or its age
(``NEWSROOM_PAGE_CACHE_TIMEOUT``).

Stale while revalidating: a worker's memory keeps the newest copy of each address. After a
bump, the first request for an address renders it; while that render runs, or while this worker
already runs ``NEWSROOM_PAGE_CACHE_REVALIDATIONS`` renders, other readers of an address this
worker has a previous copy of get that copy at once (``X-Cache: STALE``, not for CDNs to keep)
instead of queueing. A publish makes every address stale at once; without this, a busy site
would start hundreds of renders together and each reader would wait for all of them. Only
copies from the same epoch qualify: after a withdrawal or any change but a publish
(``generation.same_epoch``) every reader waits for the new render.

Warming the hottest pages: when a worker first sees a new generation, a thread of its own
re-renders the ``NEWSROOM_PAGE_CACHE_WARM_PAGES`` pages it answered most often since the last
one (the front page, first of all), without waiting for a reader to ask. Under load, a reader's
request would otherwise queue for a render slot behind hundreds of other stale pages, and the
front page would lag a publish by seconds. With a shared cache, one worker of all the servers
renders each such page (a lock in the shared cache) and the others read its copy.
"""

import gzip
import hashlib
import io
import logging
import queue
import sys
import threading
import time
from email.utils import formatdate

import brotli
from django.conf import settings
from django.core.cache import caches
from django.utils.http import parse_etags, parse_http_date_safe

from newsroom.caching import generation, lru

from .policy import private_cache_control, public_cache_control

logger = logging.getLogger(__name__)

EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/media/", "/static/", "/django-admin/")
STORABLE_STATUSES = {200, 404, 410}
MAX_BODY_BYTES = 2 * 1024 * 1024
COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/ld+json",
    "application/javascript",
    "image/svg+xml",
)
MIN_COMPRESS_BYTES = 200
RENDER_WAIT_SECONDS = 10
# Stale copies are for this server's readers only: a CDN must come back for the fresh one.
STALE_CACHE_CONTROL = "public, max-age=0, must-revalidate"
# Headers the cache sets itself on every answer.
OWN_HEADERS = {
    "content-length",
    "content-encoding",
    "vary",
    "etag",
    "last-modified",
    "cache-control",
    "x-cache",
    "age",
}
IGNORED_VARY = {"cookie", "accept-encoding", "*"}
ENCODINGS = {}  # Accept-Encoding header -> chosen encoding (browsers send a handful of values)


class Entry:
    """A stored response. Plain attributes and bytes, so it pickles small and fast."""

    STORED = (
        "status",
        "headers",
        "bodies",
        "etag",
        "last_modified",
        "stored_at",
        "vary",
        "generation",
    )
    # Not stored: ``prepared``, the answer's headers per encoding, made on first use; ``hits``,
    # the answers this worker gave from it; ``environ``, the request that brought it here
    # (without cookies or credentials), to render its address again when warming.
    __slots__ = (*STORED, "prepared", "hits", "environ")

    def __init__(self, status, headers, bodies, etag, last_modified, stored_at, vary, generation):
        self.prepared, self.hits, self.environ = {}, 0, None
        self.generation = generation
        self.status = status
        self.headers = headers
        self.bodies = bodies
        self.etag = etag
        self.last_modified = last_modified
        self.stored_at = stored_at
        self.vary = vary

    def __getstate__(self):
        return tuple(getattr(self, name) for name in self.STORED)

    def __setstate__(self, state):
        for name, value in zip(self.STORED, state, strict=True):
            setattr(self, name, value)
        self.prepared, self.hits, self.environ = {}, 0, None

    def prepare(self, encoding, stale=False):
        """(headers, body) for an answer in ``encoding``, computed once."""
        found = self.prepared.get((encoding, stale))
        if found is None:
            headers = list(self.headers)
            if stale:
                headers = [
                    (name, STALE_CACHE_CONTROL if name == "Cache-Control" else value)
                    for name, value in headers
                ]
            compressible = len(self.bodies) > 1
            vary = ["Accept-Encoding", "Cookie"] if compressible else ["Cookie"]
            vary.extend(name[5:].replace("_", "-").title() for name, _ in self.vary)
            headers.append(("Vary", ", ".join(vary)))
            if self.status.startswith("200"):
                headers.append(("ETag", self.etag))
                headers.append(("Last-Modified", formatdate(self.last_modified, usegmt=True)))
            if encoding == "304":
                found = (headers, b"")
            else:
                body = self.bodies.get(encoding) or self.bodies["identity"]
                if encoding in ("gzip", "br") and encoding in self.bodies:
                    headers.append(("Content-Encoding", encoding))
                headers.append(("Content-Length", str(len(body))))
                found = (headers, body)
            self.prepared[encoding, stale] = found
        return found

    @property
    def size(self):
        return sum(len(body) for body in self.bodies.values()) + 512


def memory_store(max_bytes):
    """This worker's own copy of the hottest addresses, the newest entry of each."""
    return lru.LRU(max_bytes, size=lambda entry: entry.size)


def preferred_encoding(accept_encoding):
    """ "br", "gzip" or "identity" for an Accept-Encoding header (q=0 means refused)."""
    if not accept_encoding:
        return "identity"
    accepted = {}
    for part in accept_encoding.lower().split(","):
        name, _, params = part.strip().partition(";")
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        accepted[name.strip()] = quality
    star = accepted.get("*", 0.0)
    for encoding in ("br", "gzip"):
        if accepted.get(encoding, star) > 0:
            return encoding
    return "identity"


def not_modified(environ, etag, last_modified):
    """Whether a GET or HEAD of a stored 200 with ``etag`` and ``last_modified`` (seconds) is
    answered 304: steps 3 and 4 of RFC 9110's section 13.2.2, with Django's parsers and the
    comparisons of ``django.utils.cache.get_conditional_response`` (weak ETag comparison;
    If-Modified-Since only without If-None-Match).

    Not ``get_conditional_response`` itself: it works on an ``HttpRequest`` and builds
    ``HttpResponse`` objects, while the page cache answers from the WSGI environ before Django
    is reached, with the 304 headers it prepared once per entry; and its If-Match and
    If-Unmodified-Since steps (412) concern writes, which the page cache never answers.
    """
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if if_none_match and (etags := parse_etags(if_none_match)):
        return etags == ["*"] or _weak(etag) in {_weak(tag) for tag in etags}
    if_modified_since = environ.get("HTTP_IF_MODIFIED_SINCE")
    since = if_modified_since and parse_http_date_safe(if_modified_since)
    return bool(since) and last_modified <= since


def _weak(etag):
    return etag.removeprefix("W/")


class PageCache:
    def __init__(self, app, *, store=None, shared=None, memory=None):
        self.app = app
        self.enabled = settings.NEWSROOM_PAGE_CACHE
        self.timeout = settings.NEWSROOM_PAGE_CACHE_TIMEOUT
        self.generation = store or generation.get_store()
        if shared is None and generation.cache_is_shared():
            shared = caches["default"]
        self.shared = shared
        self.memory = memory or memory_store(int(settings.NEWSROOM_PAGE_CACHE_MEMORY_MB * 2**20))
        self.rendering = {}  # address -> Event, the pages being rendered by a thread right now
        self.revalidations = 0  # of those, the renders of pages with a stale copy to hand
        self.max_revalidations = settings.NEWSROOM_PAGE_CACHE_REVALIDATIONS
        self.lock = threading.Lock()
        self.warm_pages = settings.NEWSROOM_PAGE_CACHE_WARM_PAGES
        self.seen_generation = None
        self.warm_queue = None  # started on first use: (generation, [(address, entry)])
        self.session_cookie = settings.SESSION_COOKIE_NAME
        self.csrf_cookie = settings.CSRF_COOKIE_NAME
        slots = settings.NEWSROOM_RENDER_SLOTS
        self.render_slots = threading.BoundedSemaphore(slots) if slots else None

    # --- the request side -----------------------------------------------------------------
    def __call__(self, environ, start_response):
        method = environ["REQUEST_METHOD"]
        if method not in ("GET", "HEAD"):
            return self.app(environ, start_response)
        path = environ.get("PATH_INFO", "")
        if path.startswith(EXCLUDED_PREFIXES):
            return self.app(environ, start_response)
        if not self.enabled:
            if self.is_anonymous(environ):
                return self.render_in_slot(environ, start_response)
            return self.app(environ, start_response)
        if not self.is_anonymous(environ):
            return self.pass_private(environ, start_response)

        # The edge cache asks only for what it lacks, often just after a purge: the
        # generation is read afresh for it, so that it never keeps a copy older than the purge.
        from_edge = "HTTP_X_EDGE_CACHE" in environ
        generation_value = (
            self.generation.current(fresh=True) if from_edge else self.generation.current()
        )
        if generation_value != self.seen_generation:
            self.new_generation(generation_value)
        if self.shared is not None and getattr(self.shared, "degraded", False):
            # Redis is down: other servers cannot see this one's publishes, nor it theirs, so
            # nothing is served from or stored in a cache until it is back (resilience/cache.py).
            return self.render_in_slot(environ, start_response)
        address = self.address(environ)
        entry = self.memory.get(address)
        if (
            entry is not None
            and entry.generation == generation_value
            and self.usable(entry, environ)
        ):
            return self.answer(entry, environ, start_response, "HIT", method == "HEAD")
        # An edge cache in front keeps its own stale copies, and would keep ours as fresh.
        stale = (
            entry
            if entry is not None
            and not from_edge
            and self.may_serve_stale(entry, generation_value, environ)
            else None
        )
        entry = None
        if self.shared is not None:
            entry = self.shared.get(self.shared_key(address, generation_value))
            if entry is not None and self.usable(entry, environ):
                entry.environ = request_snapshot(environ)
                self.memory.set(address, entry)
            else:
                entry = None
        source = "HIT"
        if entry is None:
            entry, passthrough, source = self.render_once(
                address, generation_value, stale, environ, start_response
            )
            if entry is None:
                return passthrough
        return self.answer(entry, environ, start_response, source, method == "HEAD")

    def is_anonymous(self, environ):
        if environ.get("HTTP_AUTHORIZATION"):
            return False
        cookies = environ.get("HTTP_COOKIE")
        if not cookies:
            return True
        names = {part.split("=", 1)[0].strip() for part in cookies.split(";")}
        return self.session_cookie not in names and self.csrf_cookie not in names

    @staticmethod
    def scheme(environ):
        """The scheme Django sees: behind a TLS-terminating proxy, the one it reports."""
        scheme = environ.get("wsgi.url_scheme", "http")
        proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        if proxy_header:
            header, secure_value = proxy_header
            reported = environ.get(header)
            if reported is not None:
                scheme = "https" if reported == secure_value else "http"
        return scheme

    @classmethod
    def address(cls, environ):
        """This worker's key: a plain tuple, hashed by the dict (no digest on the hit path)."""
        host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
        return (
            cls.scheme(environ),
            host.lower(),
            environ.get("PATH_INFO", ""),
            environ.get("QUERY_STRING", ""),
        )

    @staticmethod
    def shared_key(address, generation_value):
        """The shared cache's key: the generation and a digest of the address."""
        raw = "\n".join(address)
        digest = hashlib.blake2b(raw.encode("utf-8", "surrogateescape"), digest_size=16)
        return f"pagecache:v2:{generation_value}:{digest.hexdigest()}"

    def usable(self, entry, environ):
        if entry.vary and not all(environ.get(name) == value for name, value in entry.vary):
            return False
        return time.time() - entry.stored_at <= self.timeout

    def may_serve_stale(self, entry, generation_value, environ):
        """A previous generation's copy may stand in while the page is re-rendered, if only
        pages were published since (the same epoch: nothing withdrawn, moved or re-captioned)."""
        return generation.same_epoch(entry.generation, generation_value) and self.usable(
            entry, environ
        )

    # --- the response side ----------------------------------------------------------------
    def render_once(self, address, generation_value, stale, environ, start_response):
        """Render a missing page, unless another thread of this worker is rendering it already:
        then answer with the ``stale`` copy if there is one, else wait for that render. After a
        publish the hot pages are requested by every connection at once, and 32 parallel
        renders of one page would each take 32 times longer. With a stale copy to hand, a page
        is also not rendered while this worker is busy with enough such renders already.
        Returns (entry, None, "MISS", "HIT" or "STALE"), or (None, body, "") for an answer that
        could not be stored."""
        with self.lock:
            done = self.rendering.get(address)
            mine = done is None and (stale is None or self.revalidations < self.max_revalidations)
            if mine:
                done = self.rendering[address] = threading.Event()
                revalidation = stale is not None
                self.revalidations += revalidation
        if not mine:
            if stale is not None:
                return stale, None, "STALE"
            done.wait(RENDER_WAIT_SECONDS)
            entry = self.fresh_copy(address, generation_value, environ)
            if entry is not None:
                return entry, None, "HIT"
            return self.render_and_store(address, generation_value, environ, start_response)
        try:
            # finished by another thread just before we looked
            entry = self.fresh_copy(address, generation_value, environ)
            if entry is not None:
                return entry, None, "HIT"
            return self.render_and_store(address, generation_value, environ, start_response)
        finally:
            with self.lock:
                del self.rendering[address]
                self.revalidations -= revalidation
            done.set()

    def fresh_copy(self, address, generation_value, environ):
        entry = self.memory.get(address)
        if (
            entry is not None
            and entry.generation == generation_value
            and self.usable(entry, environ)
        ):
            return entry
        return None

    def render_and_store(self, address, generation_value, environ, start_response):
        entry, passthrough = self.render(environ, start_response)
        if entry is not None:
            entry.generation = generation_value
            entry.environ = request_snapshot(environ)
            self.memory.set(address, entry)
            if self.shared is not None:
                self.shared.set(
                    self.shared_key(address, generation_value), entry, timeout=self.timeout
                )
        return entry, passthrough, "MISS"

    def render_in_slot(self, environ, start_response):
        """Django for an anonymous reader, in one of this worker's ``NEWSROOM_RENDER_SLOTS``.
        granian gives each worker up to 256 threads: without slots, 32 connections asking for
        uncached pages make 32 renders at once, each with its memory and database connection,
        all slower for sharing the interpreter. Answers from the cache, the admin, signed-in
        users and form posts never wait for a slot."""
        if self.render_slots is None:
            return self.app(environ, start_response)
        with self.render_slots:
            return self.app(environ, start_response)

    def render(self, environ, start_response):
        """Call Django; return (entry, None) when the answer can be stored, else (None, body)."""
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            captured["exc_info"] = exc_info
            return lambda data: captured.setdefault("written", []).append(data)

        body = self.render_in_slot(environ, capture)
        status_line, headers = captured["status"], captured["headers"]
        entry, length = self.make_entry(status_line, headers, environ)
        if entry is None or captured.get("written"):
            written = start_response(status_line, headers, captured.get("exc_info"))
            for data in captured.get("written", []):
                written(data)
            return None, body
        try:
            content = b"".join(body)
        finally:
            if hasattr(body, "close"):
                body.close()
        if len(content) != length:
            start_response(status_line, headers)
            return None, [content]
        return self.finish_entry(entry, content), None

    def make_entry(self, status_line, headers, environ):
        """(Entry without bodies, Content-Length) if the response is storable, else (None, 0)."""
        status = int(status_line.split(" ", 1)[0])
        if status not in STORABLE_STATUSES:
            return None, 0
        length = None
        kept, vary = [], []
        for name, value in headers:
            lower = name.lower()
            if lower == "set-cookie" or lower == "content-encoding":
                return None, 0
            if lower == "cache-control":
                directives = value.lower()
                if "private" in directives or "no-store" in directives or "no-cache" in directives:
                    return None, 0
            if lower == "content-length":
                length = int(value)
                continue
            if lower == "vary":
                for header in value.split(","):
                    header = header.strip().lower()
                    if header and header not in IGNORED_VARY:
                        environ_name = "HTTP_" + header.upper().replace("-", "_")
                        vary.append((environ_name, environ.get(environ_name)))
                continue
            if lower in OWN_HEADERS:
                continue
            kept.append((name, value))
        if length is None or length > MAX_BODY_BYTES:
            return None, 0
        cache_control = None
        for name, value in headers:
            if name.lower() == "cache-control":
                cache_control = value
        kept.append(("Cache-Control", cache_control or public_cache_control(status)))
        return Entry(status_line, kept, {}, "", 0, time.time(), tuple(vary), ""), length

    @staticmethod
    def finish_entry(entry, content):
        content_type = next(
            (value for name, value in entry.headers if name.lower() == "content-type"), ""
        )
        bodies = {"identity": content}
        if len(content) >= MIN_COMPRESS_BYTES and content_type.startswith(COMPRESSIBLE_TYPES):
            bodies["gzip"] = gzip.compress(content, compresslevel=6, mtime=0)
            bodies["br"] = brotli.compress(content, quality=9, mode=brotli.MODE_TEXT)
        entry.bodies = bodies
        entry.etag = 'W/"' + hashlib.blake2b(content, digest_size=12).hexdigest() + '"'
        entry.last_modified = int(entry.stored_at)
        return entry

    def answer(self, entry, environ, start_response, source, head):
        entry.hits += 1
        stale = source == "STALE"
        if entry.status.startswith("200") and not_modified(
            environ, entry.etag, entry.last_modified
        ):
            headers, _ = entry.prepare("304", stale)
            start_response("304 Not Modified", [*headers, ("X-Cache", source)])
            return [b""]
        accept = environ.get("HTTP_ACCEPT_ENCODING", "")
        encoding = ENCODINGS.get(accept)
        if encoding is None:
            encoding = preferred_encoding(accept)
            if len(ENCODINGS) < 1000:
                ENCODINGS[accept] = encoding
        headers, body = entry.prepare(encoding, stale)
        start_response(entry.status, [*headers, ("X-Cache", source)])
        return [b""] if head else [body]

    # --- warming the hottest pages after a change ------------------------------------------
    def new_generation(self, generation_value):
        with self.lock:
            if generation_value == self.seen_generation:
                return
            first, self.seen_generation = self.seen_generation is None, generation_value
        if first or not self.warm_pages:
            return
        entries = self.memory.items()
        hottest = sorted(
            (
                (address, entry)
                for address, entry in entries
                if entry.hits and entry.environ and not entry.vary
                and entry.status.startswith("200")
            ),
            key=lambda pair: pair[1].hits,
            reverse=True,
        )[: self.warm_pages]  # fmt: skip
        if hottest:
            with self.lock:
                if self.warm_queue is None:
                    self.warm_queue = queue.SimpleQueue()
                    threading.Thread(
                        target=self.warm_forever, name="page-warmer", daemon=True
                    ).start()
            self.warm_queue.put((generation_value, hottest))

    def warm_forever(self):
        while True:
            generation_value, hottest = self.warm_queue.get()
            for address, entry in hottest:
                if self.generation.current() != generation_value:
                    break  # changed again: that generation's own warming follows
                try:
                    self.warm(address, generation_value, entry.environ)
                except Exception:  # a failed warm-up leaves the page to its next reader
                    logger.exception("Warming %s failed", address[2])

    def warm(self, address, generation_value, snapshot):
        with self.lock:
            if address in self.rendering:
                return  # a reader's request is rendering it
            done = self.rendering[address] = threading.Event()
        try:
            if self.shared is not None:
                key = self.shared_key(address, generation_value)
                if self.shared.has_key(key):
                    return
                if not self.shared.add(key + ":warming", 1, timeout=RENDER_WAIT_SECONDS):
                    return  # another worker renders it
            environ = {**snapshot, "wsgi.input": io.BytesIO(b""), "wsgi.errors": sys.stderr}
            environ.update({"wsgi.version": (1, 0), "wsgi.multithread": True,
                            "wsgi.multiprocess": True, "wsgi.run_once": False})  # fmt: skip
            _, passthrough, _ = self.render_and_store(
                address, generation_value, environ, lambda *args: lambda data: None
            )
            if passthrough is not None and hasattr(passthrough, "close"):
                passthrough.close()
        finally:
            with self.lock:
                del self.rendering[address]
            done.set()

    def pass_private(self, environ, start_response):
        """Signed-in readers and editors: straight to Django, and never into a shared cache."""

        def mark_private(status, headers, exc_info=None):
            if not any(name.lower() == "cache-control" for name, _ in headers):
                headers = [*headers, ("Cache-Control", private_cache_control())]
            return start_response(status, headers, exc_info)

        return self.app(environ, mark_private)


SNAPSHOT_SKIPPED = {
    "HTTP_COOKIE",
    "HTTP_AUTHORIZATION",
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
}


def request_snapshot(environ):
    """The text values of a request's environ, without credentials and conditions, as a GET
    (warming replays it, and a page first asked for by HEAD must be rendered whole)."""
    snapshot = {
        name: value
        for name, value in environ.items()
        if isinstance(value, str) and name not in SNAPSHOT_SKIPPED
    }
    snapshot["REQUEST_METHOD"] = "GET"
    return snapshot
