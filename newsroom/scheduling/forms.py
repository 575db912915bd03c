"""The news item form in the admin: times named with their zone, no scheduling in the past.

Wagtail publishes at once a page whose go-live time has passed. For an embargo that would be a
leak, so a go-live time in the past is refused with a message instead of being acted on.
Non-existent or ambiguous local times (the daylight-saving changes) are refused by Django's own
DateTimeField ("… couldn't be interpreted in time zone Europe/Brussels; it may be ambiguous or
it may not exist"), which this form keeps.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from .timezones import moment_label, zone_label


class NewsItemAdminForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = _("Times are in the organisation's time zone: %(zone)s.") % {"zone": zone_label()}
        for name in ("go_live_at", "expire_at"):
            if name in self.fields:
                self.fields[name].help_text = zone

    def clean(self):
        cleaned = super().clean()
        go_live_at = self.cleaned_data.get("go_live_at")
        embargo = self.cleaned_data.get("share_with_press")
        released = self.instance.pk and self.instance.live
        changed = go_live_at != (self.instance.go_live_at if self.instance.pk else None)
        if go_live_at and changed and go_live_at <= timezone.now() and not released:
            self.add_error(
                "go_live_at",
                forms.ValidationError(
                    _(
                        "%(moment)s is in the past. Choose a future time, or clear the go-live "
                        "time to publish now."
                    )
                    % {"moment": moment_label(go_live_at)}
                ),
            )
        if embargo and not released and not go_live_at:
            self.add_error(
                "share_with_press",
                forms.ValidationError(
                    _(
                        "An embargo needs a go-live time: set when the item is released under "
                        "Schedule publishing, or untick this box."
                    )
                ),
            )
        return cleaned
