from importlib import import_module

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.http import Http404
from django.urls import include, path, re_path
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.static import serve as serve_file
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from newsroom.core import furniture
from newsroom.core.http import IMMUTABLE, answering_methods, answers_methods
from newsroom.core.storage import RENDITIONS
from newsroom.mailing.webhooks import tracking_urls
from newsroom.search.views import search, suggestions


def no_such_file(request, *args, **kwargs):
    raise Http404(_("There is no file at this address."))


def serve_media(request, path):
    # A name the file system refuses (too long, invalid bytes) is simply not there.
    try:
        response = serve_file(request, path, document_root=settings.MEDIA_ROOT)
    except (OSError, ValueError):
        raise Http404(_("There is no file at this address.")) from None
    if path.startswith(RENDITIONS) and response.status_code == 200:
        response["Cache-Control"] = IMMUTABLE
    return response


def reading(module):
    """An app's routes that only read (GET, HEAD): any other method is 405 with Allow."""
    urls = import_module(module)
    return include((answering_methods(urls.urlpatterns), getattr(urls, "app_name", None)))


# Wagtail's routes, its page router marked as reading: no page takes a form (its password
# form posts to _util/, kept as it is).
wagtail_routes = [
    *(p for p in wagtail_urls.urlpatterns if p.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, answers_methods(wagtail_views.serve), name="wagtail_serve"),
]

urlpatterns = [
    path("favicon.ico", answers_methods(furniture.favicon), name="favicon"),
    path("manifest.webmanifest", answers_methods(furniture.web_manifest), name="web-manifest"),
    path("", include("newsroom.syndication.urls")),
    path("admin/", include(wagtailadmin_urls)),
    # Sending services' tracking webhooks (bounces, complaints): newsroom/mailing/webhooks.py.
    path("mail/webhooks/anymail/", include((tracking_urls(), "anymail"))),
    # A document id past 18 digits cannot exist, and overflows SQLite's integers.
    re_path(r"^documents/\d{19,}/", no_such_file),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.SERVE_MEDIA:
    # Embedded mode only: production serves media from object storage or the web server.
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", answers_methods(serve_media)))

urlpatterns += i18n_patterns(
    path(pgettext_lazy("address segment", "search/"), answers_methods(search), name="search"),
    path(
        format_lazy("{}suggest/", pgettext_lazy("address segment", "search/")),
        answers_methods(suggestions),
        name="search-suggest",
    ),
    path(pgettext_lazy("address segment", "press/"), include("newsroom.press.urls")),
    path(pgettext_lazy("address segment", "alerts/"), include("newsroom.alerts.urls")),
    path(pgettext_lazy("address segment", "events/"), reading("newsroom.events.urls")),
    path(pgettext_lazy("address segment", "contacts/"), reading("newsroom.contacts.urls")),
    path(pgettext_lazy("address segment", "media-mail/"), include("newsroom.sendouts.urls")),
    path(pgettext_lazy("address segment", "media/"), reading("newsroom.media.urls")),
    path("", reading("newsroom.syndication.urls_i18n")),
    path("", include(wagtail_routes)),
    prefix_default_language=True,
)

# A lost database answers 503 with Retry-After instead of 500 (newsroom/resilience/).
handler500 = "newsroom.resilience.unavailable.server_error"
