"""The reader search through HTTP: its query language, facets, Did you mean, snippets,
suggestions, the API's q, and what readers may see (publish, unpublish, expiry, private
sections, scheduled and embargoed items), on the tantivy index in the test's data folder."""

import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from newsroom.news.factories import StoryPageFactory, VideoPageFactory
from newsroom.press.factories import embargo
from newsroom.search.engine import store
from newsroom.topics.factories import TopicPageFactory

pytestmark = pytest.mark.django_db


def titles(response):
    assert response.status_code == 200, response.status_code
    return [
        card.split("</a>")[0].split(">")[-1]
        for card in response.text.split('class="card__title"')[1:]
    ]


def story(news_index, title, teaser="A statement.", day=10, **kwargs):
    return StoryPageFactory(
        parent=news_index,
        title=title,
        teaser=teaser,
        display_date=datetime.date(2023, 11, day),
        **kwargs,
    )


@pytest.fixture
def archive(news_index, topic_index):
    defence = TopicPageFactory(parent=topic_index, title="Defence spending")
    found = {
        "council": story(
            news_index,
            "North Atlantic Council meets in Brussels",
            "Ambassadors of the North Atlantic Council met on Tuesday.",
            day=14,
            topics=[defence],
        ),
        "atlantic": story(
            news_index,
            "Atlantic exercise ends",
            "Ships from the North and the Baltic trained in the council's presence.",
            day=12,
        ),
        "kallas": story(news_index, "Kallas visits Tallinn", "Kaja Kallas met troops.", day=9),
        "stoltenberg": story(
            news_index, "Stoltenberg speaks in Oslo", "Jens Stoltenberg on readiness.", day=8
        ),
        "video": VideoPageFactory(
            parent=news_index,
            title="Video: Kallas and Stoltenberg",
            teaser="Both leaders on camera.",
            display_date=datetime.date(2022, 5, 3),
        ),
        "defence": defence,
    }
    store.apply_waiting()  # what the publishes' commits do (the test's transaction never commits)
    return found


def test_every_word_must_match(client, archive):
    assert titles(client.get("/en/search/?q=kallas+tallinn")) == ["Kallas visits Tallinn"]
    assert titles(client.get("/en/search/?q=kallas+oslo")) == []


def test_an_exact_phrase_matches_only_those_words_in_that_order(client, archive):
    found = titles(client.get('/en/search/?q="north atlantic council"'))
    assert found == ["North Atlantic Council meets in Brussels"]
    loose = set(titles(client.get("/en/search/?q=north+atlantic+council")))
    assert loose == {"North Atlantic Council meets in Brussels", "Atlantic exercise ends"}


def test_minus_leaves_out_and_or_takes_either(client, archive):
    assert set(titles(client.get("/en/search/?q=kallas+-video"))) == {"Kallas visits Tallinn"}
    either = set(titles(client.get("/en/search/?q=tallinn+OR+oslo")))
    assert either == {"Kallas visits Tallinn", "Stoltenberg speaks in Oslo"}
    # "or" in lower case is a word (a stop word, so ignored): both words must then match.
    assert titles(client.get("/en/search/?q=tallinn+or+oslo")) == []


def test_the_headline_weighs_more_than_the_teaser(client, archive):
    # "council" is in the first story's headline, and only in the second one's teaser.
    assert titles(client.get("/en/search/?q=council"))[0] == (
        "North Atlantic Council meets in Brussels"
    )


def test_only_stop_words_get_a_clear_message(client, archive):
    response = client.get("/en/search/?q=the+of+and")
    assert response.status_code == 200
    assert "made only of very common words" in response.text
    assert titles(response) == []


def test_no_word_at_all_gets_a_clear_message(client, archive):
    response = client.get('/en/search/?q=- OR "')
    assert response.status_code == 200
    assert "has no word to look for" in response.text
    assert titles(response) == []


def test_total_and_facets_narrow_the_search(client, archive):
    response = client.get("/en/search/?q=kallas")
    assert "2 results for “kallas”" in response.text
    assert 'aria-label="Narrow the search"' in response.text
    assert '<a href="?q=kallas&amp;type=video">Video</a> <span class="facets__count">1' in (
        response.text
    )
    assert "?q=kallas&amp;from=2022-01-01&amp;to=2022-12-31" in response.text
    narrowed = client.get("/en/search/?q=kallas&type=video")
    assert titles(narrowed) == ["Video: Kallas and Stoltenberg"]
    by_year = client.get("/en/search/?q=kallas&from=2023-01-01&to=2023-12-31")
    assert titles(by_year) == ["Kallas visits Tallinn"]
    by_topic = client.get("/en/search/?q=council")
    assert "?q=council&amp;topic=defence-spending" in by_topic.text
    assert ">Defence spending</a>" in by_topic.text


def test_did_you_mean_offers_a_word_of_the_items(client, archive):
    response = client.get("/en/search/?q=stoltenbreg")
    assert titles(response) == []
    assert 'Did you mean <a href="?q=Stoltenberg"><em>Stoltenberg</em></a>?' in response.text
    assert "Did you mean" not in client.get("/en/search/?q=zzzzqqq").text


def test_a_body_match_is_shown_as_a_highlighted_snippet(client, news_index):
    StoryPageFactory(
        parent=news_index,
        title="Ministers meet",
        teaser="A short teaser.",
        body=[("paragraph", "<p>In the afternoon the interoperability roadmap was agreed.</p>")],
    )
    html = client.get("/en/search/?q=roadmap").text
    assert "the interoperability <mark>roadmap</mark> was agreed." in html
    assert 'class="card__snippet"' in html


def test_newest_first(client, archive):
    found = titles(client.get("/en/search/?q=kallas+OR+stoltenberg&sort=newest"))
    assert found == [
        "Kallas visits Tallinn",
        "Stoltenberg speaks in Oslo",
        "Video: Kallas and Stoltenberg",
    ]


def test_suggestions_while_typing(client, archive):
    data = client.get("/en/search/suggest/?q=stolt").json()
    assert data["query"] == "stolt"
    assert {s["title"] for s in data["suggestions"]} == {
        "Stoltenberg speaks in Oslo",
        "Video: Kallas and Stoltenberg",
    }
    url = next(s["url"] for s in data["suggestions"] if s["title"].startswith("Stoltenberg"))
    assert client.get(url).status_code == 200
    assert client.get("/en/search/suggest/?q=video+kal").json()["suggestions"] == [
        {"title": "Video: Kallas and Stoltenberg", "url": archive["video"].url}
    ]
    assert client.get("/en/search/suggest/?q=").json()["suggestions"] == []
    assert client.get("/en/search/suggest/?q=%00%22*").json()["suggestions"] == []


def test_the_api_uses_the_same_engine(client, archive):
    data = client.get("/api/v1/items/", {"q": '"north atlantic council"'}).json()
    assert [item["title"] for item in data["results"]] == [
        "North Atlantic Council meets in Brussels"
    ]
    data = client.get("/api/v1/items/", {"q": "kallas -video"}).json()
    assert [item["title"] for item in data["results"]] == ["Kallas visits Tallinn"]
    assert data["count"] == 1


BAD_QUERIES = [
    '"unbalanced quote',
    'kallas "',
    '- OR "',
    "-",
    "OR",
    " ".join(["word"] * 200),
    "x" * 10_000,
    "kallas\x00tallinn",
    "\x00",
    "NEAR(kallas tallinn)",
    "kal*",
    "kallas:*",
    "kallas & | ! tallinn",
    "'; DROP TABLE wagtailcore_page; --",
    '<script>alert("x")</script>',
    "title:kallas AND body:(x",
    "((((((",
    "%",
    "\\",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_input_gets_a_helpful_page(client, archive, query):
    for url in ("/en/search/", "/fr/recherche/", "/en/news/", "/api/v1/items/"):
        response = client.get(url, {"q": query})
        assert response.status_code < 500, (url, query, response.status_code)
        text = response.content.decode()
        for engine_text in ("tantivy", "Traceback", "syntax error", "fts5", "tsquery"):
            assert engine_text not in text.lower(), (url, query, engine_text)
    assert client.get("/en/search/suggest/", {"q": query}).status_code == 200


def test_page_numbers_out_of_range(client, archive):
    assert titles(client.get("/en/search/?q=kallas&page=0")) != []  # page 0 is page 1
    past = client.get("/en/search/?q=kallas&page=3")
    assert past.status_code == 404
    assert "There is no page 3 here" in past.text
    assert client.get("/en/search/?q=kallas&page=-1").status_code == 200
    assert client.get("/en/search/?q=kallas&page=99999999999999999999").status_code in (200, 404)


# --- what readers may see --------------------------------------------------------------------
def test_a_published_item_is_found_at_once_and_an_unpublished_one_is_gone(
    client, news_index, admin_user
):
    item = story(news_index, "Zephyrine plan unveiled", live=False)
    assert titles(client.get("/en/search/?q=zephyrine")) == []  # a draft
    item.save_revision().publish()
    assert titles(client.get("/en/search/?q=zephyrine")) == ["Zephyrine plan unveiled"]
    assert client.get("/en/search/suggest/?q=zephyr").json()["suggestions"]
    client.force_login(admin_user)
    response = client.post(f"/admin/pages/{item.pk}/unpublish/")
    assert response.status_code == 302
    client.logout()
    assert titles(client.get("/en/search/?q=zephyrine")) == []
    assert client.get("/en/search/suggest/?q=zephyr").json()["suggestions"] == []
    assert "Zephyrine" not in client.get("/en/search/?q=zephyrin").text  # nor a spelling


def test_a_draft_of_a_live_item_is_not_searchable(client, news_index):
    item = story(news_index, "Original headline about quorums")
    item.title = "Unreleased wording about filibusters"
    item.save_revision()  # saved, not published
    assert titles(client.get("/en/search/?q=quorums")) == ["Original headline about quorums"]
    assert titles(client.get("/en/search/?q=filibusters")) == []


def test_an_expired_item_is_gone_at_once(client, news_index, django_capture_on_commit_callbacks):
    item = story(news_index, "Marmalade briefing")
    item.expire_at = timezone.now() + datetime.timedelta(minutes=5)
    with django_capture_on_commit_callbacks(execute=True):  # the publish's new generation
        item.save_revision().publish()
    assert titles(client.get("/en/search/?q=marmalade")) == ["Marmalade briefing"]
    # Past the expiry time (the clock moved on; no wait that a busy machine could overrun),
    # and the scheduler has not run.
    later = item.expire_at + datetime.timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert titles(client.get("/en/search/?q=marmalade")) == []
        assert client.get("/en/search/suggest/?q=marmal").json()["suggestions"] == []


def test_an_item_moved_into_a_private_section_is_gone(client, news_index, home):
    story(news_index, "Quetzal accord signed")
    assert titles(client.get("/en/search/?q=quetzal")) == ["Quetzal accord signed"]
    restriction = PageViewRestriction.objects.create(
        page=news_index, restriction_type="password", password="x"
    )
    assert titles(client.get("/en/search/?q=quetzal")) == []
    assert client.get("/en/search/suggest/?q=quetz").json()["suggestions"] == []
    restriction.delete()
    assert titles(client.get("/en/search/?q=quetzal")) == ["Quetzal accord signed"]


def test_scheduled_and_embargoed_items_are_found_only_once_public(client, news_index):
    later = timezone.now() + datetime.timedelta(minutes=5)
    embargo(story(news_index, "Pangolin treaty", live=False), later, share=False)
    embargo(story(news_index, "Pangolin embargoed release", live=False), later)
    assert titles(client.get("/en/search/?q=pangolin")) == []
    assert client.get("/en/search/suggest/?q=pangol").json()["suggestions"] == []
    assert client.get("/api/v1/items/?q=pangolin").json()["count"] == 0
    # Their time comes (the clock moved on: no wait that a busy machine could overrun), and
    # the scheduler's command publishes them.
    with mock.patch(
        "django.utils.timezone.now", return_value=later + datetime.timedelta(seconds=1)
    ):
        call_command("publish_scheduled")
    assert set(titles(client.get("/en/search/?q=pangolin"))) == {
        "Pangolin treaty",
        "Pangolin embargoed release",
    }


# --- the index itself -------------------------------------------------------------------------
def test_rebuild_command_and_a_missing_or_damaged_index_heals(client, archive, settings, capsys):
    call_command("search_index", "rebuild")
    captured = capsys.readouterr()
    assert "5/5 items" in captured.err and "holds 5 items" in captured.out
    call_command("search_index", "status")
    assert "5 items indexed, 5 visible" in capsys.readouterr().out
    folder = store.root()
    current = folder / (folder / "CURRENT").read_text()
    (current / "meta.json").write_text("{ damaged")
    store._opened.clear()  # as a new worker process would start
    assert titles(client.get("/en/search/?q=tallinn")) == ["Kallas visits Tallinn"]
    for part in folder.iterdir():
        if part.is_dir():
            for file in part.iterdir():
                file.unlink()
            part.rmdir()
    (folder / "CURRENT").unlink()
    store._opened.clear()
    assert titles(client.get("/en/search/?q=tallinn")) == ["Kallas visits Tallinn"]
    call_command("search_index", "status")
    assert "5 items indexed" in capsys.readouterr().out


def test_while_the_index_is_rebuilt_elsewhere_search_uses_the_database(client, archive, settings):
    settings.NEWSROOM_SEARCH_REBUILD = "background"
    folder = store.root()
    (folder / "CURRENT").unlink()
    store._opened.clear()
    (folder / "rebuilding").write_text("1")  # pid 1 lives: another process is rebuilding
    assert titles(client.get("/en/search/?q=tallinn")) == ["Kallas visits Tallinn"]
    (folder / "rebuilding").unlink()


def test_a_write_with_no_index_leaves_nothing_partial_behind(client, archive, settings, news_index):
    # A short-lived process (`newsroom generate`, a restore) that writes while there is no
    # index and ends before its background rebuild is done (here: the rebuild cannot start)
    # must not leave an index of its few items that later searches would take as whole.
    settings.NEWSROOM_SEARCH_REBUILD = "background"
    folder = store.root()
    (folder / "CURRENT").unlink()
    store._opened.clear()
    assert store._healing.acquire(blocking=False)
    try:
        story(news_index, "Quokka census published")
        assert not (folder / "CURRENT").exists()
        assert titles(client.get("/en/search/?q=tallinn")) == ["Kallas visits Tallinn"]
    finally:
        store._healing.release()
    store.rebuild()  # what the next process's first search starts
    assert titles(client.get("/en/search/?q=quokka")) == ["Quokka census published"]
    assert titles(client.get("/en/search/?q=tallinn")) == ["Kallas visits Tallinn"]
    assert not (folder / "journal").exists()


def test_with_the_database_engine_readers_search_the_database_and_get_no_stale_suggestions(
    client, archive, settings
):
    # What several app servers run (NEWSROOM_SEARCH_ENGINE=database): no per-server index.
    settings.NEWSROOM_SEARCH_ENGINE = "database"
    settings.WAGTAILSEARCH_BACKENDS = {
        name: backend
        for name, backend in settings.WAGTAILSEARCH_BACKENDS.items()
        if name != "reader"
    }
    found = titles(client.get("/en/search/?q=Kallas"))
    assert sorted(found) == ["Kallas visits Tallinn", "Video: Kallas and Stoltenberg"]
    found = client.get("/en/search/suggest/?q=Kall").json()
    assert found["suggestions"] == []
