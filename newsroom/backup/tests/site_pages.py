"""Print a fingerprint of every public page of the site in DATABASE_URL / NEWSROOM_DATA_DIR.

    python -m newsroom.backup.tests.site_pages [--crawl] [--every N]

Output: JSON ``{address: sha256 of status, content type and normalised body}``. The addresses
are every ``<loc>`` of the sitemaps, every page of the news listing, the feeds and the API
lists, and with ``--crawl`` every address linked from those pages as well (breadth first). Two
sites whose fingerprints are equal serve the same bytes to readers, apart from what
``normalise`` removes. The backup tests run this against the original and the restored site.

With ``--every N`` only one in N of the addresses found in the sitemaps and links is fetched
(chosen by a hash of the address, so two sites are sampled alike); the others are listed with
``null``. The listing, feeds and API lists are always fetched. A 1,000-item archive is then
compared on a tenth of its item pages instead of rendering all of them twice.
"""

import hashlib
import json
import os
import re
import sys
from urllib.parse import urljoin, urlsplit

SKIP_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/", "/api/oembed/frame/")
LINK = re.compile(rb"""(?:href|src)=["']([^"'#]+)""")
LOC = re.compile(rb"<loc>([^<]+)</loc>")
# Bytes that legitimately differ between two renders of the same content.
VOLATILE = [
    re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"'),
    re.compile(rb'nonce="[^"]*"'),
    # A feed with no entries says it was updated "now".
    re.compile(rb"<lastBuildDate>[^<]*</lastBuildDate>"),
]
EMPTY_FEED_UPDATED = re.compile(rb"<updated>[^<]*</updated>")


def normalise(body):
    for pattern in VOLATILE:
        body = pattern.sub(b"", body)
    if body.lstrip().startswith(b"<?xml") and b"<feed" in body and b"<entry" not in body:
        body = EMPTY_FEED_UPDATED.sub(b"", body)
    return body


def local(address):
    parts = urlsplit(address)
    if parts.netloc not in {"", "testserver", "127.0.0.1:8000"}:
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    if not path.startswith("/") or path.startswith(SKIP_PREFIXES):
        return None
    return path


def fingerprint(response):
    if response.streaming:  # a gallery's ZIP is written as it is sent
        body = normalise(b"".join(response.streaming_content))
    else:
        body = normalise(response.content)
    digest = hashlib.sha256(
        f"{response.status_code} {response.get('Content-Type')}\n".encode() + body
    )
    return digest.hexdigest()


def sampled(address, every):
    return int(hashlib.sha256(address.encode()).hexdigest(), 16) % every == 0


def fingerprints(crawl=False, every=1):
    from django.test import Client

    client = Client()
    result = {}
    always = ["/", "/en/", "/fr/", "/robots.txt", "/api/v1/items/", "/api/v1/topics/"]
    always += ["/api/v1/people/", "/en/news/feed/rss/", "/en/news/feed/atom/"]
    always += ["/en/news/feed/json/"]
    found = []
    sitemaps = ["/sitemap.xml", "/sitemap-news.xml"]
    while sitemaps:
        sitemap = sitemaps.pop(0)
        response = client.get(sitemap)
        result[sitemap] = fingerprint(response)
        for loc in LOC.findall(response.content):
            if address := local(loc.decode()):
                (sitemaps if address.endswith(".xml") else found).append(address)
    page = 1
    while (response := client.get(f"/en/news/?page={page}")).status_code == 200 and page < 10_000:
        result[f"/en/news/?page={page}"] = fingerprint(response)
        page += 1
    queue = [address for address in dict.fromkeys(always + found) if address not in result]
    seen = set(queue) | set(result)
    while queue:
        address = queue.pop(0)
        if address not in always and not sampled(address, every):
            result[address] = None
            continue
        response = client.get(address)
        result[address] = fingerprint(response)
        if crawl and response.get("Content-Type", "").startswith("text/html"):
            for link in LINK.findall(response.content):
                linked = local(urljoin(address, link.decode("utf-8", "replace")))
                if linked and linked not in seen:
                    seen.add(linked)
                    queue.append(linked)
    return result


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from django.test.utils import override_settings, setup_test_environment

    setup_test_environment()
    # Render without collected static files; the page cache is a WSGI wrapper the test client
    # does not pass through, so every answer is rendered from the database.
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages, NEWSROOM_API_RATE_LIMIT="off"):
        every = int(sys.argv[sys.argv.index("--every") + 1]) if "--every" in sys.argv else 1
        json.dump(fingerprints(crawl="--crawl" in sys.argv, every=every), sys.stdout, indent=0)


if __name__ == "__main__":
    main()
