"""ninjs documents validated against the IPTC schema (a copy in ../schemas, MIT licence; IPTC's
examples in ninjs_examples/)."""

import hashlib
import json
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "ninjs-schema_3.1.json"
SCHEMA_SHA256 = "404f578a299bf34e76e98f2de26ad9989882ebd7abf3a4d3cf3aa689b70a8744"
# IPTC's two official examples (same MIT licence, copied beside them).
EXAMPLES = sorted((Path(__file__).resolve().parent / "ninjs_examples").glob("example_*.json"))


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_PATH.read_text())
    # The schema points at GeoJSON for places; a permissive stand-in keeps tests off the network.
    geojson = Resource.from_contents(
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}
    )
    registry = Registry().with_resource("https://geojson.org/schema/GeoJSON.json", geojson)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)


def assert_valid(validator, document):
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.path))
    assert not errors, [f"{list(error.path)}: {error.message}" for error in errors]


def test_the_schema_is_iptcs_own_with_its_licence():
    # The SHA-256 of IPTC's ninjs-schema_3.1.json as published: a copy edited by hand (to make a
    # document pass, say) fails here.
    assert hashlib.sha256(SCHEMA_PATH.read_bytes()).hexdigest() == SCHEMA_SHA256
    licence = (SCHEMA_PATH.parent / "LICENSE").read_text()
    assert "MIT License" in licence and "(IPTC)" in licence


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_iptcs_official_examples_are_valid_and_a_broken_one_is_not(validator, example):
    document = json.loads(example.read_text())
    assert_valid(validator, document)
    del document["uri"]  # the one required property
    document["headlines"] = "not a list"
    assert len(list(validator.iter_errors(document))) == 2


def test_story_ninjs_is_valid_and_complete(client, validator, story):
    response = client.get(f"{story.url}ninjs.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    document = response.json()
    assert_valid(validator, document)
    required = (
        "uri type version firstCreated versionCreated pubStatus language headlines descriptions",
        "bodies subjects people places renditions associations copyrightHolder",
    )
    for field in " ".join(required).split():
        assert field in document, field
    assert document["headlines"][0]["value"] == story.title
    assert document["type"] == "composite"
    assert document["subjects"][0]["name"] == "Ukraine & Allies"
    assert document["people"][0]["name"] == "Jens Stoltenberg"
    assert document["places"][0]["literal"] == "BE"
    picture = document["associations"][0]
    assert picture["type"] == "picture"
    assert {rendition["name"] for rendition in picture["renditions"]} >= {"original", "thumbnail"}
    api = client.get(f"/api/v1/items/{story.pk}/ninjs/").json()
    assert api == document


def test_video_ninjs_has_video_renditions(client, validator, video, news_index):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from newsroom.news.factories import VideoPageFactory

    document = client.get(f"{video.url}ninjs.json").json()
    assert_valid(validator, document)
    assert document["type"] == "video"
    external = [r for r in document["renditions"] if r["name"] == "external"][0]
    assert external["href"] == video.video_url and external["duration"] == 205
    assert any(body["role"] == "transcript" for body in document["bodies"])

    upload = Document(title="Clip")
    upload.file.save("clip.mp4", ContentFile(b"\x00" * 1024), save=False)
    upload.save()
    captions = Document(title="Captions")
    captions.file.save("clip.vtt", ContentFile(b"WEBVTT\n"), save=False)
    captions.save()
    uploaded = VideoPageFactory(
        parent=news_index, video_url="", video_file=upload, captions_file=captions
    )
    document = client.get(f"/api/v1/items/{uploaded.pk}/ninjs/").json()
    assert_valid(validator, document)
    renditions = {r["name"]: r for r in document["renditions"]}
    assert renditions["video"]["contentType"] == "video/mp4"
    assert renditions["video"]["sizeInBytes"] == 1024
    assert renditions["captions"]["contentType"] == "text/vtt"


def test_every_item_validates(client, validator, story, video, many_items):
    many_items(3)
    for item in client.get("/api/v1/items/?page_size=100").json()["results"]:
        assert_valid(validator, client.get(item["links"]["ninjs"]).json())


def test_ninjs_follows_a_changed_display_date(client, story):
    old = f"{story.url}ninjs.json"
    story.display_date = story.display_date.replace(year=2020)
    story.save_revision().publish()
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == f"{story.url}ninjs.json".replace(old.split("/")[3], "2020")
    assert client.get(response["Location"]).status_code == 200


def test_ninjs_etag(client, story):
    url = f"{story.url}ninjs.json"
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_wrong_ninjs_addresses_are_404(client, story):
    assert client.get("/en/news/2023/11/17/nothing-here/ninjs.json").status_code == 404
    assert client.get("/en/news/2023/13/17/nothing-here/ninjs.json").status_code == 404
    assert client.get("/en/topics/ninjs.json").status_code == 404
