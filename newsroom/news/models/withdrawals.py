"""Withdrawing a published item: it leaves every listing, but its address says why and when.

A withdrawal is Wagtail's unpublish plus a reason and a time kept on the page, so everything
that reads ``visible()`` (listings, archives, topics, people, search, feeds, sitemaps, the API,
alerts) drops the item exactly as for an unpublish, and the same purges run
(``delivery/invalidation.py``: ``page_unpublished``). What differs is the item's own address:
it answers 410 Gone with the headline, the notice and its date instead of a bare 404, and the
API and ninjs report the item as withdrawn.

A withdrawal can be undone: publishing the item again (the admin's Publish, a scheduled go-live)
clears the notice, and the item is back where it was. The withdrawal stays in the page's
history (Wagtail's log, action ``newsroom.withdraw``).
"""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A notice is a sentence or two, not a second article.
REASON_LENGTH = 500
WITHDRAW_ACTION = "newsroom.withdraw"
NO_REASON = _("Give the reason readers will see for the withdrawal.")


def clean_reason(reason):
    """The reason as readers will see it, or a ValidationError that says what is wrong."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError(NO_REASON)
    if len(reason) > REASON_LENGTH:
        raise ValidationError(
            _("Keep the reason to %(limit)s characters or fewer (it has %(length)s).")
            % {"limit": REASON_LENGTH, "length": len(reason)}
        )
    return reason


class Withdrawable(models.Model):
    """Abstract: an item may be withdrawn with a public reason (see the module's docstring)."""

    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)
    withdrawal_reason = models.TextField(
        _("reason for the withdrawal"), max_length=REASON_LENGTH, blank=True, editable=False
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.live and self.withdrawn_at is not None:
            # Published again: the withdrawal is undone.
            self.withdrawn_at, self.withdrawal_reason = None, ""
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {
                    *kwargs["update_fields"],
                    "withdrawn_at",
                    "withdrawal_reason",
                }
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        # Like first_published_at, the withdrawal belongs to the page, not to a revision.
        page = super().with_content_json(content)
        page.withdrawn_at, page.withdrawal_reason = self.withdrawn_at, self.withdrawal_reason
        return page

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None and not self.live

    def withdraw(self, reason, user=None):
        """Take the item off the site, leaving the notice at its address."""
        reason = clean_reason(reason)
        if not self.live:
            raise ValidationError(_("Only a published item can be withdrawn."))
        with transaction.atomic():
            self.withdrawn_at = timezone.now()
            self.withdrawal_reason = reason
            self.unpublish(user=user, log_action=WITHDRAW_ACTION)

    withdraw.alters_data = True
