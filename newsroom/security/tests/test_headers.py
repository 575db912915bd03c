"""Security headers over HTTP: CSP without inline script on public pages, a looser admin policy,
HSTS and secure cookies under HTTPS, and the page cache replaying all of them."""

import pytest
from bs4 import BeautifulSoup

from newsroom.delivery.pagecache import PageCache
from newsroom.delivery.tests.wsgi_client import WSGIClient, django_app
from newsroom.news.factories import StoryPageFactory, VideoPageFactory

pytestmark = pytest.mark.django_db


def directives(header):
    policy = {}
    for part in header.split(";"):
        name, *values = part.split()
        policy[name] = values
    return policy


@pytest.fixture
def site(news_index):
    story = StoryPageFactory(parent=news_index, title="Allies meet in Vilnius")
    video = VideoPageFactory(parent=news_index, title="Ministers arrive")
    return {"story": story.url, "video": video.url}


PUBLIC_PAGES = ["/en/", "/en/news/", "/en/search/?q=Vilnius", "/en/nothing-here/"]


def test_public_pages_forbid_inline_and_foreign_script(client, site):
    for url in [*PUBLIC_PAGES, site["story"], site["video"]]:
        response = client.get(url)
        policy = directives(response["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert policy["base-uri"] == ["'self'"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_public_pages_carry_no_inline_script_or_handlers(client, site):
    """What the policy forbids is also absent, so nothing breaks under it. JSON-LD is data:
    browsers never run a script whose type is application/ld+json, and CSP leaves it alone."""
    for url in [*PUBLIC_PAGES, site["story"], site["video"]]:
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        for script in soup.find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", (url, script)
        for tag in soup.find_all(True):
            handlers = [name for name in tag.attrs if name.lower().startswith("on")]
            assert not handlers, (url, tag.name, handlers)
            for attr in ("href", "src", "action", "formaction"):
                assert not str(tag.get(attr, "")).strip().lower().startswith("javascript:")


def test_the_admin_gets_its_own_looser_policy(client, admin_client):
    for http in (client, admin_client):
        response = http.get("/admin/login/" if http is client else "/admin/")
        assert response.status_code == 200
        policy = directives(response["Content-Security-Policy"])
        # Wagtail's admin has inline scripts; scripts from other origins stay forbidden.
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["object-src"] == ["'none'"]


def test_the_oembed_player_frame_may_be_framed_by_other_sites(client, news_index):
    story = StoryPageFactory(parent=news_index, title="Framed elsewhere")
    response = client.get(f"/api/oembed/frame/{story.pk}/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["*"]


def test_https_adds_hsts_secure_cookies_and_upgrades(client, settings, admin_user):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    response = client.get("/en/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    # Over plain HTTP there is no HSTS (browsers ignore it there anyway).
    assert "Strict-Transport-Security" not in client.get("/en/")
    login = client.post("/admin/login/", {"username": "admin", "password": "password"}, secure=True)
    assert login.status_code == 302
    assert login.cookies["sessionid"]["secure"] and login.cookies["sessionid"]["httponly"]
    assert login.cookies["csrftoken"]["secure"]


def test_the_page_cache_replays_the_security_headers(page_cache, site):
    cached = WSGIClient(PageCache(django_app()))
    for url in ["/en/", site["story"]]:
        first, second = cached.get(url), cached.get(url)
        assert (first.cache, second.cache) == ("MISS", "HIT")
        for header in (
            "content-security-policy",
            "x-content-type-options",
            "referrer-policy",
            "x-frame-options",
            "cross-origin-opener-policy",
        ):
            assert second.headers[header] == first.headers[header], header


def test_behind_a_tls_proxy_https_and_plain_requests_never_share_cache_entries(
    page_cache, site, settings
):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 3600
    cached = WSGIClient(PageCache(django_app()))
    https = {"X_Forwarded_Proto": "https"}
    first, second = cached.get("/en/", **https), cached.get("/en/", **https)
    assert (first.status_code, first.cache, second.cache) == (200, "MISS", "HIT")
    assert second.headers["strict-transport-security"] == "max-age=3600"
    # The same address over plain HTTP is redirected to HTTPS, not served the HTTPS copy.
    plain = cached.get("/en/")
    assert plain.status_code == 301
    assert plain.headers["location"] == "https://testserver/en/"
