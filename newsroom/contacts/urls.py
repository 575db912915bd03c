"""/en/contacts/…, /fr/contacts/… (included under each language prefix)."""

from django.urls import re_path

from . import views

app_name = "contacts"

# At most 18 digits: a longer id cannot exist, and would overflow SQLite's integers.
urlpatterns = [re_path(r"^(?P<pk>\d{1,18})\.vcf$", views.vcard, name="vcard")]
