"""Composers of mailing's own: one text for every recipient (tests, benchmarks, a test message
from the admin). The outlets have their own (alerts: newsroom/alerts/)."""

from newsroom.formats.email import OutgoingMessage


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
