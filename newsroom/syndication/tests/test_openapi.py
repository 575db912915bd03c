"""The API driven from its own OpenAPI document: every path and parameter, with valid and junk
values (a fixed list, then Hypothesis), never answers 5xx, always answers a status the document
lists, and every body matches the schema the document gives for that status."""

import re
from urllib.parse import quote

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

JUNK = [
    "",
    " ",
    "abc",
    "-1",
    "0",
    "1.5",
    "1e3",
    "²",
    "١٢",
    "99999999999999999999999",
    "2023-02-30",
    "2023-13-01",
    "\x00",
    "a\nb",
    "'; DROP TABLE wagtailcore_page; --",
    '" OR 1=1 --',
    "<script>alert(1)</script>",
    "%",
    "*",
    "NEAR(",
    'Ελλάδα "Україна" 北约',
    "x" * 300,
    "../../etc/passwd",
]


@pytest.fixture
def document(client, story, video, topic, person, place):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    doc = response.json()
    assert doc["openapi"].startswith("3.1")
    return doc


def resolve(doc, node):
    while "$ref" in node:
        target = doc
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def check(client, doc, path_template, path, params):
    operation = doc["paths"][path_template]["get"]
    response = client.get(f"/api/v1{path}", params)
    status = str(response.status_code)
    assert response.status_code < 500, (path, params, response.content[:300])
    assert status in operation["responses"], (path, params, status, response.content[:300])
    declared = resolve(doc, operation["responses"][status])
    if "content" not in declared:
        assert response.content == b""
        return response
    schema = declared["content"]["application/json"]["schema"]
    validator = jsonschema.Draft202012Validator(
        {**schema, "components": doc["components"]},
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(response.json())]
    assert not errors, (path, params, errors[:5])
    return response


def valid_values(doc, parameter, fixtures):
    schema = parameter["schema"]
    values = list(schema.get("enum", []))
    if "example" in parameter:
        values.append(parameter["example"])
    values += {
        "topic": [fixtures["topic"].slug],
        "person": ["jens-stoltenberg"],
        "item_id": [fixtures["story"].pk, fixtures["video"].pk],
        "slug": [fixtures["topic"].slug, "jens-stoltenberg"],
        "page": [1],
        "page_size": [1, 100],
    }.get(parameter["name"], [])
    return values


def concrete(path_template, values):
    """The path with its parameters filled in, percent-encoded as a client sends them."""
    return re.sub(
        r"\{(\w+)\}", lambda match: quote(str(values[match.group(1)]), safe=""), path_template
    )


def test_document_describes_every_answer(client, document, story, video, topic):
    fixtures = {"story": story, "video": video, "topic": topic}
    for path_template, item in document["paths"].items():
        operation = item["get"]
        parameters = [resolve(document, p) for p in operation["parameters"]]
        path_params = [p for p in parameters if p["in"] == "path"]
        query_params = [p for p in parameters if p["in"] == "query"]
        for path_values in _path_values(document, path_params, fixtures):
            path = concrete(path_template, path_values)
            assert check(client, document, path_template, path, {}).status_code in (200, 404)
            for parameter in query_params:
                for value in valid_values(document, parameter, fixtures):
                    response = check(
                        client, document, path_template, path, {parameter["name"]: value}
                    )
                    assert response.status_code in (200, 404), (path, parameter["name"], value)
                for value in JUNK:
                    check(client, document, path_template, path, {parameter["name"]: value})
        for parameter in path_params:
            for value in JUNK:
                if value.strip() == "":
                    continue
                path = concrete(path_template, {parameter["name"]: value})
                check(client, document, path_template, path, {})


def _path_values(document, path_params, fixtures):
    if not path_params:
        return [{}]
    (parameter,) = path_params
    return [{parameter["name"]: value} for value in valid_values(document, parameter, fixtures)]


def test_document_matches_the_routes(client, document):
    from django.urls import get_resolver

    from newsroom.syndication import urls

    documented = {f"/api/v1{path}" for path in document["paths"]}
    routed = {
        "/"
        + str(pattern.pattern).replace("<str:item_id>", "{item_id}").replace("<str:slug>", "{slug}")
        for pattern in urls.urlpatterns
        if str(pattern.pattern).startswith("api/v1/")
    }
    assert documented == routed
    assert get_resolver()  # the project's URLs import


text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
ITEM_PARAMS = ["type", "topic", "person", "place", "from", "to", "q", "page", "page_size", "lang"]
dates = st.dates().map(lambda day: day.isoformat())
numbers = st.integers(min_value=-5, max_value=10**7).map(str)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    params=st.dictionaries(
        st.sampled_from(ITEM_PARAMS),
        st.one_of(text, dates, numbers, st.sampled_from(["story", "video", "BE", "en"])),
        max_size=5,
    )
)
def test_items_never_fail_whatever_the_query(client, document, params):
    check(client, document, "/items/", "/items/", params)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    value=text,
    endpoint=st.sampled_from(["/topics/{slug}/", "/people/{slug}/", "/items/{item_id}/"]),
)
def test_detail_paths_never_fail(client, document, value, endpoint):
    name = "item_id" if "item_id" in endpoint else "slug"
    check(client, document, endpoint, concrete(endpoint, {name: value.strip() or "x"}), {})
