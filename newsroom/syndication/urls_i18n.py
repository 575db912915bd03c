"""Language-prefixed addresses that Wagtail's own URL pattern cannot reach.

Wagtail serves only paths made of slash-terminated words, so <item address>ninjs.json is handed
to Wagtail's router here; NewsIndexPage's ``item_ninjs`` route (news/models/index.py) answers it.
"""

from django.urls import re_path
from wagtail import views as wagtail_views

urlpatterns = [
    re_path(r"^((?:[\w\-]+/)+ninjs\.json)$", wagtail_views.serve, name="item_ninjs"),
]
