"""Steps a press officer takes in the admin, shared by the send-out tests."""

from newsroom.sendouts.models import MediaContact, MediaList, SendOut


def contact(name, email, **fields):
    return MediaContact.objects.create(name=name, email=email, **fields)


def hand_list(name, *members):
    media_list = MediaList.objects.create(name=name)
    media_list.members.set(members)
    return media_list


def prepare(client, page, lists=(), contacts=(), **fields):
    """The *Send to media lists* form, filled in and posted; returns the draft send-out."""
    form = client.get(f"/admin/sendouts/new/{page.pk}/")
    assert form.status_code == 200, form.content.decode()[:2000]
    data = {"note": "Dear colleagues, ahead of the summit.", "sender_name": "NATO Press Office",
            "reply_to": "press@nato.example", **fields,
            "lists": [media_list.pk for media_list in lists],
            "contacts": [one.pk for one in contacts]}  # fmt: skip
    posted = client.post(f"/admin/sendouts/new/{page.pk}/", data)
    assert posted.status_code == 302, posted.content.decode()[:3000]
    sendout = SendOut.objects.latest("pk")
    assert posted["Location"] == f"/admin/sendouts/send/{sendout.pk}/"
    return sendout


def act(client, sendout, action, **data):
    """A button of the send-out page; returns the page it comes back to, with its messages."""
    response = client.post(f"/admin/sendouts/send/{sendout.pk}/", {"action": action, **data})
    assert response.status_code == 302, response.content.decode()[:3000]
    return client.get(response["Location"])


def page_of(client, sendout):
    response = client.get(f"/admin/sendouts/send/{sendout.pk}/")
    assert response.status_code == 200
    return response
