"""The fastest a Python WSGI app can answer: the same bytes as the front page, from memory.

granian serves it with the same worker count as Newsroom, as the Python-path reference.
"""

import os

with open(os.environ["BENCH_BODY_FILE"], "rb") as file:
    BODY = file.read()
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
