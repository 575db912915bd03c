"""/en/events/…, /fr/evenements/… (included under each language prefix)."""

from django.urls import path, re_path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "events"

urlpatterns = [
    path("", views.agenda_page, name="agenda"),
    path(
        pgettext_lazy("address segment", "calendar.ics"),
        views.all_events_calendar,
        name="calendar",
    ),
    path(
        pgettext_lazy("address segment", "topics/<str:slug>/calendar.ics"),
        views.topic_calendar,
        name="topic-calendar",
    ),
    re_path(r"^(?P<slug>[-\w]+)\.ics$", views.event_calendar, name="event-calendar"),
]
