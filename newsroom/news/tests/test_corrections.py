"""Corrections and withdrawals, through the admin as an editor posts it and through HTTP as
readers, feeds and machines read it: public change notes ("Updates to this page") and
withdrawn items (410 with a notice)."""

import zoneinfo

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from newsroom.news.models import ChangeNote, NewsIndexPage, StoryPage

pytestmark = pytest.mark.django_db
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
NOTE = "Corrected the day of the ministerial meeting."


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", password="long-enough-password")
    client.force_login(user)
    return user


def story_form(page=None, **overrides):
    """The story form as a browser posts it: the page's latest version, or a new story."""
    if page is not None:
        page = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
        fields = {
            "title": page.title,
            "slug": page.slug,
            "display_date": page.display_date.isoformat(),
            "dateline": page.dateline,
            "teaser": page.teaser,
            "body": streamfield(
                [(block.block_type, rich_text(block.value.source)) for block in page.body]
            ),
            "change_note": page.change_note,
        }
    else:
        fields = {
            "title": "Ministers meet in Brussels",
            "slug": "ministers-meet",
            "display_date": "2023-11-17",
            "dateline": "Brussels",
            "teaser": "Ministers meet on 20 November.",
            "body": streamfield([("paragraph", rich_text("<p>The meeting is on Monday.</p>"))]),
        }
    fields.update(
        {"related_links": inline_formset([]), "comments": inline_formset([])}, **overrides
    )
    fields.setdefault("action-publish", "publish")
    tell = fields.pop("tell_recipients", False)
    topics = fields.pop("topics", [])
    form = nested_form_data(fields)
    form["topics"] = topics  # a multiple choice: a list, not a nested form
    if tell:
        form["tell_recipients"] = "on"  # a ticked checkbox; an unticked one is not posted
    return form


def publish_new_story(client, news_index, **overrides):
    response = client.post(
        f"/admin/pages/add/news/storypage/{news_index.pk}/", story_form(**overrides)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return StoryPage.objects.get(slug=overrides.get("slug", "ministers-meet"))


def edit(client, page, **overrides):
    return client.post(f"/admin/pages/{page.pk}/edit/", story_form(page, **overrides))


def updates_section(html):
    assert "Updates to this page" in html or "Mises à jour de cette page" in html, html[-3000:]
    return html.split('class="item__updates"')[1].split("</section>")[0]


# --- change notes -------------------------------------------------------------------------------
def test_a_note_published_with_an_item_is_shown_once_with_its_time(client, editor, news_index):
    story = publish_new_story(client, news_index)
    assert "Updates to this page" not in client.get(story.url).text

    response = edit(client, story, teaser="Ministers meet on 21 November.", change_note=NOTE)
    assert response.status_code == 302, response.content.decode()[:3000]
    story.refresh_from_db()
    note = ChangeNote.objects.get()
    assert (note.page_id, note.revision_id, note.text) == (story.pk, story.live_revision_id, NOTE)
    assert note.published_at == story.last_updated_at == story.last_published_at
    section = updates_section(client.get(story.url).text)
    local = note.published_at.astimezone(BRUSSELS)
    assert NOTE in section
    assert f"{local.day} {local:%B %Y}, {local:%H:%M}" in section
    assert "First published." in section

    # The editor opens the form again: the note is not offered for the next publication.
    form = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert NOTE not in form
    assert story.get_latest_revision_as_object().change_note == ""

    # A second publish without a note: still one note, not repeated.
    assert edit(client, story, dateline="Brussels, Belgium").status_code == 302
    story.refresh_from_db()
    assert ChangeNote.objects.count() == 1
    assert client.get(story.url).text.count(NOTE) == 1

    # A second note: both, newest first.
    assert edit(client, story, change_note="Added the venue.").status_code == 302
    section = updates_section(client.get(story.url).text)
    assert section.index("Added the venue.") < section.index(NOTE) < section.index("First")


def test_a_note_alone_is_a_visible_update(client, editor, news_index):
    story = publish_new_story(client, news_index)
    assert story.last_updated_at is None
    assert edit(client, story, change_note="Clarified who attends.").status_code == 302
    story.refresh_from_db()
    assert story.last_updated_at == story.last_published_at
    assert "Last updated:" in client.get(story.url).text


def test_a_draft_keeps_its_note_until_it_is_published(client, editor, news_index):
    story = publish_new_story(client, news_index)
    draft = story_form(story, change_note=NOTE)
    del draft["action-publish"]
    assert client.post(f"/admin/pages/{story.pk}/edit/", draft).status_code == 302
    assert not ChangeNote.objects.exists()
    assert NOTE not in client.get(story.url).text
    assert NOTE in client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert edit(client, story).status_code == 302  # publishes the draft, note and all
    assert ChangeNote.objects.get().text == NOTE


def test_the_french_item_shows_its_notes_in_french(client, editor, news_index):
    french_index = NewsIndexPage.objects.get(locale__language_code="fr")
    story = publish_new_story(
        client, french_index, title="Réunion des ministres", slug="reunion-des-ministres"
    )
    assert edit(client, story, change_note="Date de la réunion corrigée.").status_code == 302
    html = client.get(story.url).text
    section = updates_section(html)
    assert "Mises à jour de cette page" in html
    local = ChangeNote.objects.get().published_at.astimezone(BRUSSELS)
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août"]
    months += ["septembre", "octobre", "novembre", "décembre"]
    assert f"{local.day} {months[local.month - 1]} {local.year}, {local:%H:%M}" in section
    assert "Date de la réunion corrigée." in section and "Première publication." in section


def test_bad_notes_get_a_clear_message_and_keep_the_input(client, editor, news_index):
    story = publish_new_story(client, news_index)
    revisions = story.revisions.count()
    response = edit(client, story, title="Ministers meet again", change_note="x" * 501)
    assert response.status_code == 200
    html = response.content.decode()
    assert "at most 500 characters (it has 501)" in html
    assert 'value="Ministers meet again"' in html
    response = edit(client, story, tell_recipients=True)
    assert response.status_code == 200
    assert "Write the change note that should be sent" in response.content.decode()
    assert story.revisions.count() == revisions and not ChangeNote.objects.exists()

    # A first publication has nothing to correct.
    response = client.post(
        f"/admin/pages/add/news/storypage/{news_index.pk}/",
        story_form(slug="brand-new", change_note=NOTE),
    )
    assert response.status_code == 200
    assert "this one has never been published" in response.content.decode()
