"""An editor publishing stories through the Wagtail admin of a running server, over HTTP.

What a person does in the browser: sign in at /admin/login/, fill in the "Add Story" form and
press Publish. The form data is built with Wagtail's own form helpers, so Django settings must
be configured in the calling process (the load test and the tests do that).
"""

import http.cookiejar
import re
import subprocess
import urllib.error
import urllib.parse
import urllib.request

import psycopg

from .services import VENV_BIN

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class AdminError(RuntimeError):
    pass


def create_editor(env, username="editor", password="cluster-editor-password"):  # noqa: S107
    """A superuser for the editor, made with the command an operator would use."""
    result = subprocess.run(
        [VENV_BIN / "newsroom", "createsuperuser", "--no-input", "--username", username,
         "--email", f"{username}@example.org"],
        env={**env, "DJANGO_SUPERUSER_PASSWORD": password},
        capture_output=True, text=True,
    )  # fmt: skip
    # A second run on the same database finds the editor made by the first.
    if result.returncode != 0 and "already taken" not in result.stderr:
        raise AdminError(f"createsuperuser failed: {result.stderr}")
    return username, password


def news_index_id(database_url, language="en"):
    with psycopg.connect(database_url) as connection:
        row = connection.execute(
            """SELECT page.id FROM wagtailcore_page page
               JOIN django_content_type type ON type.id = page.content_type_id
               JOIN wagtailcore_locale locale ON locale.id = page.locale_id
               WHERE type.app_label = 'news' AND type.model = 'newsindexpage'
                 AND locale.language_code = %s
               ORDER BY page.path LIMIT 1""",
            [language],
        ).fetchone()
    if row is None:
        raise AdminError("No news index in this database: has `newsroom setup` run?")
    return row[0]


class AdminSession:
    def __init__(self, base_url, username, password, timeout=60):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )
        self.login(username, password)

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, data=body)
        if data is not None:
            request.add_header("Referer", self.base_url + path)
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode("utf-8", "replace")

    def csrf_token(self, path):
        status, _, page = self.request(path)
        found = CSRF_INPUT.search(page)
        if status != 200 or not found:
            raise AdminError(f"GET {path} gave {status} without a form")
        return found.group(1)

    def login(self, username, password):
        token = self.csrf_token("/admin/login/")
        status, headers, _ = self.request(
            "/admin/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password},
        )
        if status != 302:
            raise AdminError(f"Signing in as {username} failed ({status})")

    def publish_story(self, parent_id, title, slug, display_date, text="Published by the editor."):
        """Add a story under ``parent_id`` and publish it; returns the admin's answer."""
        from wagtail.test.utils.form_data import (
            inline_formset,
            nested_form_data,
            rich_text,
            streamfield,
        )

        path = f"/admin/pages/add/news/storypage/{parent_id}/"
        form = nested_form_data(
            {
                "title": title,
                "slug": slug,
                "display_date": display_date,
                "dateline": "Brussels",
                "teaser": f"{title}: the teaser.",
                "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
                "related_links": inline_formset([]),
                "comments": inline_formset([]),
                "action-publish": "publish",
            }
        )
        form["csrfmiddlewaretoken"] = self.csrf_token(path)
        status, headers, body = self.request(path, form)
        if status != 302:
            raise AdminError(f"Publishing {title!r} gave {status}: {body[:2000]}")
        return status


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
