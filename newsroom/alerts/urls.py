"""/en/alerts/…, /fr/alertes/… (included under each language prefix)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import press_views, views

app_name = "alerts"

urlpatterns = [
    path(pgettext_lazy("address segment", "press/"), press_views.press_alerts, name="press"),
    path("", views.sign_up, name="sign-up"),
    path(pgettext_lazy("address segment", "confirm/<str:token>/"), views.confirm, name="confirm"),
    path(
        pgettext_lazy("address segment", "confirm/<str:token>/again/"),
        views.send_again,
        name="send-again",
    ),
    path(pgettext_lazy("address segment", "manage/<str:token>/"), views.manage, name="manage"),
    path(
        pgettext_lazy("address segment", "unsubscribe/<str:token>/"),
        views.unsubscribe,
        name="unsubscribe",
    ),
]
