import datetime
import zoneinfo

import pytest

from newsroom.mailing.testing import (  # noqa: F401 - fixtures of the accreditation tests
    mail_via_smtp,
    mailbox,
    smtp_server,
)
from newsroom.news.factories import StoryPageFactory
from newsroom.press.factories import embargo, press_account

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
# 14:00 in Brussels (CET) on 17 November, far enough ahead to stay an embargo.
RELEASE = datetime.datetime(2031, 11, 17, 14, 0, tzinfo=BRUSSELS)
BANNER = "EMBARGOED until 14:00 CET, 17 November 2031"
PASSWORD = "a-long-press-password"


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.NEWSROOM_API_RATE_LIMIT = "off"


@pytest.fixture
def embargoed(news_index):
    item = StoryPageFactory(
        parent=news_index,
        title="Ministers agree a new readiness plan",
        slug="new-readiness-plan",
        teaser="A plan for faster reinforcement, agreed behind closed doors.",
        live=False,
        with_image=True,
    )
    return embargo(item, RELEASE)


@pytest.fixture
def account(db):
    return press_account()


@pytest.fixture
def journalist(client, account):
    response = client.post("/en/press/sign-in/", {"username": "journalist", "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()
    return client
