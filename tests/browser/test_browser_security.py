"""Under the real server's Content-Security-Policy, Chromium reports no violation on any public
page type, the admin's sign-in page, or the admin an editor works in."""

import re

from browser_support import EDITOR, LOAD_ALL_IMAGES, PUBLIC_PAGES
from playwright.sync_api import expect

# Every violation is recorded in the page, whatever the console says.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def watched(page):
    page.csp_console = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.csp_console.append(message.text)
        ),
    )
    return page


def violations(page):
    return page.csp_console + page.evaluate("window.__cspViolations || []")


def test_public_pages_run_under_the_policy_without_violations(open_page):
    page = watched(open_page("desktop"))
    for name, (path, status) in PUBLIC_PAGES.items():
        response = page.goto(path)
        assert response.status == status, name
        assert "script-src 'self'" in response.headers["content-security-policy"], name
        page.evaluate(LOAD_ALL_IMAGES)
        assert violations(page) == [], name


def test_the_admin_works_under_its_policy_without_violations(open_page):
    page = watched(open_page("desktop"))
    response = page.goto("/admin/login/")
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    page.get_by_label("Username").fill(EDITOR["username"])
    page.get_by_label("Password").fill(EDITOR["password"])
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    assert violations(page) == []
    # The page explorer, an item's editor (Draftail, StreamField) and the image uploader.
    page.goto("/admin/pages/")
    page.get_by_role("link", name="Explore child pages of 'NATO Newsroom'").click()
    page.get_by_role("link", name="Explore child pages of 'News'").click()
    page.get_by_role("link", name=re.compile("Secretary General joins")).first.click()
    expect(page.locator("#id_title")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert violations(page) == []
    page.goto("/admin/images/multiple/add/")
    page.wait_for_load_state("networkidle")
    assert violations(page) == []
    # The two-factor enrolment page draws its QR code as inline SVG.
    page.goto("/admin/two-factor/")
    expect(page.locator(".two-factor-qr svg")).to_be_visible()
    assert violations(page) == []
