"""The OpenAPI 3.1 document of the public API, served at /api/v1/openapi.json.

Written by hand so that it says exactly what the views do; tests walk every path and parameter
in it and check each answer against the schemas here.
"""

from django.conf import settings

from newsroom.news.models import NewsItemPage

from .params import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


def _json(schema, description):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERRORS = {
    "400": {"$ref": "#/components/responses/BadRequest"},
    "404": {"$ref": "#/components/responses/NotFound"},
    "410": {"$ref": "#/components/responses/Withdrawn"},
    "429": {"$ref": "#/components/responses/TooManyRequests"},
}
NOT_MODIFIED = {"description": "Not modified: the ETag given in If-None-Match is still current."}


def _param(name, description, schema, example=None):
    param = {"name": name, "in": "query", "required": False, "description": description}
    param["schema"] = schema
    if example is not None:
        param["example"] = example
    return param


def _parameters():
    languages = [code for code, _name in settings.LANGUAGES]
    return {
        "lang": _param(
            "lang",
            "Language of the content (default: the newsroom's first language).",
            {"type": "string", "enum": languages},
            languages[0],
        ),
        "page": _param(
            "page",
            "Page number, from 1. A page past the end answers 404.",
            {"type": "integer", "minimum": 1, "maximum": 10**6, "default": 1},
            1,
        ),
        "page_size": _param(
            "page_size",
            f"Results per page, 1 to {MAX_PAGE_SIZE}.",
            {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": 20},
            DEFAULT_PAGE_SIZE,
        ),
        "type": _param(
            "type",
            "Only items of this type.",
            {"type": "string", "enum": list(NewsItemPage.item_types())},
            "story",
        ),
        "topic": _param(
            "topic",
            "Only items on this topic (a topic slug, see /api/v1/topics/).",
            {"type": "string", "pattern": r"^[-\w]+$", "maxLength": 255},
        ),
        "person": _param(
            "person",
            "Only items involving this person (a person slug, see /api/v1/people/).",
            {"type": "string", "pattern": r"^[-\w]+$", "maxLength": 255},
        ),
        "place": _param(
            "place",
            "Only items about this country (ISO 3166-1 alpha-2 code, e.g. BE).",
            {"type": "string", "pattern": "^[A-Za-z]{2}$"},
            "BE",
        ),
        "from": _param(
            "from",
            "Only items with a display date on or after this day (YYYY-MM-DD).",
            {"type": "string", "format": "date"},
            "2023-11-01",
        ),
        "to": _param(
            "to",
            "Only items with a display date on or before this day (YYYY-MM-DD); a day before "
            "`from` answers 400.",
            {"type": "string", "format": "date"},
            "2023-11-30",
        ),
        "q": _param(
            "q",
            "Keywords, matched against headline, teaser, body and people (accents ignored).",
            {"type": "string", "maxLength": 200},
            "summit",
        ),
    }


def _path_param(name, description, schema):
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": schema,
    }


def _schemas():
    link = {"type": "string", "format": "uri"}
    image = {
        "type": "object",
        "required": ["url", "width", "height", "mime_type", "alt", "caption", "credit"],
        "properties": {
            "url": link,
            "width": {"type": "integer"},
            "height": {"type": "integer"},
            "mime_type": {"type": "string"},
            "alt": {"type": "string"},
            "caption": {"type": "string"},
            "credit": {"type": "string"},
            "thumbnail": {
                "type": "object",
                "required": ["url", "width", "height"],
                "properties": {
                    "url": link,
                    "width": {"type": "integer"},
                    "height": {"type": "integer"},
                },
            },
        },
    }
    page_meta = {
        "count": {"type": "integer", "minimum": 0},
        "page": {"type": "integer", "minimum": 1},
        "pages": {"type": "integer", "minimum": 1},
        "page_size": {"type": "integer", "minimum": 1},
        "next": _nullable(link),
        "previous": _nullable(link),
    }

    def page_of(name):
        return {
            "type": "object",
            "required": [*page_meta, "results"],
            "properties": {**page_meta, "results": {"type": "array", "items": _ref(name)}},
        }

    feeds = {
        "type": "object",
        "required": ["rss", "atom", "json"],
        "properties": {"rss": link, "atom": link, "json": link},
    }
    item_properties = {
        "id": {"type": "integer", "description": "The item's number in this newsroom."},
        "uri": {
            "type": "string",
            "format": "uri",
            "description": "Permanent id (urn:uuid), the same in feeds and ninjs.",
        },
        "type": {"type": "string", "enum": list(NewsItemPage.item_types())},
        "title": {"type": "string"},
        "teaser": {"type": "string"},
        "dateline": {"type": "string"},
        "display_date": {"type": "string", "format": "date"},
        "published": {"type": "string", "format": "date-time"},
        "modified": {"type": "string", "format": "date-time"},
        "language": {"type": "string"},
        "status": {
            "type": "string",
            "enum": ["published"],
            "description": "A withdrawn item answers 410 with a WithdrawnItem instead.",
        },
        "version": {
            "type": "string",
            "description": "Grows with every publication of the item; the same as ninjs' version.",
        },
        "url": link,
        "image": _nullable(_ref("Image")),
        "topics": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["slug", "title", "url"],
                "properties": {
                    "slug": {"type": "string"},
                    "title": {"type": "string"},
                    "url": link,
                },
            },
        },
        "people": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["slug", "name", "url"],
                "properties": {
                    "slug": {"type": "string"},
                    "name": {"type": "string"},
                    "url": _nullable(link),
                },
            },
        },
        "places": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["iso_code", "name"],
                "properties": {"iso_code": {"type": "string"}, "name": {"type": "string"}},
            },
        },
        "links": {
            "type": "object",
            "required": ["self", "ninjs", "html"],
            "properties": {"self": link, "ninjs": link, "html": link},
        },
    }
    video = {
        "type": "object",
        "required": [
            "file_url",
            "file_type",
            "external_url",
            "captions_url",
            "duration_seconds",
            "transcript_html",
        ],
        "properties": {
            "file_url": _nullable(link),
            "file_type": _nullable({"type": "string"}),
            "external_url": _nullable(link),
            "captions_url": _nullable(link),
            "duration_seconds": _nullable({"type": "integer", "minimum": 0}),
            "transcript_html": {"type": "string"},
        },
    }
    return {
        "Image": image,
        "Item": {
            "type": "object",
            "required": list(item_properties),
            "properties": item_properties,
        },
        "ItemDetail": {
            "type": "object",
            "required": [*item_properties, "body_html", "video", "press_contacts", "updates"],
            "properties": {
                **item_properties,
                "body_html": {"type": "string", "description": "The body, absolute links."},
                "video": _nullable(_ref("Video")),
                "press_contacts": {
                    "type": "array",
                    "description": "Whom to call or write to about a press release, speech or "
                    "advisory (its own contacts, or its section's defaults); empty for others.",
                    "items": _ref("PressContact"),
                },
                "updates": {
                    "type": "array",
                    "description": "Public change notes, newest first (“Updates to this page”).",
                    "items": {
                        "type": "object",
                        "required": ["date", "note"],
                        "properties": {
                            "date": {"type": "string", "format": "date-time"},
                            "note": {"type": "string"},
                        },
                    },
                },
            },
        },
        "WithdrawnItem": {
            "type": "object",
            "required": ["id", "uri", "type", "title", "language", "status", "withdrawn"]
            + ["reason", "url"],
            "properties": {
                "id": item_properties["id"],
                "uri": item_properties["uri"],
                "type": item_properties["type"],
                "title": {"type": "string"},
                "language": {"type": "string"},
                "status": {"type": "string", "enum": ["withdrawn"]},
                "withdrawn": {"type": "string", "format": "date-time"},
                "reason": {"type": "string", "description": "Why, as readers are told."},
                "url": link,
            },
        },
        "Video": video,
        "PressContact": {
            "type": "object",
            "required": ["name", "role", "phone", "email", "languages", "photo", "vcard"],
            "properties": {
                "name": {"type": "string"},
                "role": {"type": "string"},
                "phone": {"type": "string", "description": "As written, e.g. +32 2 707 50 41."},
                "email": {"type": "string"},
                "languages": {
                    "type": "array",
                    "items": {"type": "string"},
                    "description": "Language codes, e.g. en, fr.",
                },
                "photo": _nullable(link),
                "vcard": link,
            },
        },
        "ItemPage": page_of("Item"),
        "Topic": {
            "type": "object",
            "required": ["slug", "title", "introduction", "url", "language", "links"],
            "properties": {
                "slug": {"type": "string"},
                "title": {"type": "string"},
                "introduction": {"type": "string"},
                "url": link,
                "language": {"type": "string"},
                "links": {
                    "type": "object",
                    "required": ["self", "items", "feeds"],
                    "properties": {"self": link, "items": link, "feeds": feeds},
                },
            },
        },
        "TopicPage": page_of("Topic"),
        "Person": {
            "type": "object",
            "required": ["slug", "name", "role", "biography", "photo", "url", "language", "links"],
            "properties": {
                "slug": {"type": "string"},
                "name": {"type": "string"},
                "role": {"type": "string"},
                "biography": {"type": "string"},
                "photo": _nullable(_ref("Image")),
                "url": _nullable(link),
                "language": {"type": "string"},
                "links": {
                    "type": "object",
                    "required": ["self", "items", "feeds"],
                    "properties": {"self": link, "items": link, "feeds": _nullable(feeds)},
                },
            },
        },
        "PersonPage": page_of("Person"),
        "Ninjs": {
            "type": "object",
            "description": "An IPTC ninjs 3.1 document "
            "(http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json).",
            "required": ["uri"],
        },
        "Index": {
            "type": "object",
            "required": ["items", "topics", "people", "openapi", "oembed"],
            "properties": dict.fromkeys(("items", "topics", "people", "openapi", "oembed"), link),
        },
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {
                "error": {
                    "type": "object",
                    "required": ["status", "message"],
                    "properties": {
                        "status": {"type": "integer"},
                        "message": {"type": "string"},
                        "fields": {
                            "type": "object",
                            "additionalProperties": {"type": "array", "items": {"type": "string"}},
                        },
                    },
                }
            },
        },
    }


def openapi(request):
    p = _parameters()
    listing = [p["lang"], p["page"], p["page_size"]]
    ok = {"304": NOT_MODIFIED}
    rate_headers = {
        "RateLimit-Limit": {"$ref": "#/components/headers/RateLimit-Limit"},
        "RateLimit-Remaining": {"$ref": "#/components/headers/RateLimit-Remaining"},
        "ETag": {"$ref": "#/components/headers/ETag"},
    }

    def success(schema, description):
        response = _json(_ref(schema), description)
        response["headers"] = rate_headers
        return response

    # Every operation may answer 400: unknown or empty parameters are refused.
    def get(summary, operation_id, parameters, schema, errors=("400", "429")):
        return {
            "get": {
                "summary": summary,
                "operationId": operation_id,
                "parameters": parameters,
                "responses": {
                    "200": success(schema, summary),
                    **ok,
                    **{code: ERRORS[code] for code in errors},
                },
            }
        }

    item_id = _path_param("item_id", "The item's id.", {"type": "integer", "minimum": 1})
    slug = _path_param("slug", "The slug.", {"type": "string", "pattern": r"^[-\w]+$"})
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{settings.WAGTAIL_SITE_NAME} public API",
            "version": "1.0.0",
            "description": (
                "Read-only access to everything the newsroom has published. No key is needed. "
                "Anonymous clients may make a limited number of requests per period "
                "(RateLimit-* headers); past it the answer is 429 with Retry-After. Every "
                "answer carries an ETag: send it back in If-None-Match to get 304 when nothing "
                "changed. Unknown or empty parameters are refused with 400 (leave out a filter you "
                "do not use). Methods other than GET and HEAD are answered 405 with Allow."
            ),
        },
        "servers": [{"url": request.build_absolute_uri("/api/v1")}],
        "paths": {
            "/": get("Links to the lists", "index", [], "Index"),
            "/openapi.json": {
                "get": {
                    "summary": "This document",
                    "operationId": "openapi",
                    "parameters": [],
                    "responses": {
                        "200": _json({"type": "object"}, "The OpenAPI document"),
                        **ok,
                        "400": ERRORS["400"],
                        "429": ERRORS["429"],
                    },
                }
            },
            "/items/": get(
                "Published items, newest first",
                "listItems",
                [p[name] for name in ("type", "topic", "person", "place", "from", "to", "q")]
                + listing,
                "ItemPage",
                errors=("400", "404", "429"),
            ),
            "/items/{item_id}/": get(
                "One item with its body",
                "getItem",
                [item_id],
                "ItemDetail",
                ("400", "404", "410", "429"),
            ),
            "/items/{item_id}/ninjs/": get(
                "One item as IPTC ninjs 3.1",
                "getItemNinjs",
                [item_id],
                "Ninjs",
                ("400", "404", "410", "429"),
            ),
            "/topics/": get(
                "Topics, alphabetically", "listTopics", listing, "TopicPage", ("400", "404", "429")
            ),
            "/topics/{slug}/": get(
                "One topic", "getTopic", [slug, p["lang"]], "Topic", ("400", "404", "429")
            ),
            "/people/": get(
                "People, alphabetically", "listPeople", listing, "PersonPage", ("400", "404", "429")
            ),
            "/people/{slug}/": get(
                "One person", "getPerson", [slug, p["lang"]], "Person", ("400", "404", "429")
            ),
        },
        "components": {
            "schemas": _schemas(),
            "responses": {
                "BadRequest": _json(
                    _ref("Error"),
                    "A parameter is unknown, empty or not valid; the message says why.",
                ),
                "NotFound": _json(
                    _ref("Error"),
                    "Nothing has this id or slug, a topic, person or place filter names "
                    "nothing, or page is too high.",
                ),
                "Withdrawn": {
                    "description": "The item was withdrawn: when and why (the ninjs address "
                    "answers a ninjs document with pubStatus “canceled”).",
                    "content": {
                        "application/json": {
                            "schema": {"anyOf": [_ref("WithdrawnItem"), _ref("Ninjs")]}
                        }
                    },
                },
                "TooManyRequests": {
                    **_json(_ref("Error"), "Rate limit reached; wait Retry-After seconds."),
                    "headers": {"Retry-After": {"$ref": "#/components/headers/Retry-After"}},
                },
            },
            "headers": {
                "ETag": {"description": "Version of this answer.", "schema": {"type": "string"}},
                "RateLimit-Limit": {
                    "description": "Requests allowed per period (anonymous clients).",
                    "schema": {"type": "integer"},
                },
                "RateLimit-Remaining": {
                    "description": "Requests left in this period.",
                    "schema": {"type": "integer"},
                },
                "Retry-After": {
                    "description": "Seconds to wait before the next request.",
                    "schema": {"type": "integer"},
                },
            },
        },
    }
