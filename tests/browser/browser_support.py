"""What the browser tests share: the devices, the public page types and small page helpers."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"

# Debian's Chromium, with what this machine's closed network needs: without the
# background-networking flags its connections out are refused, many at a time.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# A phone: 375 CSS px wide at a typical pixel density. A desktop: 1280 px.
PHONE = {
    "viewport": {"width": 375, "height": 812},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
DEVICES = {"phone": PHONE, "desktop": DESKTOP}

EDITOR = {"username": "press-officer", "password": "a-long-test-only-password"}
VIDEO_PAGE_TITLE = "Test clip: a square crosses the screen"

# Every public page type, by a name used for screenshots, with its address and status.
PUBLIC_PAGES = {
    "front": ("/en/", 200),
    "news": ("/en/news/", 200),
    "news-page-2": ("/en/news/?page=2", 200),
    "news-filtered": ("/en/news/?type=story&topic=ukraine&from=2023-11-01&to=2023-11-30", 200),
    "news-filter-error": ("/en/news/?from=yesterday&topic=atlantis", 400),
    "archive-year": ("/en/news/2023/", 200),
    "archive-month": ("/en/news/2023/11/", 200),
    "archive-day": ("/en/news/2023/11/16/", 200),
    "story": ("/en/news/2023/11/17/secretary-general-joins-eu-college-of-commissioners/", 200),
    "video": ("/en/news/2023/11/17/test-clip/", 200),
    "video-external": (
        "/en/news/2023/11/10/the-european-union-a-unique-and-essential-partner-for-nato/",
        200,
    ),
    "content-page": ("/en/top-five-russian-myths-debunked/", 200),
    "topic-index": ("/en/topics/", 200),
    "topic": ("/en/topics/ukraine/", 200),
    "people-index": ("/en/people/", 200),
    "person": ("/en/people/mircea-geoana/", 200),
    "search": ("/en/search/", 200),
    "search-results": ("/en/search/?q=Geoana", 200),
    "search-empty": ("/en/search/?q=zebra+crossing", 200),
    "not-found": ("/en/news/2023/13/", 404),
}


LOAD_ALL_IMAGES = """
async () => {
  const images = Array.from(document.images);
  for (const image of images) image.loading = 'eager';
  const loaded = Promise.all(images.map((image) => image.decode().catch(() => null)));
  await Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, 10000))]);
}
"""


def screenshot(page, name):
    """Save a PNG of the whole page, lazy images loaded, under test-artifacts/screenshots/."""
    page.evaluate(LOAD_ALL_IMAGES)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=path, full_page=True, animations="disabled", scale="css")
    return path
