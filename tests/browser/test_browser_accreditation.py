"""Press accreditation in Chromium, end to end, with the messages read from a real SMTP server:
a journalist asks at /en/press/apply/ (found from the press sign-in page), a press officer
approves in the admin, the journalist sets the password from the approval's link and signs in
to the press area. The newsroom and its SMTP server are the alerts browser test's fixtures."""

import pytest
from playwright.sync_api import expect
from test_browser_alerts import (  # noqa: F401 - the newsroom sending to a real SMTP server
    alerts_site,
    link_in,
    mail_server,
    next_message,
    run_shell,
)

JOURNALIST = "ana.reporter@lequotidien.example"
OFFICER = {"username": "accreditation-officer", "password": "a-long-test-only-password"}
NEW_PASSWORD = "Correct-horse-battery-9"

ADD_OFFICER = """
import os
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
user = get_user_model().objects.create_user(
    os.environ["OFFICER_USERNAME"], password=os.environ["OFFICER_PASSWORD"])
user.groups.add(Group.objects.get(name="Moderators"))
"""


@pytest.fixture
def site(request, browser):
    """(url, env, SMTP server, a fresh browser context) of the alerts test's newsroom."""
    url, env = request.getfixturevalue("alerts_site")
    context = browser.new_context(base_url=url)
    context.set_default_timeout(15_000)
    yield url, env, request.getfixturevalue("mail_server"), context
    context.close()


def test_request_approve_set_password_and_sign_in(site):
    url, env, smtp, context = site
    run_shell(env, ADD_OFFICER, OFFICER_USERNAME=OFFICER["username"],
              OFFICER_PASSWORD=OFFICER["password"])  # fmt: skip
    seen = len(list((smtp.folder / "messages").glob("*.eml")))
    journalist = context.new_page()
    journalist.goto("/en/press/sign-in/")
    journalist.get_by_role("link", name="Request press accreditation").click()
    expect(journalist.locator("h1")).to_have_text("Request press accreditation")
    for label, value in (
        ("Your name", "Ana Reporter"),
        ("Outlet", "Le Quotidien"),
        ("Role", "Defence correspondent"),
        ("Work e-mail address", JOURNALIST),
        ("Country", "Belgium"),
        ("Link to your published work", "https://lequotidien.example/authors/ana"),
        ("Working languages", "French, English"),
    ):
        journalist.get_by_label(label).fill(value)
    journalist.get_by_role("button", name="Send my request").click()
    expect(journalist.locator("h1")).to_have_text(
        "Thank you: your request is with the press office"
    )
    acknowledgement = next_message(smtp, seen)
    assert acknowledgement["To"] == JOURNALIST

    officer = context.browser.new_context(base_url=url).new_page()
    officer.goto("/admin/")
    officer.get_by_label("Username").fill(OFFICER["username"])
    officer.get_by_label("Password").fill(OFFICER["password"])
    officer.get_by_role("button", name="Sign in").click()
    officer.goto("/admin/accreditation_requests/")
    officer.get_by_role("link", name="Ana Reporter (Le Quotidien)").click()
    officer.get_by_label("Message to the journalist (optional)").fill("Welcome.")
    officer.get_by_role("button", name="Approve").click()
    expect(officer.locator(".messages")).to_contain_text("Approved: the press account")
    officer.context.close()

    approval = next_message(smtp, seen + 1)
    assert approval["To"] == JOURNALIST and "approved" in approval["Subject"]
    journalist.goto(link_in(approval, url, "/en/press/password/"))
    expect(journalist.locator("h1")).to_have_text("Set your password")
    journalist.get_by_label("New password").fill(NEW_PASSWORD)
    journalist.get_by_label("The same password again").fill(NEW_PASSWORD)
    journalist.get_by_role("button", name="Set my password").click()
    expect(journalist.get_by_role("status")).to_contain_text("Your password is set.")
    journalist.get_by_label("User name").fill(JOURNALIST)
    journalist.get_by_label("Password").fill(NEW_PASSWORD)
    journalist.get_by_role("button", name="Sign in").click()
    expect(journalist.locator("h1")).to_have_text("Embargoed")
    expect(journalist.locator("main")).to_contain_text("Signed in as Ana Reporter (Le Quotidien)")
