"""Subscribing the way readers do, for the tests that need subscribers to exist."""

from .conftest import links_in


def sign_up(client, mailbox, email, **choices):
    """Sign up over HTTP and confirm with the link of the message received; returns the
    message's links (confirm) and the confirmation page."""
    data = {"email": email, "frequency": "immediately", "language": "en", **choices}
    response = mailbox.run(client.post, "/en/alerts/", data)
    assert response.status_code == 200, response.content.decode()
    message = mailbox.messages(email)[-1]
    confirm = links_in(message)[0]
    page = mailbox.run(client.post, confirm)
    assert page.status_code == 200
    return confirm
