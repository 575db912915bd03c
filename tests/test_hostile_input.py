"""Hostile input on every public address: never a 500, never a reflected script, never a write.

The addresses are enumerated, not listed by hand, so a new one is fuzzed automatically:

- every pattern of the Django URL resolver outside the admin (both languages for the
  ``i18n_patterns``), with each converter filled with a fitting value and with junk;
- every route of every routable page of a small site (news index: listing, archives, item,
  feeds; topics; people), likewise;
- every live page of that site (their real addresses).

Requests go through the WSGI application as a server calls it (the page cache included), with
raw query strings, so invalid percent-encoding and invalid UTF-8 reach the site as they would
from the network. After the run, every table's content is unchanged (a hash of all the rows
``newsroom backup`` would save). The API's own Hypothesis walk of its OpenAPI document is in
newsroom/syndication/tests/test_openapi.py; here the API only gets the generic treatment.
"""

import hashlib
import io
import re
from urllib.parse import quote, unquote_to_bytes

import pytest
from django.conf import settings as django_settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test.client import FakePayload, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from newsroom.backup import tables
from newsroom.delivery.pagecache import PageCache
from newsroom.syndication.tests.conftest import (  # noqa: F401 - fixtures of a small site
    _syndication_settings,
    person,
    place,
    story,
    topic,
    video,
)

pytestmark = pytest.mark.django_db

NOT_PUBLIC = ("admin/",)
SCRIPT = '<script>alert("hostile")</script>'
PAYLOADS = [
    "",
    "abc",
    "-1",
    "0",
    "1e309",
    "99999999999999999999999999999",
    "2023-02-30",
    "9999-12-31",
    "0000-00-00",
    "\x00",
    "a\x00b",
    "'; DROP TABLE wagtailcore_page; --",
    "' OR '1'='1",
    '" OR 1=1 --',
    "1 UNION SELECT password FROM auth_user",
    SCRIPT,
    f'"><{SCRIPT[1:]}',
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "../../../../etc/passwd",
    "..%2f..%2f..%2fetc%2fpasswd",
    "%",
    "%zz",
    "%ff%fe",
    "%c0%af",
    "*",
    "NEAR(",
    '"unbalanced',
    "x" * 5000,
    "9" * 5000,
    "Ελλάδα Україна 北约 \u202e",
    "\ud7ff\ufffd",
    "[]",
    "{}",
]
HUGE = "h" * 200_000


class Response:
    def __init__(self, status, headers, body):
        self.status_code = int(status.split(" ", 1)[0])
        self.headers = {name.lower(): value for name, value in headers}
        self.content = body


class Network:
    """Sends requests to the WSGI application the way a server does (raw path and query)."""

    def __init__(self):
        self.app = PageCache(WSGIHandler())
        self.factory = RequestFactory()

    def get(self, path, query=""):
        environ = self.factory._base_environ(
            # A server percent-decodes the path and hands it over as latin-1 text.
            PATH_INFO=unquote_to_bytes(path).decode("latin-1"),
            QUERY_STRING=query,
            REQUEST_METHOD="GET",
        )
        environ["wsgi.input"] = FakePayload(b"")
        captured = {}

        def start_response(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return io.BytesIO().write

        # Keep the test's transaction open across requests, as django.test.Client does.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            iterable = self.app(environ, start_response)
            try:
                body = b"".join(iterable)
            finally:
                if hasattr(iterable, "close"):
                    iterable.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return Response(captured["status"], captured["headers"], body)


# --- What to fuzz: every public address shape -------------------------------------------------
PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
NAMED_GROUP = re.compile(r"^\(\?P<(?P<name>\w+)>")
# Values that lead each parameter to a real object of the site (set by the ``site`` fixture),
# so that junk in the query string reaches the deepest view.
DEFAULTS = {"year": "2023", "month": "11", "day": "17", "fmt": "rss", "item_type": "story"}


class Target:
    """An address shape: ``fill(value)`` gives a path with ``value`` in every parameter (or a
    fitting real value when None)."""

    def __init__(self, origin, template, names):
        self.origin, self.template, self.names = origin, template, names

    def fill(self, value=None):
        path = self.template
        for name in self.names:
            text = quote(value, safe="/") if value is not None else DEFAULTS.get(name, "x")
            path = path.replace("{" + name + "}", text, 1)
        return path

    def __repr__(self):
        return f"{self.origin}: {self.template}"


def _regex_template(regex):
    """A regex pattern as text with {name} for each top-level group (unnamed ones: {path})."""
    text, names, depth, start, out = regex, [], 0, 0, []
    text = text.removeprefix("^").removesuffix("$").removesuffix("\\Z")
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            if depth == 0:
                out.append(text[i + 1])
            i += 2
            continue
        if char == "(":
            if depth == 0:
                start = i
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                match = NAMED_GROUP.match(text[start:])
                name = match.group("name") if match else f"path{len(names)}"
                names.append(name)
                out.append("{" + name + "}")
        elif depth == 0:
            out.append(char)
        i += 1
    return "".join(out), names


def _route_template(pattern):
    """A Django pattern as text with {name} placeholders, and its parameter names."""
    if isinstance(pattern, RoutePattern):
        text = str(pattern._route)
        names = [match.group("name") for match in PARAMETER.finditer(text)]
        return PARAMETER.sub(lambda m: "{" + m.group("name") + "}", text), names
    if isinstance(pattern, RegexPattern):
        return _regex_template(str(pattern._regex))
    raise AssertionError(f"unknown pattern type {pattern!r}")


def resolver_targets(resolver=None, prefix="", names=()):
    from django.conf import settings as django_settings

    resolver = resolver or get_resolver()
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry.pattern, LocalePrefixPattern):
            for code, _name in django_settings.LANGUAGES:
                with translation.override(code):  # translated segments: /fr/recherche/
                    found += resolver_targets(entry, f"{prefix}{code}/", names)
            continue
        text, own = _route_template(entry.pattern)
        if (prefix + text).startswith(NOT_PUBLIC):
            continue
        if isinstance(entry, URLResolver):
            found += resolver_targets(entry, prefix + text, (*names, *own))
        elif isinstance(entry, URLPattern):
            found.append(Target("urlconf", "/" + prefix + text, [*names, *own]))
    return found


def routable_targets():
    found = []
    for page in Page.objects.live().public().specific():
        if not isinstance(page, RoutablePageMixin):
            continue
        base = page.get_url()
        if base is None:  # not reachable from any site
            continue
        for pattern in page.get_resolver().url_patterns:
            text, names = _route_template(pattern.pattern)
            found.append(Target(type(page).__name__, base + text, names))
    return found


def page_targets():
    addresses = {page.get_url() for page in Page.objects.live().specific()}
    return [Target("page", address, []) for address in sorted(addresses - {None})]


def query_parameter_names():
    """Every parameter a public view reads (listing filters, API, oEmbed), plus made-up ones."""
    from wagtail.models import Locale

    from newsroom.news.filters import NewsFilterForm
    from newsroom.syndication.api import params

    names = set(NewsFilterForm(None, locale=Locale.get_default(), with_sort=True).fields)
    names |= {"page", "url", "format", "maxwidth", "maxheight"}
    names |= {
        value
        for value in vars(params).values()
        if isinstance(value, tuple)
        for value in value
        if isinstance(value, str)
    }
    return sorted(names | {"unknown", "", "a[]", "__proto__", "page[]"})


def database_fingerprint():
    """A hash of every row of every table a backup saves: any write changes it."""
    digest = hashlib.sha256()

    class Sink:
        def write(self, text):
            digest.update(text.encode())

    for model in tables.backed_up_models():
        digest.update(model._meta.label_lower.encode())
        tables.dump_rows(model, Sink())
    return digest.hexdigest()


# --- Checks ------------------------------------------------------------------------------------
def problems(network, path, query=""):
    """What is wrong with the answer to a hostile request (nothing, usually)."""
    response = network.get(path, query)
    where = f"{path[:120]!r}?{query[:120]!r} -> {response.status_code}"
    # 501 is oEmbed's documented answer to a format other than json; any other 5xx is a fault.
    if response.status_code >= 500 and response.status_code != 501:
        return [f"{where}: {response.content[:200]!r}"]
    if "json" not in response.headers.get("content-type", ""):  # JSON strings are not markup
        for marker in (b'<script>alert("hostile")', b"<img src=x onerror"):
            if marker in response.content:
                return [f"{where}: reflects {marker!r} unescaped"]
    return []


def check(network, path, query=""):
    found = problems(network, path, query)
    assert not found, found


def encode(value, how):
    """``value`` for a raw query string (latin-1 text, as WSGI servers hand it over)."""
    if how == "quoted":
        return quote(value, safe="")
    if how == "raw":  # as typed: stray '%', spaces, quotes and non-ASCII bytes left alone
        raw = value.replace("&", "%26").replace("#", "%23")
        return raw.encode("utf-8", "surrogatepass").decode("latin-1")
    return "".join(f"%{byte:02X}" for byte in value.encode("utf-8", "surrogatepass"))


@pytest.fixture
def site(request):
    """A small site: a story and a video with topic, person and place; the demo's sections."""
    for name in ("video", "topic", "person", "place"):
        request.getfixturevalue(name)
    item = request.getfixturevalue("story")
    day = item.display_date
    DEFAULTS.update(
        year=f"{day:%Y}",
        month=f"{day:%m}",
        day=f"{day:%d}",
        slug=item.slug,
        item_id=str(item.pk),
        section="news",
        path0="news/",
    )
    targets = resolver_targets() + routable_targets() + page_targets()
    return {"targets": targets, "parameters": query_parameter_names()}


def test_every_public_pattern_is_enumerated(site):
    shapes = {target.template for target in site["targets"]}
    print(sorted(shapes))
    # The resolver's own patterns, both languages, and the routes of the routable pages.
    for expected in (
        "/sitemap-{section}.xml",
        "/api/v1/items/{item_id}/ninjs/",
        "/api/oembed/",
        "/en/search/",
        "/fr/recherche/",
        "/en/news/{year}/{month}/{day}/{slug}/",
        "/en/news/{item_type}/feed/{fmt}/",
        "/en/people/{slug}/",
        "/en/topics/",
    ):
        assert expected in shapes, sorted(shapes)
    # Media files are served by the app only in the embedded mode (production: a web server).
    assert ("/media/{path}" in shapes) == django_settings.SERVE_MEDIA
    assert not any(shape.startswith("/admin/") for shape in shapes)
    assert any(target.origin == "page" for target in site["targets"])


def warm_up(network, targets):
    """One ordinary request to every address first: rendering a page the first time may fill
    caches kept in tables (image renditions, oEmbed answers); hostile requests may not."""
    for target in targets:
        network.get(target.fill())


def test_every_address_survives_every_payload(site):
    network = Network()
    warm_up(network, site["targets"])
    before = database_fingerprint()
    found = []
    for target in site["targets"]:
        path = target.fill()
        found += problems(network, path)
        for payload in PAYLOADS:
            if target.names and payload:
                found += problems(network, target.fill(payload))
            value = encode(payload, "quoted")
            query = "&".join(f"{name}={value}" for name in site["parameters"] if name)
            found += problems(network, path, query)
        found += problems(network, path, "q=%ff%fe%&page=%zz&from=%c0%af&&=&%00=%00")
        found += problems(network, path, "page=1&page=2&page=abc&" + "type=story&" * 50)
        found += problems(network, path, f"q={HUGE}&{'x' * 5000}={HUGE}")
        found += problems(network, path + "../../../../etc/passwd")
        found += problems(network, path + "%2e%2e/%2e%2e/%2e%2e/etc/passwd")
    assert not found, f"{len(found)} problems:\n" + "\n".join(found[:40])
    assert database_fingerprint() == before


values = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(max_size=60),
    st.binary(max_size=40).map(lambda raw: raw.decode("latin-1")),
    st.integers().map(str),
    st.dates().map(lambda day: day.isoformat()),
)
encodings = st.sampled_from(["quoted", "raw", "bytes"])


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_hypothesis_finds_no_failure(site, data):
    if "before" not in site:
        site["network"] = Network()
        warm_up(site["network"], site["targets"])
        site["before"] = database_fingerprint()
    target = data.draw(st.sampled_from(site["targets"]), label="target")
    path_value = data.draw(st.one_of(st.none(), values), label="path value")
    pairs = data.draw(
        st.lists(
            st.tuples(st.sampled_from(site["parameters"]) | st.text(max_size=10), values),
            max_size=6,
        ),
        label="query",
    )
    how = data.draw(encodings, label="encoding")
    raw_pairs = [f"{encode(name, how)}={encode(value, how)}" for name, value in pairs]
    query = "&".join(raw_pairs)
    path = target.fill(path_value)
    check(site["network"], path, query)
    if data.draw(st.booleans(), label="check database"):
        assert database_fingerprint() == site["before"]
