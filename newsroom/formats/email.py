"""An e-mail message from plain values: subject, a plain-text part, an HTML part, headers.

The composers of the outlets (alerts, send-outs) return an ``OutgoingMessage``; mailing adds
what every message of ours carries (a stable ``Message-ID``, ``Date``, ``Auto-Submitted``, the
sender) and hands the result of ``build()`` to Django's e-mail backend (SMTP or a sending
service through django-anymail), which serialises it.

Nothing here may become a header injection: every header value is checked for line breaks (a
``ValueError`` names the header), and addresses are the caller's normalised ones.
"""

from dataclasses import dataclass, field

from django.core.mail import EmailMultiAlternatives

# Headers that only the sender (mailing) sets: a composer cannot override them.
RESERVED_HEADERS = frozenset(
    {"message-id", "date", "from", "to", "cc", "bcc", "auto-submitted", "subject", "reply-to"}
)


@dataclass
class OutgoingMessage:
    """What a composer returns for one recipient."""

    subject: str
    text: str
    html: str = ""
    headers: dict = field(default_factory=dict)  # e.g. List-Unsubscribe, List-Unsubscribe-Post
    from_email: str = ""  # empty: the newsroom's sender (DEFAULT_FROM_EMAIL)
    reply_to: str = ""


def _single_line(name, value):
    value = str(value)
    if "\r" in value or "\n" in value:
        raise ValueError(f"The {name} header may not contain a line break.")
    return value


def build(message, *, to, from_email, message_id, date, connection=None):
    """A Django ``EmailMultiAlternatives`` for ``message`` to the one address ``to``.

    ``message_id`` is given without angle brackets; ``date`` is an RFC 5322 date string."""
    headers = {}
    for name, value in message.headers.items():
        if name.lower() in RESERVED_HEADERS:
            raise ValueError(f"The {name} header is set by the sender, not by the composer.")
        headers[_single_line("header name", name)] = _single_line(name, value)
    headers["Message-ID"] = f"<{_single_line('Message-ID', message_id)}>"
    headers["Date"] = _single_line("Date", date)
    headers["Auto-Submitted"] = "auto-generated"
    email = EmailMultiAlternatives(
        subject=_single_line("Subject", message.subject),
        body=message.text,
        from_email=_single_line("From", message.from_email or from_email),
        to=[_single_line("To", to)],
        reply_to=[_single_line("Reply-To", message.reply_to)] if message.reply_to else None,
        headers=headers,
        connection=connection,
    )
    if message.html:
        email.attach_alternative(message.html, "text/html")
    return email
