"""A minimal WSGI client: requests go through the page cache exactly as the server sends them."""

from urllib.parse import urlsplit

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test.client import FakePayload, RequestFactory


class Response:
    def __init__(self, status, headers, body):
        self.status_line = status
        self.status_code = int(status.split(" ", 1)[0])
        self.header_list = headers
        self.headers = {name.lower(): value for name, value in headers}
        self.content = body

    @property
    def text(self):
        return self.content.decode()

    @property
    def cache(self):
        return self.headers.get("x-cache")

    def __repr__(self):
        return f"<Response {self.status_line} {self.cache}>"


class WSGIClient:
    def __init__(self, app):
        self.app = app
        self.factory = RequestFactory()

    def request(self, url, method="GET", headers=None, body=b""):
        parts = urlsplit(url)
        environ = self.factory._base_environ(
            PATH_INFO=parts.path,
            QUERY_STRING=parts.query,
            REQUEST_METHOD=method,
            CONTENT_LENGTH=str(len(body)),
        )
        environ["wsgi.input"] = FakePayload(body)
        for name, value in (headers or {}).items():
            key = name.upper().replace("-", "_")
            environ[key if key.startswith("CONTENT_") else f"HTTP_{key}"] = value
        captured = {}

        def start_response(status, response_headers, exc_info=None):
            captured["status"], captured["headers"] = status, response_headers
            return captured.setdefault("written", []).append

        # Like django.test.Client: keep the test's transaction open across the request.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            iterable = self.app(environ, start_response)
            try:
                content = b"".join([*captured.get("written", []), *iterable])
            finally:
                if hasattr(iterable, "close"):
                    iterable.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return Response(captured["status"], captured["headers"], content)

    def get(self, url, **headers):
        return self.request(url, headers=headers)

    def head(self, url, **headers):
        return self.request(url, method="HEAD", headers=headers)

    def post(self, url, **headers):
        return self.request(url, method="POST", headers=headers)


def django_app():
    return WSGIHandler()
