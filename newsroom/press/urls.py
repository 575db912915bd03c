"""/en/press/…: the press area for accredited journalists (included under each language)."""

from django.urls import path

from . import feeds, views

app_name = "press"

urlpatterns = [
    path("", views.home, name="home"),
    path("sign-in/", views.SignInView.as_view(), name="sign-in"),
    path("sign-out/", views.SignOutView.as_view(), name="sign-out"),
    path("items/<int:page_id>/", views.item, name="item"),
    path("items/<int:page_id>/ninjs.json", views.item_ninjs, name="item-ninjs"),
    path("items/<int:page_id>/images/<slug:name>/", views.item_image, name="item-image"),
    path("feed/<str:token>/<str:fmt>/", feeds.feed, name="feed"),
]
