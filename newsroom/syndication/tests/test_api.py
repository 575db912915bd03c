"""The public API through HTTP, as a client uses it: filters, pagination, errors, ETags, limits."""

import datetime

import pytest
from django.utils import timezone


@pytest.fixture
def newsroom(story, video, topic, person, place):
    return {"story": story, "video": video, "topic": topic, "person": person, "place": place}


def ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def test_items_list_newest_first_with_everything_a_client_needs(client, newsroom):
    response = client.get("/api/v1/items/")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["count"] == 2 and data["pages"] == 1 and data["next"] is None
    story = data["results"][0]
    assert story["id"] == newsroom["story"].pk and story["type"] == "story"
    assert story["url"] == f"http://testserver{newsroom['story'].url}"
    assert story["topics"][0]["slug"] == newsroom["topic"].slug
    assert story["people"][0]["url"] == "http://testserver/en/people/jens-stoltenberg/"
    assert story["places"] == [{"iso_code": "BE", "name": "Belgium"}]
    assert story["image"]["thumbnail"]["width"] == 480
    assert client.get(story["links"]["self"]).json()["body_html"].startswith("<div")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=story", ["story"]),
        ("type=video", ["video"]),
        ("topic=ukraine-allies", ["story", "video"]),
        ("person=jens-stoltenberg", ["story"]),
        ("place=BE", ["story"]),
        ("place=be", ["story"]),
        ("from=TODAY", ["story"]),
        ("to=YESTERDAY", ["video"]),
        ("from=YESTERDAY&to=YESTERDAY", ["video"]),
        ("q=Steadfast", ["video"]),
        ("q=partners&type=story", ["story"]),
        ("q=Ελλάδα", ["story"]),
        ("q=Steadfast&type=story", []),
        ("q=", ["story", "video"]),  # no keywords; any other parameter empty is a 400
    ],
)
def test_filters(client, newsroom, query, expected):
    today = timezone.localdate()
    query = query.replace("TODAY", today.isoformat()).replace(
        "YESTERDAY", (today - datetime.timedelta(days=1)).isoformat()
    )
    assert ids(client.get(f"/api/v1/items/?{query}")) == [newsroom[name].pk for name in expected]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("type=speech-to-the-moon", "type"),
        ("topic=no%20such%20topic", "topic"),
        ("person=%00", "person"),
        ("place=Belgium", "place"),
        ("from=yesterday", "from"),
        ("to=2023-13-45", "to"),
        ("from=2023-12-01&to=2023-11-01", "to"),
        ("q=" + "x" * 201, "q"),
        ("q=%00", "q"),
        ("page=abc", "page"),
        ("page=0", "page"),
        ("page=-1", "page"),
        ("page_size=101", "page_size"),
        ("page_size=0", "page_size"),
        ("lang=xx", "lang"),
        ("lang=", "lang"),
        ("type=", "type"),
        ("page_size=", "page_size"),
        ("topic=&type=story", "topic"),
    ],
)
def test_bad_parameters_are_400_with_a_reason(client, newsroom, query, field):
    response = client.get(f"/api/v1/items/?{query}")
    assert response.status_code == 400, query
    error = response.json()["error"]
    assert error["status"] == 400 and error["message"]
    assert field in error["fields"] or field in error["message"]


@pytest.mark.parametrize(
    ("query", "field"),
    [("topic=no-such-topic", "topic"), ("person=nobody", "person"), ("place=ZZ", "place")],
)
def test_a_filter_naming_nothing_is_404_with_a_reason(client, newsroom, query, field):
    response = client.get(f"/api/v1/items/?{query}")
    assert response.status_code == 404, query
    assert field in response.json()["error"]["fields"]


def test_unknown_parameters_are_refused(client, newsroom):
    response = client.get("/api/v1/items/?tpye=story")
    assert response.status_code == 400
    assert "tpye" in response.json()["error"]["message"]


def test_pagination(client, newsroom, many_items):
    many_items(23)
    first = client.get("/api/v1/items/?page_size=10").json()
    assert first["count"] == 25 and first["pages"] == 3 and first["previous"] is None
    seen = []
    page = first
    while True:
        seen += [item["id"] for item in page["results"]]
        if not page["next"]:
            break
        page = client.get(page["next"]).json()
    assert len(seen) == len(set(seen)) == 25
    assert page["page"] == 3 and page["previous"].endswith("page=2")
    too_far = client.get("/api/v1/items/?page=4&page_size=10")
    assert too_far.status_code == 404
    assert "3 page(s)" in too_far.json()["error"]["message"]


def test_item_detail_and_missing_items(client, newsroom):
    video = client.get(f"/api/v1/items/{newsroom['video'].pk}/").json()
    assert video["video"]["external_url"] == "https://video.example.org/watch/12345"
    assert video["video"]["duration_seconds"] == 205
    story = client.get(f"/api/v1/items/{newsroom['story'].pk}/").json()
    assert story["video"] is None
    for bad in ("999999", "abc", "0", "1e3", "99999999999999999999999"):
        response = client.get(f"/api/v1/items/{bad}/")
        assert response.status_code == 404, bad
        assert response.json()["error"]["message"]
    assert client.get(f"/api/v1/items/{newsroom['topic'].pk}/").status_code == 404


def test_topics_and_people(client, newsroom):
    topics = client.get("/api/v1/topics/").json()
    assert [topic["slug"] for topic in topics["results"]] == ["ukraine-allies"]
    topic = client.get("/api/v1/topics/ukraine-allies/").json()
    assert topic["links"]["feeds"]["rss"] == "http://testserver/en/topics/ukraine-allies/feed/rss/"
    assert ids(client.get(topic["links"]["items"])) == [
        newsroom["story"].pk,
        newsroom["video"].pk,
    ]
    people = client.get("/api/v1/people/").json()
    assert people["results"][0]["name"] == "Jens Stoltenberg"
    person = client.get("/api/v1/people/jens-stoltenberg/").json()
    assert person["url"] == "http://testserver/en/people/jens-stoltenberg/"
    assert ids(client.get(person["links"]["items"])) == [newsroom["story"].pk]
    for url in ("/api/v1/topics/nothing/", "/api/v1/people/nobody/", "/api/v1/nothing/"):
        response = client.get(url)
        assert response.status_code == 404 and response.json()["error"]["message"], url


def test_every_answer_has_an_etag_and_304s(client, newsroom):
    for url in (
        "/api/v1/",
        "/api/v1/openapi.json",
        "/api/v1/items/",
        "/api/v1/items/?type=story",
        f"/api/v1/items/{newsroom['story'].pk}/",
        f"/api/v1/items/{newsroom['story'].pk}/ninjs/",
        "/api/v1/topics/",
        "/api/v1/topics/ukraine-allies/",
        "/api/v1/people/",
        "/api/v1/people/jens-stoltenberg/",
    ):
        first = client.get(url)
        assert first.status_code == 200 and first["ETag"], url
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304, url
        assert client.get(url, HTTP_IF_NONE_MATCH='"stale"').status_code == 200, url


def test_read_only(client, newsroom):
    response = client.post("/api/v1/items/")
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD"


def test_rate_limit_for_anonymous_clients(client, settings, newsroom, admin_user):
    settings.NEWSROOM_API_RATE_LIMIT = "3/minute"
    for remaining in (2, 1, 0):
        response = client.get("/api/v1/items/")
        assert response.status_code == 200
        assert response["RateLimit-Limit"] == "3"
        assert response["RateLimit-Remaining"] == str(remaining)
    limited = client.get("/api/v1/topics/")
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert "3 requests per 60 seconds" in limited.json()["error"]["message"]
    # Limits are per client address ...
    assert client.get("/api/v1/items/", REMOTE_ADDR="192.0.2.7").status_code == 200
    # ... and apply to oEmbed and ninjs too, but never to signed-in editors.
    assert client.get("/api/oembed/", {"url": "x"}).status_code == 429
    client.force_login(admin_user)
    assert client.get("/api/v1/items/").status_code == 200


def test_rate_limit_behind_trusted_proxies(client, settings, newsroom):
    settings.NEWSROOM_API_RATE_LIMIT = "1/minute"
    settings.NEWSROOM_TRUSTED_PROXIES = "1"
    forwarded = {"HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.9"}
    assert client.get("/api/v1/", **forwarded).status_code == 200
    assert client.get("/api/v1/", **forwarded).status_code == 429
    other = {"HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.10"}
    assert client.get("/api/v1/", **other).status_code == 200


@pytest.mark.parametrize(
    ("value", "expected"),
    [("120/minute", (120, 60)), ("1000/hour", (1000, 3600)), ("10/30s", (10, 30)), ("off", None)],
)
def test_rate_limit_setting(value, expected):
    from newsroom.core.http_settings import parse_rate_limit

    limit = parse_rate_limit(value)
    assert (limit and (limit.requests, limit.seconds)) == expected


def test_bad_rate_limit_setting_fails_the_system_check(settings):
    from newsroom.core.checks import syndication_settings

    settings.NEWSROOM_API_RATE_LIMIT = "lots"
    assert [error.id for error in syndication_settings(None)] == ["syndication.E001"]
