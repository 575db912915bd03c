import pytest


@pytest.fixture(autouse=True)
def _demo_asked_for(settings):
    """These tests ask for the demo, as NEWSROOM_DEMO=1 does: in production mode (the test
    suite on PostgreSQL) it is not the default."""
    settings.NEWSROOM_DEMO = True
