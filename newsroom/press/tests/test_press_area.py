"""Accredited journalists sign in on the public site and read what is under embargo."""

import datetime

import feedparser
import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from newsroom.news.factories import StoryPageFactory
from newsroom.press.factories import embargo
from newsroom.press.models import AuditEntry

from .conftest import BANNER, PASSWORD, RELEASE

pytestmark = pytest.mark.django_db


def assert_private(response):
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control, cache_control


def test_journalist_sees_the_embargoed_list_with_the_banner(journalist, embargoed, news_index):
    not_shared = StoryPageFactory(parent=news_index, title="Scheduled but not shared", live=False)
    embargo(not_shared, RELEASE, share=False)
    response = journalist.get("/en/press/")
    page = response.content.decode()
    assert response.status_code == 200
    assert_private(response)
    assert BANNER in page
    assert embargoed.title in page and f"/en/press/items/{embargoed.pk}/" in page
    assert not_shared.title not in page
    assert "/en/press/feed/" in page  # the journalist's private feed addresses


def test_item_page_shows_the_banner_and_is_audited(journalist, embargoed, account):
    response = journalist.get(f"/en/press/items/{embargoed.pk}/", REMOTE_ADDR="198.51.100.7")
    page = response.content.decode()
    assert response.status_code == 200
    assert_private(response)
    assert BANNER in page and embargoed.teaser in page
    assert f"/en/press/items/{embargoed.pk}/images/large/" in page
    assert "/media/images/" not in page  # the listing image comes through the press area
    entry = AuditEntry.objects.get()
    assert (entry.user, entry.page_id, entry.channel) == (account.user, embargoed.pk, "page")
    assert entry.ip_address == "198.51.100.7" and entry.outlet == "Le Quotidien"


def test_french_banner(journalist, embargoed):
    page = journalist.get(f"/fr/presse/items/{embargoed.pk}/").content.decode()
    assert "SOUS EMBARGO jusqu’à 14 h 00 CET, le 17 novembre 2031" in page


def test_image_download_is_audited_and_private(journalist, embargoed):
    response = journalist.get(f"/en/press/items/{embargoed.pk}/images/wide/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
    assert_private(response)
    assert AuditEntry.objects.get().channel == "media"
    assert journalist.get(f"/en/press/items/{embargoed.pk}/images/huge/").status_code == 404


def test_ninjs_says_embargoed_until_and_follows_the_schema(journalist, embargoed):
    from newsroom.syndication.tests.test_ninjs import assert_valid, validator

    response = journalist.get(f"/en/press/items/{embargoed.pk}/ninjs.json")
    document = response.json()
    assert response.status_code == 200
    assert_private(response)
    assert document["embargoedUntil"] == RELEASE.isoformat()
    assert document["headlines"][0]["value"] == embargoed.title
    assert_valid(validator.__wrapped__(), document)
    assert AuditEntry.objects.get().channel == "ninjs"


def test_private_feeds_by_token(client, account, embargoed):
    atom = client.get(f"/en/press/feed/{account.feed_token}/atom/")
    assert atom.status_code == 200
    assert_private(atom)
    parsed = feedparser.parse(atom.content)
    [entry] = parsed.entries
    assert entry.title == embargoed.title
    assert entry.link.endswith(f"/en/press/items/{embargoed.pk}/")
    assert BANNER in entry.summary
    json_feed = client.get(f"/en/press/feed/{account.feed_token}/json/")
    assert_private(json_feed)
    [item] = json_feed.json()["items"]
    assert item["_embargo"]["embargoed_until"] == RELEASE.isoformat()
    assert "/media/" not in json_feed.content.decode()
    channels = sorted(AuditEntry.objects.values_list("channel", flat=True))
    assert channels == ["feed-atom", "feed-json"]
    assert set(AuditEntry.objects.values_list("user", flat=True)) == {account.user_id}


def test_wrong_rotated_and_revoked_tokens_get_a_clear_404(client, account, embargoed):
    old = account.feed_token
    for url in (
        "/en/press/feed/not-a-token/atom/",
        "/en/press/feed/not-a-token/json/",
        "/en/press/feed/a%00b/atom/",  # PostgreSQL refuses a NUL byte in a query
        f"/en/press/feed/{'x' * 65}/atom/",
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert_private(response)
        assert "This feed address is not valid" in response.content.decode()
        assert embargoed.title not in response.content.decode()
    account.rotate_token()
    assert client.get(f"/en/press/feed/{old}/atom/").status_code == 404
    assert client.get(f"/en/press/feed/{account.feed_token}/atom/").status_code == 200
    new = account.feed_token
    account.revoke_token()
    assert client.get(f"/en/press/feed/{new}/atom/").status_code == 404
    account.rotate_token()
    account.active = False
    account.save()
    assert client.get(f"/en/press/feed/{account.feed_token}/atom/").status_code == 404
    assert client.get(f"/en/press/feed/{account.feed_token}/rss/").status_code == 404


def test_anonymous_readers_are_sent_to_sign_in(client, embargoed):
    for url in ("/en/press/", f"/en/press/items/{embargoed.pk}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/press/sign-in/?next=")
        assert_private(response)
    page = client.get("/en/press/sign-in/").content.decode()
    assert embargoed.title not in page
    assert not AuditEntry.objects.exists()


def test_expired_session_says_so_and_returns_to_the_item(client, account, embargoed):
    client.cookies["sessionid"] = "expired-or-unknown-session"
    response = client.get(f"/en/press/items/{embargoed.pk}/", follow=True)
    page = response.content.decode()
    assert "Your session has ended. Sign in again" in page
    next_url = response.redirect_chain[-1][0].split("next=")[1]
    response = client.post(
        "/en/press/sign-in/",
        {
            "username": "journalist",
            "password": PASSWORD,
            "next": f"/en/press/items/{embargoed.pk}/",
        },
    )
    assert response["Location"] == f"/en/press/items/{embargoed.pk}/", next_url


def test_sign_in_refuses_wrong_passwords_and_accounts_without_accreditation(client, account):
    response = client.post("/en/press/sign-in/", {"username": "journalist", "password": "nope"})
    assert response.status_code == 200
    assert "Please enter a correct" in response.content.decode()
    get_user_model().objects.create_user("someone", password=PASSWORD)
    response = client.post("/en/press/sign-in/", {"username": "someone", "password": PASSWORD})
    assert "no active press accreditation" in response.content.decode()
    account.active = False
    account.save()
    response = client.post("/en/press/sign-in/", {"username": "journalist", "password": PASSWORD})
    assert "no active press accreditation" in response.content.decode()


def test_signed_in_people_without_accreditation_get_403(client, embargoed):
    user = get_user_model().objects.create_user("reader", password=PASSWORD)
    client.force_login(user)
    response = client.get(f"/en/press/items/{embargoed.pk}/")
    assert response.status_code == 403
    assert "no active press accreditation" in response.content.decode()
    assert embargoed.title not in response.content.decode()


def test_deactivating_an_account_closes_the_area_at_once(journalist, account, embargoed):
    account.active = False
    account.save()
    assert journalist.get(f"/en/press/items/{embargoed.pk}/").status_code == 403


def test_unknown_items_and_released_items(journalist, embargoed, news_index):
    draft = StoryPageFactory(parent=news_index, title="A plain draft", live=False)
    response = journalist.get(f"/en/press/items/{draft.pk}/")
    assert response.status_code == 404
    assert "No item under embargo has this address" in response.content.decode()
    assert journalist.get("/en/press/items/999999/").status_code == 404
    # Released: the press address leads to the public page.
    embargoed.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    embargoed.save_revision().publish()
    response = journalist.get(f"/en/press/items/{embargoed.pk}/")
    assert response.status_code == 302
    assert response["Location"] == embargoed.specific.url


def test_public_address_of_an_embargoed_item_is_404(client, embargoed):
    date = embargoed.display_date
    response = client.get(f"/en/news/{date:%Y/%m/%d}/{embargoed.slug}/")
    assert response.status_code == 404
    assert embargoed.title not in response.content.decode()


def test_sign_out(journalist):
    response = journalist.post("/en/press/sign-out/")
    assert response.status_code == 302
    assert journalist.get("/en/press/").status_code == 302
