"""The README's screenshots: the front page, a listing, an item and a search at 1280 and 375 px.

    .venv/bin/python scripts/readme_screenshots.py http://127.0.0.1:8000

Run against a newsroom serving the demo (`make run`); drives Debian's Chromium through
Playwright, as the browser tests do, and writes docs/screenshots/<page>-<width>.png. Each shot
is the top of the page (1,000 CSS px at 1280, 1,600 at 375), taken at the device's pixel density
and reduced to CSS pixels, with lazy images loaded.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = {
    "front-page": "/en/",
    "news-listing": "/en/news/",
    "item": "/en/news/2023/11/17/secretary-general-joins-eu-college-of-commissioners/",
    "search": "/en/search/?q=Geoana",
}
DEVICES = {
    1280: {"viewport": {"width": 1280, "height": 800}},
    375: {
        "viewport": {"width": 375, "height": 812},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
    },
}
# How much of each page a shot shows, in CSS px: enough for the first cards on a phone, where
# the header and the filters come first.
HEIGHT = {1280: 1000, 375: 1600}
LOAD_IMAGES = """async () => {
  for (const image of document.images) image.loading = 'eager';
  await Promise.all(Array.from(document.images).map((image) => image.decode().catch(() => null)));
}"""


def main(base):
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width, device in DEVICES.items():
            context = browser.new_context(base_url=base, **device)
            page = context.new_page()
            for name, path in PAGES.items():
                page.goto(path, wait_until="networkidle")
                page.evaluate(LOAD_IMAGES)
                target = OUT / f"{name}-{width}.png"
                height = min(HEIGHT[width], page.evaluate("document.body.scrollHeight"))
                clip = {"x": 0, "y": 0, "width": width, "height": height}
                page.screenshot(
                    path=target, full_page=True, clip=clip, scale="css", animations="disabled"
                )
                print(target.relative_to(ROOT))
            context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
