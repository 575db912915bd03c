"""The press office in the Wagtail admin: numbering, read-only numbers, time zones, the
"last updated" rule, validation and the press officer review workflow."""

import datetime
import zoneinfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Workflow, WorkflowPage
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from newsroom.news.factories import PressReleasePageFactory
from newsroom.news.models import (
    MediaAdvisoryPage,
    NewsIndexPage,
    PressReleaseCounter,
    PressReleasePage,
    StoryPage,
)
from newsroom.news.workflow import ensure_press_review

pytestmark = pytest.mark.django_db
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("editor", password="long-enough-password")
    client.force_login(user)
    return user


def item_form(**overrides):
    data = {
        "title": "Allies agree new support package",
        "slug": "new-support-package",
        "display_date": "2023-11-17",
        "dateline": "Brussels",
        "teaser": "Allies agreed a package of support on Friday.",
        "body": streamfield([("paragraph", rich_text("<p>The package was agreed today.</p>"))]),
        "related_links": inline_formset([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    form = nested_form_data(data)
    form["topics"] = []
    return form


def advisory_form(**overrides):
    fields = {
        "title": "Press conference by the Secretary General",
        "slug": "press-conference",
        "event_start": "2023-11-20 10:00",
        "event_end": "2023-11-20 11:00",
        "venue": "NATO Headquarters, press room",
        "access": "open",
        "event_status": "scheduled",  # the select's first choice, which a browser posts
        "accreditation_deadline": "2023-11-19 17:00",
        "accreditation_instructions": rich_text("<p>Register online.</p>"),
    }
    fields.update(overrides)
    return item_form(**fields)


def edit_form(page, **overrides):
    """The edit form as the admin would post it back, unchanged unless overridden."""
    page = page.get_latest_revision_as_object()
    body = [(block.block_type, rich_text(block.value.source)) for block in page.body]
    fields = {
        "title": page.title,
        "slug": page.slug,
        "display_date": page.display_date.isoformat(),
        "dateline": page.dateline,
        "teaser": page.teaser,
        "body": streamfield(body),
    }
    fields.update(overrides)
    return item_form(**fields)


def publish_through_admin(client, news_index, **overrides):
    response = client.post(
        f"/admin/pages/add/news/pressreleasepage/{news_index.pk}/", item_form(**overrides)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return PressReleasePage.objects.get(slug=overrides.get("slug", "new-support-package"))


def test_numbers_are_given_at_first_publication_and_shown_read_only(client, editor, news_index):
    draft = item_form(slug="a-draft")
    del draft["action-publish"]
    client.post(f"/admin/pages/add/news/pressreleasepage/{news_index.pk}/", draft)
    unpublished = PressReleasePage.objects.get(slug="a-draft")
    assert unpublished.release_number is None
    form = client.get(f"/admin/pages/{unpublished.pk}/edit/").content.decode()
    assert "Given at first publication" in form
    assert 'name="release_number"' not in form

    first = publish_through_admin(client, news_index, slug="first")
    second = publish_through_admin(client, news_index, slug="second")
    year = datetime.datetime.now(BRUSSELS).year
    assert (first.release_year, first.release_number) == (year, 1)
    assert (second.release_year, second.release_number) == (year, 2)
    form = client.get(f"/admin/pages/{second.pk}/edit/").content.decode()
    assert 'name="release_number"' not in form
    assert 'aria-readonly="true">\n    2\n</div>' in form
    assert f"Press Release ({year}) 2" in client.get(second.url).text


def test_numbers_are_never_reused(client, editor, news_index):
    first = publish_through_admin(client, news_index, slug="first")
    second = publish_through_admin(client, news_index, slug="second")
    # Unpublish and publish again: the release keeps its number.
    assert client.post(f"/admin/pages/{first.pk}/unpublish/").status_code == 302
    assert client.post(f"/admin/pages/{first.pk}/edit/", edit_form(first)).status_code == 302
    first.refresh_from_db()
    assert first.live and first.release_number == 1
    # Deleting the newest release does not give its number to the next one.
    assert client.post(f"/admin/pages/{second.pk}/delete/").status_code == 302
    third = publish_through_admin(client, news_index, slug="third")
    assert third.release_number == 3
    assert PressReleaseCounter.objects.get().last_number == 3


def test_a_copy_is_a_new_release_with_its_own_number(client, editor, news_index):
    release = publish_through_admin(client, news_index, slug="original")
    response = client.post(
        f"/admin/pages/{release.pk}/copy/",
        {
            "new_title": "A copy",
            "new_slug": "a-copy",
            "new_parent_page": news_index.pk,
            "publish_copies": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    copy = PressReleasePage.objects.get(slug="a-copy")
    assert copy.live and copy.release_number == 2
    release.refresh_from_db()
    assert release.release_number == 1


def test_a_crafted_post_cannot_change_a_number_and_loses_nothing(client, editor, news_index):
    release = publish_through_admin(client, news_index, slug="release")
    revisions = release.revisions.count()
    form = edit_form(release, title="A headline the editor just improved")
    form["release_number"] = "99"
    form["release_year"] = "2020"
    response = client.post(f"/admin/pages/{release.pk}/edit/", form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "A press release number is given once, at first publication, and never changes" in html
    assert "Press Release (" in html and ") 1 keeps its number" in html
    assert 'value="A headline the editor just improved"' in html  # the editor's input is kept
    release.refresh_from_db()
    assert (release.release_number, release.revisions.count()) == (1, revisions)
    assert release.title == "Allies agree new support package"

    # Sending a number when creating a release is refused the same way.
    form = item_form(slug="crafted", release_number="7")
    response = client.post(f"/admin/pages/add/news/pressreleasepage/{news_index.pk}/", form)
    assert response.status_code == 200
    assert not PressReleasePage.objects.filter(slug="crafted").exists()


def test_last_updated_only_when_what_readers_see_changes(client, editor, news_index):
    response = client.post(f"/admin/pages/add/news/storypage/{news_index.pk}/", item_form())
    assert response.status_code == 302
    story = StoryPage.objects.get()
    assert story.last_updated_at is None

    # Publishing the form again as it is: nothing visible changed.
    assert client.post(f"/admin/pages/{story.pk}/edit/", edit_form(story)).status_code == 302
    story.refresh_from_db()
    assert story.last_updated_at is None
    assert "Last updated" not in client.get(story.url).text

    # An SEO field is not what readers of the page see either.
    form = edit_form(story, search_description="For search engines")
    assert client.post(f"/admin/pages/{story.pk}/edit/", form).status_code == 302
    story.refresh_from_db()
    assert story.last_updated_at is None

    form = edit_form(story, teaser="Allies agreed a larger package of support on Friday.")
    assert client.post(f"/admin/pages/{story.pk}/edit/", form).status_code == 302
    story.refresh_from_db()
    assert story.last_updated_at == story.last_published_at
    updated = story.last_updated_at
    line = client.get(story.url).text.split('class="item__dates"')[1].split("</p>")[0]
    local = updated.astimezone(BRUSSELS)
    assert "Last updated:" in line and local.strftime("%H:%M") in line

    # A draft saved later and a re-publish of the same text keep the date.
    draft = edit_form(story)
    del draft["action-publish"]
    assert client.post(f"/admin/pages/{story.pk}/edit/", draft).status_code == 302
    assert client.post(f"/admin/pages/{story.pk}/edit/", edit_form(story)).status_code == 302
    story.refresh_from_db()
    assert story.last_updated_at == updated

    # A change in the body counts.
    body = streamfield([("paragraph", rich_text("<p>The package was agreed today, 17 Nov.</p>"))])
    assert client.post(f"/admin/pages/{story.pk}/edit/", edit_form(story, body=body)).status_code
    story.refresh_from_db()
    assert story.last_updated_at > updated


def test_press_release_shows_issued_and_last_updated_after_an_edit(client, editor, news_index):
    release = PressReleasePageFactory(
        parent=news_index,
        slug="statement",
        first_published_at=datetime.datetime(2023, 11, 17, 13, 2, tzinfo=datetime.UTC),
    )
    release.save_revision().publish()
    form = edit_form(release, title="Statement by the North Atlantic Council")
    assert client.post(f"/admin/pages/{release.pk}/edit/", form).status_code == 302
    release.refresh_from_db()
    html = client.get(release.url).text
    assert "Press Release (2023) 1" in html and ">17 Nov. 2023</time>" in html
    shown = release.last_updated_at.astimezone(BRUSSELS).strftime("%H:%M")
    assert f"{shown}</time>" in html.split("Last updated:")[1].split("</p>")[0]


def test_editors_see_the_organisation_time_zone(client, editor, news_index):
    form = client.get(f"/admin/pages/add/news/mediaadvisorypage/{news_index.pk}/").content.decode()
    assert form.count("Brussels time (Europe/Brussels)") >= 3  # start, end, deadline + heading


def test_advisory_times_are_read_in_brussels_time(client, editor, news_index):
    response = client.post(
        f"/admin/pages/add/news/mediaadvisorypage/{news_index.pk}/", advisory_form()
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    advisory = MediaAdvisoryPage.objects.get()
    assert advisory.event_start == datetime.datetime(2023, 11, 20, 9, 0, tzinfo=datetime.UTC)
    assert "20 November 2023, 10:00 CET" in client.get(advisory.url).text


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"event_end": "2023-11-20 09:00"}, "event_end", "The event cannot end before it starts."),
        (
            {"accreditation_deadline": "2023-11-21 09:00"},
            "accreditation_deadline",
            "The accreditation deadline must come before the event starts.",
        ),
        # 02:30 on 26 March 2023 never happened in Brussels (clocks jumped from 02:00 to 03:00),
        # and 02:30 on 29 October 2023 happened twice: both are refused, with the zone named.
        (
            {"event_start": "2023-03-26 02:30", "event_end": "", "accreditation_deadline": ""},
            "event_start",
            "couldn’t be interpreted in time zone Europe/Brussels",
        ),
        (
            {"event_start": "2023-10-29 02:30", "event_end": "", "accreditation_deadline": ""},
            "event_start",
            "couldn’t be interpreted in time zone Europe/Brussels",
        ),
    ],
)
def test_bad_advisory_times_get_a_clear_message_and_keep_the_input(
    client, editor, news_index, fields, field, message
):
    response = client.post(
        f"/admin/pages/add/news/mediaadvisorypage/{news_index.pk}/", advisory_form(**fields)
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'value="NATO Headquarters, press room"' in html  # nothing typed is lost
    assert not MediaAdvisoryPage.objects.exists()


def test_a_speech_needs_a_speaker(client, editor, news_index):
    form = item_form(event="Riga Conference", speaker_name="")
    response = client.post(f"/admin/pages/add/news/speechpage/{news_index.pk}/", form)
    assert response.status_code == 200
    assert "Choose the speaker from the people, or type their name." in response.content.decode()


def test_setup_creates_the_review_workflow_once_for_every_language(home):
    call_command("newsroom_setup", stdout=open("/dev/null", "w"))  # noqa: SIM115
    ensure_press_review()  # running it again adds nothing
    workflow = Workflow.objects.get(name="Press officer review")
    officers = Group.objects.get(name="Press officers")
    [task] = [step.task.specific for step in workflow.workflow_tasks.all()]
    assert list(task.groups.all()) == [officers]
    indexes = NewsIndexPage.objects.all()
    assert indexes.count() == 2  # English and French
    assert all(WorkflowPage.objects.get(page=index).workflow == workflow for index in indexes)
    assert officers.page_permissions.filter(page__in=indexes).count() == 6


def test_an_editor_submits_and_a_press_officer_approves(client, home, news_index):
    ensure_press_review()
    User = get_user_model()
    writer = User.objects.create_user("writer", password="long-enough-password")
    writer.groups.add(Group.objects.get(name="Editors"))
    officer = User.objects.create_user("officer", password="long-enough-password")
    officer.groups.add(Group.objects.get(name="Press officers"))

    client.force_login(writer)
    form = item_form(slug="for-review")
    del form["action-publish"]
    form["action-submit"] = "submit"
    response = client.post(f"/admin/pages/add/news/storypage/{news_index.pk}/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    story = StoryPage.objects.get(slug="for-review")
    assert not story.live
    state = story.current_workflow_state
    assert state.workflow.name == "Press officer review" and state.status == "in_progress"
    client.logout()
    assert client.get("/en/news/2023/11/17/for-review/").status_code == 404

    client.force_login(officer)
    dashboard = client.get("/admin/").content.decode()
    assert "Allies agree new support package" in dashboard  # waiting for their review
    task_state = state.current_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{story.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    assert response.status_code in (200, 302)
    story.refresh_from_db()
    assert story.live
    state.refresh_from_db()
    assert state.status == "approved"
    client.logout()
    assert client.get(story.url).status_code == 200
