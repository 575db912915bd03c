"""An e-mail message from plain values: subject, a plain-text part, an HTML part, headers.

The composers of the outlets (alerts, send-outs) return an ``OutgoingMessage``; mailing adds
what every message of ours carries (a stable ``Message-ID``, ``Date``, ``Auto-Submitted``, the
sender) and hands the result of ``build()`` to Django's e-mail backend (SMTP or a sending
service through django-anymail), which serialises it.

Nothing here may become a header injection: every header value is checked for line breaks (a
``ValueError`` names the header), and addresses are the caller's normalised ones.
"""

import email.policy
import hashlib
from dataclasses import dataclass, field
from email import quoprimime
from email.message import EmailMessage
from functools import lru_cache

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
    email = OutboundEmail(
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


# --- serialising fast -------------------------------------------------------------------------
# Python's e-mail generator takes about half a millisecond a message (header folding, boundary
# search, body encoding), as long as the SMTP exchange itself. A dispatch sends nearly the same
# parts to every recipient: only a few headers and the recipient's own links differ. So the MIME
# skeleton is made once by the e-mail package, and the parts are quoted-printable encoded line by
# line (the encoding is line by line: the result is byte for byte the e-mail package's), each
# line's encoding kept, so a message only encodes its few lines of its own (signed links).
# Non-ASCII header values are still encoded (RFC 2047) and folded by the e-mail package.

SMTP_POLICY = email.policy.SMTP
_BOUNDARY_MARK = "=_" + "0" * 32  # as long as a real boundary, so the header folds the same
_TEXT_MARK, _HTML_MARK = "xnewsroomtextpartx", "xnewsroomhtmlpartx"


@lru_cache(maxsize=2)
def _skeleton(with_html):
    """The MIME head and body with marks where the boundary and the encoded parts go."""
    part = EmailMessage(policy=SMTP_POLICY)
    part.set_content(_TEXT_MARK, subtype="plain", charset="utf-8", cte="quoted-printable")
    if with_html:
        part.add_alternative(_HTML_MARK, subtype="html", charset="utf-8", cte="quoted-printable")
        part.set_boundary(_BOUNDARY_MARK)
    raw = part.as_bytes(policy=SMTP_POLICY)
    head, _, body = raw.partition(b"\r\n\r\n")
    return head + b"\r\n", body


@lru_cache(maxsize=8192)
def _qp_line(line):
    """One line (bytes, without its line end) quoted-printable encoded, with CRLF."""
    encoded = quoprimime.body_encode(line.decode("latin-1") + "\n", SMTP_POLICY.max_line_length)
    return encoded.replace("\n", "\r\n").encode("ascii")


def _qp(text):
    # An empty part is one empty line, as the e-mail package writes it.
    return b"".join(_qp_line(line) for line in text.encode("utf-8").splitlines() or [b""])


@lru_cache(maxsize=16)
def _encoded_parts(text, html):
    """(MIME headers, body) bytes of the text (and HTML) parts, CRLF line ends."""
    head, body = _skeleton(bool(html))
    body = body.replace(_TEXT_MARK.encode() + b"\r\n", _qp(text), 1)
    if html:
        # Quoted-printable never writes "=_", so this boundary cannot occur in the parts.
        boundary = ("=_" + hashlib.sha256((text + "\0" + html).encode()).hexdigest()[:32]).encode()
        head = head.replace(_BOUNDARY_MARK.encode(), boundary)
        body = body.replace(_BOUNDARY_MARK.encode(), boundary)
        body = body.replace(_HTML_MARK.encode() + b"\r\n", _qp(html), 1)
    return head, body


@lru_cache(maxsize=512)
def _header_line(name, value):
    # ASCII is written as it is, unfolded up to RFC 5322's 998 characters a line: folding a long
    # token (a List-Unsubscribe URL) would make the e-mail package encode it, which breaks it.
    if value.isascii() and len(name) + len(value) + 2 <= 998:
        return f"{name}: {value}\r\n".encode("ascii")
    # A plain string is not encoded by fold_binary: a header object folds it into RFC 2047 words.
    return SMTP_POLICY.header_factory(name, value).fold(policy=SMTP_POLICY).encode("ascii")


class RawMessage:
    """What Django's backends ask of ``EmailMessage.message()``: bytes and header lookup."""

    def __init__(self, headers, parts):
        self.headers, self.parts = headers, parts

    def __getitem__(self, name):
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)

    def get(self, name, default=None):
        found = self[name]
        return default if found is None else found

    def as_bytes(self, unixfrom=False, linesep="\r\n"):
        head = b"".join(_header_line(name, value) for name, value in self.headers)
        data = head + self.parts[0] + b"\r\n" + self.parts[1]
        return data if linesep == "\r\n" else data.replace(b"\r\n", linesep.encode())

    def as_string(self, unixfrom=False, linesep="\n"):
        return self.as_bytes(linesep=linesep).decode("utf-8", "replace")


class OutboundEmail(EmailMultiAlternatives):
    """A Django e-mail message whose ``message()`` is serialised the fast way above. Sending
    services (anymail) read the attributes (subject, body, alternatives, extra_headers) as for
    any EmailMultiAlternatives."""

    def message(self, *, policy=None):
        html = next(
            (content for content, mimetype in self.alternatives if mimetype == "text/html"), ""
        )
        headers = [("From", self.from_email), ("To", ", ".join(self.to))]
        if self.reply_to:
            headers.append(("Reply-To", ", ".join(self.reply_to)))
        headers.append(("Subject", self.subject))
        headers += list(self.extra_headers.items())
        return RawMessage(headers, _encoded_parts(self.body, html))
