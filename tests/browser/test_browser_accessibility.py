"""axe-core finds no WCAG 2.2 A/AA violation on any public page type, on a phone or a desktop.

The same visits save the screenshots under test-artifacts/screenshots/<page>-<width>.png (every
image loaded) and check that no page asks another site for anything: the external video's
player frame is the one exception, as it is the provider's page.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_support import DEVICES, PUBLIC_PAGES, screenshot

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary']}")
    return "\n".join(lines)


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_every_public_page_type_passes_axe(open_page, device):
    axe = Axe()
    page = open_page(device)
    width = DEVICES[device]["viewport"]["width"]
    failures, elsewhere = {}, {}
    for name, (path, status) in PUBLIC_PAGES.items():
        already_refused = len(page.third_party_requests)
        response = page.goto(path)
        assert response.status == status, path
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        if violations:
            failures[f"{name} ({path})"] = describe(violations)
        screenshot(page, f"{name}-{width}")  # loads every image first
        if name != "video-external" and len(page.third_party_requests) > already_refused:
            elsewhere[path] = page.third_party_requests[already_refused:]
    assert not failures, "\n\n".join(f"{page}:\n{text}" for page, text in failures.items())
    assert not elsewhere, f"pages asked other sites for something: {elsewhere}"
