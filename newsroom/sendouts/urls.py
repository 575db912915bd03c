"""/en/media-mail/… (included under each language prefix)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "sendouts"

urlpatterns = [
    path(
        pgettext_lazy("address segment", "unsubscribe/<str:token>/"),
        views.unsubscribe,
        name="unsubscribe",
    ),
    path("o/<str:token>/", views.opened, name="opened"),
    path("c/<str:token>/", views.clicked, name="clicked"),
]
