"""The e-mail backend of embedded mode when nothing is configured: each message becomes an
``.eml`` file in the data folder (NEWSROOM_DATA_DIR/mail/YYYY-MM-DD/), which any mail program
opens. Django's own file backend appends every message of a connection to one log file
instead, which no mail program reads."""

import re
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend


def mail_folder():
    return Path(settings.DATA_DIR) / "mail"


class EmlFileBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        day = mail_folder() / datetime.now(UTC).strftime("%Y-%m-%d")
        day.mkdir(parents=True, exist_ok=True)
        for email in email_messages:
            message = email.message()
            name = re.sub(r"[^A-Za-z0-9._-]", "_", str(message["Message-ID"] or id(email)))
            stamp = datetime.now(UTC).strftime("%H%M%S%f")
            (day / f"{stamp}-{name.strip('_')[:80]}.eml").write_bytes(
                message.as_bytes(linesep="\r\n")
            )
        return len(email_messages)
