"""Composers of mailing's own: one text for every recipient (tests, benchmarks, a test message
from the admin). The outlets have their own (alerts: newsroom/alerts/), and share ``Recheck``."""

import time

from newsroom.formats.email import OutgoingMessage

RECHECK_SECONDS = 1.0


class Recheck:
    """A question a composer asks again at most every RECHECK_SECONDS while a dispatch is being
    sent (is the item still public?): often enough to stop within a second, rarely enough that
    100,000 messages do not ask it 100,000 times."""

    def __init__(self, question):
        self.question, self.at, self.answer = question, 0.0, None

    def __call__(self):
        now = time.monotonic()
        if now - self.at >= RECHECK_SECONDS:
            self.answer, self.at = self.question(), now
        return self.answer


def same_for_all(params):
    """params: subject, text, html (optional), unsubscribe (an https URL prefix, optional: the
    delivery's id is appended, as an outlet would append a signed token)."""
    subject, text, html = params["subject"], params["text"], params.get("html", "")
    unsubscribe = params.get("unsubscribe", "")

    def render(recipient):
        if recipient.data.get("unwanted"):
            return None
        headers = {}
        if unsubscribe:
            headers["List-Unsubscribe"] = f"<{unsubscribe}{recipient.delivery_id}>"
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        return OutgoingMessage(subject=subject, text=text, html=html, headers=headers)

    return render
