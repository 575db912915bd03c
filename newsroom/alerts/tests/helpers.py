"""Subscribing the way readers do, and signing in as the press office, for the tests that
need subscribers or staff to exist."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from .conftest import links_in


def staff_client(group, username):
    """A browser signed in to the admin as a new member of ``group`` (Wagtail's Moderators
    are the press office; Editors write)."""
    user = get_user_model().objects.create_user(username, password="a-long-staff-password")
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    return client


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
