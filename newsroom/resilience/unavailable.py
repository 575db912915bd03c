"""The database is unreachable: readers get a short "try again" page, not an error page.

Django turns an exception raised anywhere in a request (a view, a middleware, a template) into
a call of ``handler500``; this one looks at the exception being handled. A lost database
(``OperationalError`` / ``InterfaceError``) is an outage, not a bug: the answer is a 503 with
``Retry-After``, built without touching the database (no context processors, no site settings).
Pages the page cache already holds are answered before Django is reached and keep being served.
Django reconnects by itself once the database is back (``CONN_HEALTH_CHECKS``), so the site
recovers without a restart.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views.defaults import server_error as default_server_error

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30


def database_is_unreachable(error):
    return isinstance(error, OperationalError | InterfaceError)


def server_error(request, *args, **kwargs):
    error = sys.exc_info()[1]
    if database_is_unreachable(error):
        return service_unavailable(request)
    return default_server_error(request, *args, **kwargs)


def service_unavailable(request):
    logger.warning("Database unreachable: answered %s with 503", request.path)
    language = request.path.strip("/").split("/", 1)[0]
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        body = render_to_string("resilience/503.html", {"language": language})
    response = HttpResponse(body, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
