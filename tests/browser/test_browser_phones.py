"""On a 375 px phone: no sideways scrolling, tap targets of 24 × 24 px or more, text of 16 px or
more, responsive images that download a small rendition, and a light front page."""

import json
import re

from browser_support import ARTIFACTS, PUBLIC_PAGES

PAGE_WEIGHT_LIMIT = 300 * 1024

# WCAG 2.5.8 (target size, minimum): a target is at least 24 × 24 CSS px, or a 24 px circle
# centred on it overlaps no other target nor another small target's circle. Links inside a
# sentence are exempt (the "inline" exception).
LAYOUT_PROBLEMS = """
() => {
  const problems = [];
  const width = document.documentElement.scrollWidth;
  if (width > innerWidth) problems.push(`scrolls sideways: ${width} px > ${innerWidth} px`);
  const visible = (element) => element.getClientRects().length > 0
    && getComputedStyle(element).visibility !== 'hidden' && !element.closest('.visually-hidden');
  const inSentence = (element) => {
    if (getComputedStyle(element).display !== 'inline') return false;
    const block = element.parentElement;
    const text = Array.from(block.childNodes)
      .filter((node) => node !== element).map((node) => node.textContent).join('').trim();
    return text.length > 0;
  };
  const targets = Array.from(document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary'
  )).filter(visible).map((element) => {
    const box = element.getBoundingClientRect();
    return {
      element, box, small: box.width < 24 || box.height < 24,
      x: box.left + box.width / 2, y: box.top + box.height / 2,
    };
  });
  const circleHitsBox = (target, box) => {
    const dx = Math.max(box.left - target.x, 0, target.x - box.right);
    const dy = Math.max(box.top - target.y, 0, target.y - box.bottom);
    return dx * dx + dy * dy < 12 * 12;
  };
  for (const target of targets.filter((target) => target.small)) {
    if (inSentence(target.element)) continue;
    const crowded = targets.some((other) => other !== target && other.element !== target.element
      && !other.element.contains(target.element) && !target.element.contains(other.element)
      && (circleHitsBox(target, other.box)
        || (other.small && Math.hypot(other.x - target.x, other.y - target.y) < 24)));
    if (crowded) {
      problems.push(`tap target ${Math.round(target.box.width)}×${Math.round(target.box.height)}`
        + ` px too close to another: ${target.element.outerHTML.slice(0, 100)}`);
    }
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const element = node.parentElement;
    if (!node.textContent.trim() || !visible(element)) continue;
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size < 16) problems.push(`text at ${size} px: "${node.textContent.trim().slice(0, 40)}"`);
  }
  for (const image of document.querySelectorAll('main img')) {
    if (!image.srcset || !image.sizes) {
      problems.push(`image without srcset and sizes: ${image.outerHTML.slice(0, 100)}`);
    }
  }
  return problems;
}
"""


def test_phone_layout_on_every_public_page_type(open_page):
    page = open_page("phone")
    failures = {}
    for name, (path, _status) in PUBLIC_PAGES.items():
        page.goto(path)
        problems = page.evaluate(LAYOUT_PROBLEMS)
        if problems:
            failures[f"{name} ({path})"] = problems
    assert not failures, json.dumps(failures, indent=2, ensure_ascii=False)


RENDITIONS = """
() => Array.from(document.querySelectorAll('main img')).filter((image) => image.complete
  && image.currentSrc).map((image) => image.currentSrc)
"""
RENDITION_WIDTH = re.compile(r"\.(?:fill|width)-(\d+)")


def rendition_width(url):
    """The width of the rendition Wagtail made, read from its file name (e.g. fill-480x270)."""
    return int(RENDITION_WIDTH.search(url).group(1))


def test_a_phone_downloads_small_renditions_and_a_desktop_larger_ones(open_page):
    story = PUBLIC_PAGES["story"][0]
    widths = {}
    for device, options in [
        ("phone", {"device_scale_factor": 1}),
        ("phone", {}),
        ("desktop", {}),
    ]:
        page = open_page(device, **options)
        page.goto(story)
        lead = page.locator(".item__image img")
        page.wait_for_function("() => document.querySelector('.item__image img').complete")
        density = options.get("device_scale_factor", 2 if device == "phone" else 1)
        widths[(device, density)] = rendition_width(lead.evaluate("(image) => image.currentSrc"))
        for url in page.evaluate(RENDITIONS):
            assert rendition_width(url) <= 768, f"{device} downloaded a large rendition: {url}"
    # The lead image is 343 px wide on a 375 px phone: at 1x it takes the 480 px rendition, at
    # 2x (686 px) the 736 px one; a 1280 px desktop shows it 736 px wide and takes 736 px.
    # Never the 1104 or 1472 px renditions (wider screens, higher densities).
    assert widths == {("phone", 1): 480, ("phone", 2): 736, ("desktop", 1): 736}


def transfer(requests):
    """Bytes on the wire: response headers and (compressed) bodies, as Chromium counted them."""
    total = 0
    for request in requests:
        sizes = request.sizes()
        total += sizes["responseHeadersSize"] + sizes["responseBodySize"]
    return total


def test_front_page_weight_on_a_phone_with_a_cold_cache(open_page, newsroom):
    page = open_page("phone")
    requested, finished = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto("/en/", wait_until="networkidle")
    first_view = transfer(finished)
    first_view_count = len(finished)

    # A reader scrolls to the end: every lazy image on the way loads.
    height = page.evaluate("() => document.documentElement.scrollHeight")
    for _ in range(0, height, 400):
        page.mouse.wheel(0, 400)
        page.wait_for_timeout(50)
    page.wait_for_load_state("networkidle")
    scrolled = transfer(finished)
    unloaded = page.evaluate("() => Array.from(document.images).filter((i) => !i.complete).length")
    assert unloaded == 0

    figures = {
        "first_view_bytes": first_view,
        "first_view_requests": first_view_count,
        "scrolled_to_the_end_bytes": scrolled,
        "scrolled_to_the_end_requests": len(finished),
        "third_party_requests": page.third_party_requests,
    }
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "front-page-weight.json").write_text(json.dumps(figures, indent=2) + "\n")
    print(f"front page on a phone, cold cache: {figures}")

    assert requested and all(url.startswith(newsroom.url + "/") for url in requested), requested
    assert not page.third_party_requests
    assert first_view < PAGE_WEIGHT_LIMIT, figures
    assert scrolled < PAGE_WEIGHT_LIMIT, figures
