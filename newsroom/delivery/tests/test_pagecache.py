"""The page cache through WSGI: hits, misses, variants, 304s and what is never cached."""

import gzip

import brotli
import pytest

from newsroom.delivery.pagecache import PageCache, preferred_encoding
from newsroom.news.factories import StoryPageFactory

from .wsgi_client import WSGIClient

HTML = (
    b"<!DOCTYPE html><html><body>" + b"<p>The same paragraph, again.</p>" * 40 + b"</body></html>"
)


class FakeApp:
    """A WSGI app answering with given status and headers; counts the renders."""

    def __init__(self, status="200 OK", headers=(), body=HTML):
        self.status, self.headers, self.body = status, list(headers), body
        self.calls, self.methods = [], []

    def __call__(self, environ, start_response):
        self.calls.append(environ["PATH_INFO"] + "?" + environ.get("QUERY_STRING", ""))
        self.methods.append(environ["REQUEST_METHOD"])
        body = self.body + str(len(self.calls)).encode()
        headers = list(self.headers)
        if not any(name == "Content-Type" for name, _ in headers):
            headers.insert(0, ("Content-Type", "text/html; charset=utf-8"))
        headers.append(("Content-Length", str(len(body))))
        start_response(self.status, headers)
        return [body]


def client_for(app):
    return WSGIClient(PageCache(app))


# --- hits, misses and keys ------------------------------------------------------------------
def test_second_request_is_served_from_the_cache():
    app = FakeApp()
    client = client_for(app)
    first, second = client.get("/en/"), client.get("/en/")
    assert (first.cache, second.cache) == ("MISS", "HIT")
    assert first.content == second.content
    assert len(app.calls) == 1


def test_every_path_and_full_query_string_is_its_own_entry():
    app = FakeApp()
    client = client_for(app)
    urls = ["/en/news/", "/en/news/?page=2", "/en/news/?page=2&type=video", "/fr/news/"]
    bodies = {url: client.get(url).content for url in urls}
    assert len(set(bodies.values())) == len(urls)
    assert [client.get(url).content for url in urls] == list(bodies.values())
    assert len(app.calls) == len(urls)


def test_hosts_do_not_share_entries():
    app = FakeApp()
    client = client_for(app)
    client.get("/en/", host="a.example.org")
    assert client.get("/en/", host="b.example.org").cache == "MISS"


def test_head_is_answered_from_the_get_entry_without_a_body():
    client = client_for(FakeApp())
    full = client.get("/en/")
    head = client.head("/en/")
    assert head.cache == "HIT" and head.content == b""
    assert head.headers["content-length"] == str(len(full.content))


# --- compression ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("gzip, deflate, br", "br"),
        ("gzip", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("identity", "identity"),
        ("", "identity"),
        ("*", "br"),
        ("gzip;q=0, br;q=0", "identity"),
    ],
)
def test_encoding_is_chosen_from_accept_encoding(accept, expected):
    assert preferred_encoding(accept) == expected


def test_compressed_bodies_are_made_once_and_match_the_original():
    app = FakeApp()
    client = client_for(app)
    plain = client.get("/en/")
    as_gzip = client.get("/en/", accept_encoding="gzip")
    as_br = client.get("/en/", accept_encoding="br, gzip")
    assert len(app.calls) == 1
    assert "content-encoding" not in plain.headers
    assert as_gzip.headers["content-encoding"] == "gzip"
    assert as_br.headers["content-encoding"] == "br"
    assert gzip.decompress(as_gzip.content) == plain.content
    assert brotli.decompress(as_br.content) == plain.content
    assert len(as_br.content) < len(plain.content)
    assert as_br.headers["vary"] == "Accept-Encoding, Cookie"


def test_binary_responses_are_not_compressed():
    app = FakeApp(headers=[("Content-Type", "image/png")], body=b"\x89PNG" * 100)
    response = client_for(app).get("/en/picture.png", accept_encoding="br")
    assert "content-encoding" not in response.headers
    assert response.headers["vary"] == "Cookie"


# --- validators -----------------------------------------------------------------------------
def test_etag_and_last_modified_give_304():
    client = client_for(FakeApp())
    first = client.get("/en/")
    etag, last_modified = first.headers["etag"], first.headers["last-modified"]
    assert client.get("/en/", if_none_match=etag).status_code == 304
    assert client.get("/en/", if_none_match=f'"other", {etag}').status_code == 304
    assert client.get("/en/", if_modified_since=last_modified).status_code == 304
    assert client.get("/en/", if_none_match='"other"').status_code == 200
    not_modified = client.get("/en/", if_none_match=etag)
    assert not_modified.content == b""
    assert not_modified.headers["etag"] == etag
    assert "cache-control" in not_modified.headers


def test_the_same_etag_for_every_encoding():
    client = client_for(FakeApp())
    etag = client.get("/en/").headers["etag"]
    assert client.get("/en/", accept_encoding="br", if_none_match=etag).status_code == 304


def test_conditional_requests_follow_djangos_rules():
    client = client_for(FakeApp())
    first = client.get("/en/")
    etag, last_modified = first.headers["etag"], first.headers["last-modified"]
    assert client.get("/en/", if_none_match="*").status_code == 304
    assert client.get("/en/", if_none_match=etag.removeprefix("W/")).status_code == 304
    # If-None-Match wins over If-Modified-Since, unless no ETag in it can be read.
    assert (
        client.get("/en/", if_none_match='"other"', if_modified_since=last_modified).status_code
        == 200
    )
    assert (
        client.get("/en/", if_none_match="garbage", if_modified_since=last_modified).status_code
        == 304
    )
    assert client.get("/en/", if_modified_since="Mon, 01 Jan 2001 00:00:00 GMT").status_code == 200
    assert client.get("/en/", if_modified_since="yesterday").status_code == 200


# --- Cache-Control and Vary -----------------------------------------------------------------
def test_public_answers_tell_cdns_how_long_to_keep_them(settings):
    settings.NEWSROOM_CACHE_S_MAXAGE = 120
    settings.NEWSROOM_CACHE_STALE_WHILE_REVALIDATE = 45
    response = client_for(FakeApp()).get("/en/")
    assert response.headers["cache-control"] == (
        "public, max-age=0, s-maxage=120, stale-while-revalidate=45"
    )


def test_a_view_that_sets_cache_control_keeps_it():
    app = FakeApp(headers=[("Cache-Control", "public, max-age=600")])
    assert client_for(app).get("/en/").headers["cache-control"] == "public, max-age=600"


def test_vary_on_other_headers_is_honoured():
    app = FakeApp(headers=[("Vary", "Accept")])
    client = client_for(app)
    json = client.get("/api/items/", accept="application/json")
    assert client.get("/api/items/", accept="application/json").cache == "HIT"
    html = client.get("/api/items/", accept="text/html")
    assert html.cache == "MISS" and html.content != json.content
    assert html.headers["vary"] == "Accept-Encoding, Cookie, Accept"


# --- never cached ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "path", ["/admin/", "/admin/pages/3/edit/preview/", "/documents/1/x.pdf", "/media/a.jpg"]
)
def test_admin_previews_documents_and_media_are_not_cached(path):
    app = FakeApp()
    client = client_for(app)
    responses = [client.get(path), client.get(path)]
    assert len(app.calls) == 2
    assert all(response.cache is None for response in responses)


@pytest.mark.parametrize(
    "headers",
    [
        {"cookie": "sessionid=abc"},
        {"cookie": "theme=dark; csrftoken=abc"},
        {"authorization": "Basic dXNlcjpwYXNz"},
    ],
)
def test_signed_in_readers_are_never_served_or_stored(headers):
    app = FakeApp()
    client = client_for(app)
    client.get("/en/")
    response = client.get("/en/", **headers)
    assert response.cache is None
    assert response.headers["cache-control"] == "private, no-cache"
    assert len(app.calls) == 2


def test_other_cookies_do_not_prevent_caching():
    client = client_for(FakeApp())
    client.get("/en/")
    assert client.get("/en/", cookie="theme=dark").cache == "HIT"


def test_other_methods_pass_through():
    app = FakeApp()
    client = client_for(app)
    client.get("/en/")
    assert client.post("/en/").cache is None
    assert len(app.calls) == 2


@pytest.mark.parametrize("status", ["500 Internal Server Error", "400 Bad Request", "301 Moved"])
def test_errors_and_redirects_are_not_stored(status):
    app = FakeApp(status=status)
    client = client_for(app)
    client.get("/en/")
    client.get("/en/")
    assert len(app.calls) == 2


def test_not_found_is_stored_with_a_short_cdn_lifetime():
    app = FakeApp(status="404 Not Found")
    client = client_for(app)
    client.get("/en/nothing/")
    response = client.get("/en/nothing/")
    assert response.status_code == 404 and response.cache == "HIT"
    assert "s-maxage=10" in response.headers["cache-control"]
    assert "etag" not in response.headers


@pytest.mark.parametrize(
    "header",
    [
        ("Set-Cookie", "csrftoken=abc; Path=/"),
        ("Cache-Control", "private"),
        ("Cache-Control", "no-store"),
        ("Cache-Control", "max-age=0, no-cache, no-store, must-revalidate, private"),
    ],
)
def test_responses_that_forbid_sharing_are_not_stored(header):
    app = FakeApp(headers=[header])
    client = client_for(app)
    client.get("/en/")
    assert client.get("/en/").cache is None  # passed through, not stored
    assert len(app.calls) == 2


def test_switched_off_it_only_passes_through(settings):
    settings.NEWSROOM_PAGE_CACHE = False
    app = FakeApp()
    client = client_for(app)
    assert client.get("/en/").cache is None and client.get("/en/").cache is None
    assert len(app.calls) == 2


def test_entries_expire_after_the_timeout(settings, monkeypatch):
    settings.NEWSROOM_PAGE_CACHE_TIMEOUT = 60
    app = FakeApp()
    client = client_for(app)
    client.get("/en/")
    import newsroom.delivery.pagecache as pagecache

    real_time = pagecache.time.time
    monkeypatch.setattr(pagecache.time, "time", lambda: real_time() + 61)
    assert client.get("/en/").cache == "MISS"


def test_memory_is_bounded(settings):
    settings.NEWSROOM_PAGE_CACHE_MEMORY_MB = 0.01  # about 10 KB
    cache = PageCache(FakeApp())
    client = WSGIClient(cache)
    for number in range(20):
        client.get(f"/en/news/?page={number}")
    assert cache.memory.total <= 0.01 * 2**20
    assert 0 < len(cache.memory.entries) < 20


# --- the real site --------------------------------------------------------------------------
@pytest.mark.django_db
def test_real_pages_are_cached_for_anonymous_readers(cached_site, news_index):
    story = StoryPageFactory(parent=news_index, title="Allies meet in Vilnius")
    for url in ["/en/", "/en/news/", story.url, "/en/search/?q=Vilnius", "/en/nothing-here/"]:
        first = cached_site.get(url)
        second = cached_site.get(url)
        assert first.status_code in (200, 404), url
        assert (first.cache, second.cache) == ("MISS", "HIT"), url
        assert first.content == second.content
    assert "Allies meet in Vilnius" in cached_site.get("/en/").text


@pytest.mark.django_db
def test_a_signed_in_editor_sees_the_page_uncached(cached_site, news_index, admin_client):
    cached_site.get("/en/")
    admin_client.get("/admin/")  # signs in: the session cookie is set
    session = admin_client.cookies["sessionid"].value
    response = cached_site.get("/en/", cookie=f"sessionid={session}")
    assert response.cache is None
    assert response.headers["cache-control"] == "private, no-cache"


@pytest.mark.django_db
def test_the_admin_is_never_cached(cached_site):
    response = cached_site.get("/admin/login/")
    assert response.cache is None
    assert "public" not in response.headers.get("cache-control", "")


def test_concurrent_misses_render_the_page_once():
    import threading

    app = GatedApp()
    page_cache = PageCache(app)
    page_cache.rendering = WaitCounting()
    client = WSGIClient(page_cache)
    app.close_gate()
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(client.get("/en/"))) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    # One thread renders (held at the gate) while the seven others wait for its render: all
    # eight misses overlap, whatever the machine's load.
    assert app.entered.wait(10)
    assert page_cache.rendering.waiting(7), "the other requests did not wait for the render"
    app.gate.set()
    for thread in threads:
        thread.join()
    assert len(app.calls) == 1
    assert len({response.content for response in results}) == 1
    assert sorted(response.cache for response in results).count("MISS") == 1


def test_processes_starting_together_agree_on_the_first_generation(tmp_path):
    import threading

    from newsroom.caching.generation import FileGeneration

    stores = [FileGeneration(tmp_path / "generation") for _ in range(8)]
    values = []
    threads = [threading.Thread(target=lambda s=s: values.append(s.current())) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(values)) == 1
    before = stores[0].current()
    stores[1].bump()
    assert stores[0].current() != before


def test_a_worker_trusting_its_generation_for_a_while_still_sees_another_workers_bump(tmp_path):
    import time

    from newsroom.caching.generation import FileGeneration

    reader = FileGeneration(tmp_path / "generation", ttl=0.25)
    writer = FileGeneration(tmp_path / "generation", ttl=0.25)
    before = reader.current()
    bumped = writer.bump()
    assert writer.current() == bumped  # the worker that published sees it at once
    deadline = time.monotonic() + 5  # generous: the machine may be busy
    while reader.current() != bumped and time.monotonic() < deadline:
        time.sleep(0.01)  # polls a condition until the deadline: no guess at how long it takes
    assert reader.current() == bumped != before


# --- stale while revalidating -----------------------------------------------------------------
class GatedApp(FakeApp):
    """Renders of ``gated`` paths wait until the test opens the gate."""

    def __init__(self, gated=("/en/",)):
        import threading

        super().__init__()
        self.gated = gated
        self.gate, self.entered = threading.Event(), threading.Event()
        self.gate.set()

    def __call__(self, environ, start_response):
        if environ["PATH_INFO"] in self.gated:
            self.entered.set()
            assert self.gate.wait(10)
        return super().__call__(environ, start_response)

    def close_gate(self):
        self.gate.clear()
        self.entered.clear()


def in_thread(function, *args):
    """Start ``function(*args)`` in a thread; returns (thread, results list)."""
    import threading

    results = []
    thread = threading.Thread(target=lambda: results.append(function(*args)))
    thread.start()
    return thread, results


class WaitCounting(dict):
    """PageCache.rendering (address -> the Event its render sets) that counts the threads
    waiting on those Events, so a test knows they are waiting rather than guessing by a sleep."""

    def __init__(self):
        import threading

        super().__init__()
        self.changed, self.waiters = threading.Condition(), 0

    def get(self, address, default=None):
        done = super().get(address, default)
        return None if done is None else CountedWait(done, self)

    def waiting(self, count, seconds=10):
        with self.changed:
            return self.changed.wait_for(lambda: self.waiters >= count, seconds)


class CountedWait:
    def __init__(self, event, counter):
        self.event, self.counter = event, counter

    def wait(self, timeout=None):
        with self.counter.changed:
            self.counter.waiters += 1
            self.counter.changed.notify_all()
        return self.event.wait(timeout)


def test_while_a_page_is_re_rendered_after_a_publish_readers_get_the_previous_copy():
    from newsroom.caching import generation
    from newsroom.delivery.pagecache import STALE_CACHE_CONTROL

    app = GatedApp()
    client = client_for(app)
    old = client.get("/en/")
    generation.bump()  # a publish
    app.close_gate()
    renderer, rendered = in_thread(client.get, "/en/")
    assert app.entered.wait(10)
    during = client.get("/en/")
    assert during.cache == "STALE" and during.content == old.content
    # a CDN must not keep it, and browsers must ask again
    assert during.headers["cache-control"] == STALE_CACHE_CONTROL
    app.gate.set()
    renderer.join(10)
    assert rendered[0].cache == "MISS" and rendered[0].content != old.content
    after = client.get("/en/")
    assert after.cache == "HIT" and after.content == rendered[0].content
    assert len(app.calls) == 2


def test_the_edge_cache_waits_for_the_fresh_copy_rather_than_keeping_a_stale_one():
    from newsroom.caching import generation

    app = GatedApp()
    client = client_for(app)
    old = client.get("/en/")
    generation.bump()  # a publish
    app.close_gate()
    renderer, rendered = in_thread(client.get, "/en/")
    assert app.entered.wait(10)
    # A reader may have the previous copy meanwhile; Varnish, which would keep it, may not.
    edge, answers = in_thread(lambda: client.get("/en/", **{"X-Edge-Cache": "varnish"}))
    edge.join(0.5)
    assert edge.is_alive() and not answers
    app.gate.set()
    renderer.join(10)
    edge.join(10)
    assert answers[0].cache == "HIT" and answers[0].content != old.content


def test_after_a_withdrawal_no_reader_gets_a_previous_copy():
    from newsroom.caching import generation

    app = GatedApp()
    client = client_for(app)
    old = client.get("/en/")
    generation.bump(hard=True)  # e.g. an item was unpublished
    app.close_gate()
    renderer, rendered = in_thread(client.get, "/en/")
    assert app.entered.wait(10)
    waiter, waited = in_thread(client.get, "/en/")  # finds the render running: waits for it
    app.gate.set()
    renderer.join(10)
    waiter.join(10)
    assert rendered[0].content != old.content
    assert waited[0].content == rendered[0].content and waited[0].cache == "HIT"
    assert len(app.calls) == 2


def test_a_busy_worker_answers_other_stale_pages_from_their_previous_copy(settings):
    from newsroom.caching import generation

    settings.NEWSROOM_PAGE_CACHE_REVALIDATIONS = 1
    app = GatedApp(gated=("/en/",))
    client = client_for(app)
    old_front, old_news = client.get("/en/"), client.get("/en/news/")
    generation.bump()
    app.close_gate()
    renderer, _ = in_thread(client.get, "/en/")
    assert app.entered.wait(10)
    news = client.get("/en/news/")  # the one revalidation slot is taken by the front page
    assert news.cache == "STALE" and news.content == old_news.content
    unseen = client.get("/en/topics/")  # no previous copy: rendered whatever the load
    assert unseen.cache == "MISS"
    app.gate.set()
    renderer.join(10)
    assert client.get("/en/news/").cache == "MISS"
    assert client.get("/en/").content != old_front.content
    assert app.calls.count("/en/news/?") == 2


# --- warming the hottest pages after a change ---------------------------------------------------
def wait_for(condition, seconds=10):
    import time

    deadline = time.monotonic() + seconds  # generous: the machine may be busy
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)  # polls a condition until the deadline: no guess at how long it takes
    return condition()


def test_after_a_change_a_worker_renders_its_most_read_pages_before_anyone_asks(settings):
    from newsroom.caching import generation

    settings.NEWSROOM_PAGE_CACHE_WARM_PAGES = 1
    app = FakeApp()
    page_cache = PageCache(app)
    client = WSGIClient(page_cache)
    for _ in range(3):
        old_front = client.get("/en/")
    client.get("/en/news/")  # read less often: not warmed
    generation.bump()
    client.get("/en/topics/")  # any request shows the worker the new generation
    assert wait_for(lambda: app.calls.count("/en/?") == 2 and not page_cache.rendering)
    front = client.get("/en/")
    assert front.cache == "HIT" and front.content != old_front.content
    assert app.calls.count("/en/news/?") == 1


def test_warming_renders_a_page_first_asked_for_by_head_as_a_get(settings):
    from newsroom.caching import generation

    settings.NEWSROOM_PAGE_CACHE_WARM_PAGES = 1
    app = FakeApp()
    page_cache = PageCache(app)
    client = WSGIClient(page_cache)
    client.request("/en/", method="HEAD")
    client.request("/en/", method="HEAD")
    generation.bump()
    client.get("/en/topics/")
    assert wait_for(lambda: app.calls.count("/en/?") == 2 and not page_cache.rendering)
    assert app.methods[app.calls.index("/en/?", 1)] == "GET"
    assert client.get("/en/").cache == "HIT"


def test_with_a_shared_cache_one_worker_warms_a_page_for_all(settings):
    from django.core.cache import caches

    from newsroom.caching import generation

    settings.NEWSROOM_PAGE_CACHE_WARM_PAGES = 1
    app = FakeApp()
    shared = caches["default"]
    caches_ = [PageCache(app, shared=shared) for _ in range(3)]
    workers = [WSGIClient(page_cache) for page_cache in caches_]
    for worker in workers:
        worker.get("/en/")
        worker.get("/en/")
    generation.bump()
    assert app.calls.count("/en/?") == 1  # the others found it in the shared cache
    for worker in workers:
        worker.get("/en/topics/")
    assert wait_for(lambda: app.calls.count("/en/?") == 2 and not any(c.rendering for c in caches_))
    answers = [worker.get("/en/") for worker in workers]
    assert [answer.cache for answer in answers] == ["HIT"] * 3
    assert len({answer.content for answer in answers}) == 1
    assert app.calls.count("/en/?") == 2  # one warm-up for all


def test_warming_can_be_switched_off(settings):
    import time

    from newsroom.caching import generation

    settings.NEWSROOM_PAGE_CACHE_WARM_PAGES = 0
    app = FakeApp()
    client = client_for(app)
    client.get("/en/")
    client.get("/en/")
    generation.bump()
    client.get("/en/topics/")
    time.sleep(0.3)  # long enough for a warming thread to have started, if there were one
    assert app.calls.count("/en/?") == 1


# --- render slots ---------------------------------------------------------------------------------
@pytest.mark.parametrize("cache_on", [True, False])
def test_renders_wait_for_a_slot_while_hits_the_admin_and_posts_do_not(settings, cache_on):
    settings.NEWSROOM_RENDER_SLOTS = 1
    settings.NEWSROOM_PAGE_CACHE = cache_on
    app = GatedApp(gated=("/en/slow/",))
    client = client_for(app)
    if cache_on:
        client.get("/en/")  # kept
    app.close_gate()
    slow, _ = in_thread(client.get, "/en/slow/")
    assert app.entered.wait(10)  # the one slot is taken
    waiting, waited = in_thread(client.get, "/en/news/")
    # The render of /en/news/ has not reached Django while the slot is held...
    assert not wait_for(lambda: "/en/news/?" in app.calls, seconds=0.5)
    # ...while a cached page, the admin and a form post are answered at once.
    if cache_on:
        assert client.get("/en/").cache == "HIT"
    assert client.get("/admin/").status_code == 200
    assert client.post("/en/contact/").status_code == 200
    app.gate.set()
    slow.join(10)
    waiting.join(10)
    assert waited[0].status_code == 200 and "/en/news/?" in app.calls
