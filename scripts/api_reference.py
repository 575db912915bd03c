"""Write docs/api.md from the OpenAPI document the app serves at /api/v1/openapi.json.

    .venv/bin/python scripts/api_reference.py [OUTPUT]      (default: docs/api.md)

`make docs` runs it before MkDocs, so the reference is always the document the code builds.
The document is fetched by calling the view behind /api/v1/openapi.json (the address is the
stable contract, wherever the code lives) with a request made in memory: no server and no
database are needed. Django starts in embedded mode on a throw-away data folder, so nothing in
./data or in the environment's DATABASE_URL / REDIS_URL is touched.
"""

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT_PATH = "/api/v1/openapi.json"


def load_document():
    data_dir = tempfile.mkdtemp(prefix="newsroom-api-reference-")
    try:
        for name in ("DATABASE_URL", "REDIS_URL", "DEBUG"):
            os.environ.pop(name, None)
        os.environ["NEWSROOM_DATA_DIR"] = data_dir
        os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
        os.environ.setdefault("LOG_LEVEL", "WARNING")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.contrib.auth.models import AnonymousUser
        from django.test import RequestFactory
        from django.urls import resolve

        request = RequestFactory().get(DOCUMENT_PATH)
        request.user = AnonymousUser()
        match = resolve(DOCUMENT_PATH)
        response = match.func(request, *match.args, **match.kwargs)
        if response.status_code != 200:
            sys.exit(f"{DOCUMENT_PATH} answered {response.status_code}, not 200.")
        return json.loads(response.content)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


# --- rendering ------------------------------------------------------------------------------
def ref_name(ref):
    return ref.rsplit("/", 1)[-1]


def cell(text):
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def code(value):
    return f"`{value}`" if "|" not in str(value) else f"<code>{cell(value)}</code>"


def schema_type(schema):
    """A short description of a JSON schema: `integer, 1 to 100`, [Item](#item), array of …"""
    if not schema:
        return "any"
    if "$ref" in schema:
        name = ref_name(schema["$ref"])
        return f"[{name}](#{name.lower()})"
    if "anyOf" in schema:
        kinds = [schema_type(option) for option in schema["anyOf"]]
        if "null" in kinds:
            kinds.remove("null")
            return " or ".join(kinds) + " or null"
        return " or ".join(kinds)
    kind = schema.get("type", "object")
    if kind == "array":
        text = f"array of {schema_type(schema.get('items', {}))}"
    elif kind == "object" and "additionalProperties" in schema:
        text = f"object of {schema_type(schema['additionalProperties'])}"
    else:
        text = kind
    details = []
    if "format" in schema:
        details.append(schema["format"])
    if "enum" in schema:
        details.append("one of " + ", ".join(code(value) for value in schema["enum"]))
    if "minimum" in schema and "maximum" in schema:
        details.append(f"{schema['minimum']} to {schema['maximum']:,}")
    elif "minimum" in schema:
        details.append(f"at least {schema['minimum']}")
    if "maxLength" in schema:
        details.append(f"at most {schema['maxLength']} characters")
    if "pattern" in schema:
        details.append("matching " + code(schema["pattern"]))
    return text + (" (" + "; ".join(details) + ")" if details else "")


def dereference(document, item):
    """A response or header given by $ref, looked up in components."""
    if "$ref" not in item:
        return item
    section, name = item["$ref"].split("/")[-2:]
    return document["components"][section][name]


def render_operation(document, base, path, method, operation):
    lines = [f"### {method.upper()} {base}{path}", ""]
    lines += [f"{operation.get('summary', '')}. Operation id: `{operation['operationId']}`.", ""]
    parameters = operation.get("parameters", [])
    if parameters:
        lines += ["| parameter | in | type | default | example | meaning |"]
        lines += ["| --- | --- | --- | --- | --- | --- |"]
        for param in parameters:
            schema = param.get("schema", {})
            default = code(schema["default"]) if "default" in schema else "–"
            example = code(param["example"]) if "example" in param else "–"
            where = param["in"] + (", required" if param.get("required") else "")
            lines.append(
                f"| `{param['name']}` | {where} | {cell(schema_type(schema))} | {default} "
                f"| {example} | {cell(param.get('description', ''))} |"
            )
    else:
        lines.append("No parameters.")
    lines += ["", "| status | answer | body |", "| --- | --- | --- |"]
    for status, response in operation.get("responses", {}).items():
        response = dereference(document, response)
        body = "–"
        content = response.get("content", {}).get("application/json")
        if content:
            body = cell(schema_type(content["schema"]))
        headers = list(response.get("headers", {}))
        description = response.get("description", "").rstrip(".") + "."
        if headers:
            description += " Headers: " + ", ".join(f"`{name}`" for name in headers) + "."
        lines.append(f"| {status} | {cell(description)} | {body} |")
    lines.append("")
    return lines


def render_schema(name, schema):
    lines = [f"### {name}", ""]
    if schema.get("description"):
        lines += [schema["description"], ""]
    properties = schema.get("properties", {})
    if not properties:
        lines += [f"{schema_type({**schema, 'description': None})}.", ""]
        return lines
    required = set(schema.get("required", []))
    lines += ["| field | type | always present | meaning |", "| --- | --- | --- | --- |"]
    for field, spec in properties.items():
        meaning = spec.get("description", "")
        if spec.get("type") == "object" and "properties" in spec:
            inner = ", ".join(
                f"`{key}` ({schema_type(value)})" for key, value in spec["properties"].items()
            )
            meaning = (meaning + " " if meaning else "") + "Fields: " + inner + "."
            kind = "object"
        elif spec.get("type") == "array" and "properties" in spec.get("items", {}):
            inner = ", ".join(
                f"`{key}` ({schema_type(value)})"
                for key, value in spec["items"]["properties"].items()
            )
            meaning = (meaning + " " if meaning else "") + "Each with: " + inner + "."
            kind = "array of objects"
        else:
            kind = schema_type(spec)
        present = "yes" if field in required else "no"
        lines.append(f"| `{field}` | {cell(kind)} | {present} | {cell(meaning)} |")
    lines.append("")
    return lines


def render(document):
    info = document["info"]
    base = "/api/v1"
    lines = [
        "# API reference",
        "",
        "<!-- Generated by scripts/api_reference.py from the OpenAPI document "
        f"({DOCUMENT_PATH}); `make docs` rewrites it. Do not edit by hand. -->",
        "",
        f"OpenAPI {document['openapi']}, *{info['title']}*, version {info['version']}. "
        f"The live document is served at `{DOCUMENT_PATH}` on every newsroom; the "
        "[journalists' guide](journalists.md#the-json-api) explains the API in prose.",
        "",
        info.get("description", ""),
        "",
        "## Endpoints",
        "",
        "| method | address | what |",
        "| --- | --- | --- |",
    ]
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            lines.append(f"| {method.upper()} | `{base}{path}` | {cell(operation['summary'])} |")
    lines.append("")
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            lines += render_operation(document, base, path, method, operation)
    components = document.get("components", {})
    lines += ["## Schemas", ""]
    for name, schema in components.get("schemas", {}).items():
        lines += render_schema(name, schema)
    if components.get("headers"):
        lines += ["## Headers", "", "| header | type | meaning |", "| --- | --- | --- |"]
        for name, header in components["headers"].items():
            lines.append(
                f"| `{name}` | {schema_type(header.get('schema', {}))} "
                f"| {cell(header.get('description', ''))} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main(argv):
    out = Path(argv[0]) if argv else ROOT / "docs" / "api.md"
    out.write_text(render(load_document()))
    print(f"api_reference: wrote {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
