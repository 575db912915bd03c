"""Keyboard only: every link and control on the front page is reached by Tab, in order, and
shows where the focus is; the featured highlights open with Enter."""

import pytest
from playwright.sync_api import expect

# Marks every element a keyboard user should reach (visible, not disabled, not tabindex=-1)
# with its position in the document, and returns how many there are.
MARK_FOCUSABLE = """
() => {
  const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
  const elements = Array.from(document.querySelectorAll(selector)).filter((element) => {
    if (element.disabled || element.tabIndex < 0 || element.type === 'hidden') return false;
    const style = getComputedStyle(element);
    return style.visibility !== 'hidden' && style.display !== 'none'
      && element.getClientRects().length > 0;
  });
  elements.forEach((element, index) => { element.dataset.tabStop = index; });
  return elements.length;
}
"""

# Where the focus is, and whether a reader can see it.
FOCUS_STATE = """
() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  return {
    stop: element.dataset.tabStop === undefined ? null : Number(element.dataset.tabStop),
    description: element.outerHTML.slice(0, 120),
    focusVisible: element.matches(':focus-visible'),
    indicator: outline || style.boxShadow !== 'none',
    onScreen: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth
      && box.width > 0 && box.height > 0,
  };
}
"""


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_tab_reaches_every_link_and_control_on_the_front_page_visibly(open_page, device):
    page = open_page(device)
    page.goto("/en/")
    count = page.evaluate(MARK_FOCUSABLE)
    assert count > 20

    reached = []
    for _ in range(count + 5):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None or (reached and state["stop"] == reached[0]):
            break  # past the last stop: the focus left the page or wrapped around
        assert state["stop"] is not None, f"focus landed on an unexpected element: {state}"
        assert state["focusVisible"] and state["indicator"], f"focus is not visible: {state}"
        assert state["onScreen"], f"the focused element is off screen: {state}"
        reached.append(state["stop"])
    assert reached == list(range(count)), "Tab skipped or reordered some links or controls"


def test_the_skip_link_comes_first_and_moves_to_the_main_content(open_page):
    page = open_page("desktop")
    page.goto("/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    first_in_main = page.evaluate("() => document.activeElement.closest('main') !== null")
    assert first_in_main


def test_featured_highlights_open_with_the_keyboard(open_page):
    page = open_page("desktop")
    page.goto("/en/")
    highlights = page.locator(".featured__link")
    assert highlights.count() >= 2
    second = highlights.nth(1)
    target = second.get_attribute("href")
    for _ in range(40):
        page.keyboard.press("Tab")
        if second.evaluate("(link) => link === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the second featured highlight")
    page.keyboard.press("Enter")
    expect(page).to_have_url(page.url.split("/en/")[0] + target)
    expect(page.locator("h1")).to_be_visible()
