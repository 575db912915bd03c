"""/en/press/…: the press area for accredited journalists (included under each language)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import feeds, views
from .accreditation import views as accreditation

app_name = "press"

urlpatterns = [
    path("", views.home, name="home"),
    path("sign-in/", views.SignInView.as_view(), name="sign-in"),
    path("sign-out/", views.SignOutView.as_view(), name="sign-out"),
    path(pgettext_lazy("address segment", "apply/"), accreditation.apply, name="apply"),
    path(
        pgettext_lazy("address segment", "password/<str:uidb64>/<str:token>/"),
        accreditation.SetPasswordView.as_view(),
        name="set-password",
    ),
    path(
        pgettext_lazy("address segment", "password/<str:uidb64>/<str:token>/new/"),
        accreditation.new_link,
        name="new-link",
    ),
    path("items/<int:page_id>/", views.item, name="item"),
    path("items/<int:page_id>/ninjs.json", views.item_ninjs, name="item-ninjs"),
    path("items/<int:page_id>/images/<slug:name>/", views.item_image, name="item-image"),
    path("feed/<str:token>/<str:fmt>/", feeds.feed, name="feed"),
]
