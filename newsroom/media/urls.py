"""/en/media/…, /fr/medias/… (included under each language prefix)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "media"

urlpatterns = [
    path("", views.library, name="library"),
    path(pgettext_lazy("address segment", "photos/<int:pk>/"), views.photo, name="photo"),
    path(
        pgettext_lazy("address segment", "photos/<int:pk>/download/<str:size>/"),
        views.photo_download,
        name="photo-download",
    ),
    path(pgettext_lazy("address segment", "galleries/<str:slug>/"), views.gallery, name="gallery"),
    path(
        pgettext_lazy("address segment", "galleries/<str:slug>/photos.zip"),
        views.gallery_zip,
        name="gallery-zip",
    ),
]
