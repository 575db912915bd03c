"""Addresses outside the language prefix: robots.txt, sitemaps, the API and oEmbed."""

from django.urls import URLPattern, path, re_path

from newsroom.core.http import answers_methods, not_found_in_place

from .api import views as api
from .oembed import views as oembed
from .sitemaps import views as sitemaps

app_name = "syndication"

urlpatterns = [
    path("robots.txt", sitemaps.robots_txt, name="robots"),
    path("sitemap.xml", sitemaps.sitemap_xml, name="sitemap"),
    path("sitemap-news.xml", sitemaps.news_sitemap_xml, name="news-sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap_section, name="sitemap-section"),
    path("api/v1/", api.api_root, name="api-root"),
    path("api/v1/openapi.json", api.openapi_document, name="api-openapi"),
    path("api/v1/items/", api.item_list, name="api-items"),
    path("api/v1/items/<str:item_id>/", api.item_detail, name="api-item"),
    path("api/v1/items/<str:item_id>/ninjs/", api.item_ninjs, name="api-item-ninjs"),
    path("api/v1/topics/", api.topic_list, name="api-topics"),
    path("api/v1/topics/<str:slug>/", api.topic_detail, name="api-topic"),
    path("api/v1/people/", api.person_list, name="api-people"),
    path("api/v1/people/<str:slug>/", api.person_detail, name="api-person"),
    path("api/oembed/", oembed.oembed, name="oembed"),
    path("api/oembed/frame/<int:item_id>/", oembed.frame, name="oembed-frame"),
    re_path(r"^api/", api.not_found, name="api-not-found"),
]

# All of them read: any method but GET and HEAD is 405 (core.middleware.MethodsMiddleware).
for _pattern in urlpatterns:
    if isinstance(_pattern, URLPattern):
        _pattern.callback = answers_methods(not_found_in_place(_pattern.callback))
