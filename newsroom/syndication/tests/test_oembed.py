import pytest


def oembed(client, **params):
    return client.get("/api/oembed/", params)


def test_video_answers_type_video(client, video):
    response = oembed(client, url=f"http://testserver{video.url}", format="json")
    assert response.status_code == 200
    data = response.json()
    assert data["version"] == "1.0" and data["type"] == "video"
    assert (data["width"], data["height"]) == (640, 360)
    assert f'src="http://testserver/api/oembed/frame/{video.pk}/"' in data["html"]
    assert data["provider_name"] and data["thumbnail_url"].startswith("http://testserver/")
    frame = client.get(f"/api/oembed/frame/{video.pk}/")
    assert frame.status_code == 200
    assert "X-Frame-Options" not in frame  # partner sites may frame it
    assert "video.example.org/embed/12345" in frame.content.decode()


def test_story_answers_a_rich_card(client, story):
    data = oembed(client, url=f"http://testserver{story.url}").json()
    assert data["type"] == "rich" and data["html"].startswith("<iframe")
    assert data["width"] == 640 and data["height"] > 360
    frame = client.get(f"/api/oembed/frame/{story.pk}/").content.decode()
    assert "Teaser with &amp; and &lt;b&gt;not bold&lt;/b&gt;" in frame
    assert "&lt;agree&gt;" in frame


def test_maxwidth_and_maxheight_are_respected(client, video, story):
    data = oembed(client, url=f"http://testserver{video.url}", maxwidth=320).json()
    assert (data["width"], data["height"]) == (320, 180)
    data = oembed(client, url=f"http://testserver{video.url}", maxheight=90).json()
    assert data["height"] == 90 and data["width"] == 160
    data = oembed(client, url=f"http://testserver{story.url}", maxwidth=300, maxheight=200).json()
    assert data["width"] <= 300 and data["height"] <= 200


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({}, 400),
        ({"url": "http://testserver/en/news/2023/11/17/nothing/"}, 404),
        ({"url": "https://elsewhere.example.com/en/news/2023/11/17/x/"}, 404),
        ({"url": "javascript:alert(1)"}, 404),
        ({"url": "http://testserver/en/topics/"}, 404),
        ({"url": "STORY", "format": "xml"}, 501),
        ({"url": "STORY", "maxwidth": "wide"}, 400),
        ({"url": "STORY", "maxheight": "-5"}, 400),
    ],
)
def test_bad_requests(client, story, params, status):
    params = {
        key: (f"http://testserver{story.url}" if value == "STORY" else value)
        for key, value in params.items()
    }
    response = oembed(client, **params)
    assert response.status_code == status
    assert response.json()["error"]["message"]


def test_oembed_etag(client, story):
    first = oembed(client, url=f"http://testserver{story.url}")
    again = client.get(
        "/api/oembed/", {"url": f"http://testserver{story.url}"}, HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert again.status_code == 304
