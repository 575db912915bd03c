"""A search never holds a worker longer than NEWSROOM_SEARCH_TIME_LIMIT (search/limits.py)."""

import pytest
from django.db import connection

from newsroom.news.factories import StoryPageFactory
from newsroom.search import limits

pytestmark = pytest.mark.django_db

# A statement that runs for seconds on each database.
SLOW = {
    "sqlite": "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 50000000)"
    " SELECT count(*) FROM n",
    "postgresql": "SELECT pg_sleep(5)",
}


def test_a_statement_over_the_limit_is_stopped_and_the_connection_still_works():
    with pytest.raises(limits.TooSlow), limits.time_limit(0.05), connection.cursor() as cursor:
        cursor.execute(SLOW[connection.vendor])
    with connection.cursor() as cursor:
        cursor.execute(SLOW[connection.vendor].replace("50000000", "10").replace("(5)", "(0)"))
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def test_statements_within_the_limit_run():
    with limits.time_limit(30), connection.cursor() as cursor:
        cursor.execute("SELECT 2")
        assert cursor.fetchone() == (2,)


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="forcing PostgreSQL to overrun needs a slow statement; the test above covers it",
)
def test_a_search_over_the_limit_says_how_to_narrow_it(client, news_index, settings, monkeypatch):
    StoryPageFactory(parent=news_index, title="Summit opens in Vilnius")
    assert "Summit opens" in client.get("/en/search/?q=summit").text
    settings.NEWSROOM_SEARCH_TIME_LIMIT = 1e-9  # over before the first statement
    monkeypatch.setattr(limits, "PROGRESS_STEPS", 1)  # look at the clock at every step
    response = client.get("/en/search/?q=summit")
    assert response.status_code == 503 and response["Retry-After"] == "60"
    assert "took too long" in response.text and "Add another word" in response.text
    assert "Summit opens" not in response.text
    settings.NEWSROOM_SEARCH_TIME_LIMIT = 10
    assert "Summit opens" in client.get("/en/search/?q=summit").text
