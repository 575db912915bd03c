"""Standard Webhooks signatures (standardwebhooks.com): ``webhook-id``, ``webhook-timestamp``
(Unix seconds) and ``webhook-signature`` = ``v1,`` + base64 of HMAC-SHA256 over
``<id>.<timestamp>.<body>`` with the secret (``whsec_`` + base64 of the key)."""

import base64
import hashlib
import hmac


def key_of(secret):
    raw = secret.removeprefix("whsec_")
    try:
        return base64.b64decode(raw, validate=True)
    except ValueError:
        return raw.encode()  # a secret typed by hand, not base64: its bytes are the key


def sign(secret, webhook_id, timestamp, body):
    message = f"{webhook_id}.{timestamp}.".encode() + body
    digest = hmac.new(key_of(secret), message, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def headers(secret, webhook_id, timestamp, body):
    return {
        "webhook-id": webhook_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(secret, webhook_id, timestamp, body),
    }


def verify(secret, headers, body, *, now, tolerance=300):
    """What a receiver does (the tests' receiver uses it): True for a good, fresh signature."""
    try:
        timestamp = int(headers["webhook-timestamp"])
    except (KeyError, ValueError):
        return False
    if abs(now - timestamp) > tolerance:
        return False
    expected = sign(secret, headers.get("webhook-id", ""), timestamp, body).split(",", 1)[1]
    given = [part.split(",", 1)[-1] for part in headers.get("webhook-signature", "").split()]
    return any(hmac.compare_digest(expected, value) for value in given)
