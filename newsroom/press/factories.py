"""Test and demo helpers: press accounts and items put under embargo the way editors do it."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .models import JOURNALISTS_GROUP, PressAccount, new_token


def press_account(username="journalist", password="a-long-press-password", **fields):  # noqa: S107 - tests and demo pass their own
    user = get_user_model().objects.create_user(
        username,
        password=password,
        first_name=fields.pop("first_name", "Ana"),
        last_name=fields.pop("last_name", "Reporter"),
    )
    user.groups.add(Group.objects.get_or_create(name=JOURNALISTS_GROUP)[0])
    fields.setdefault("outlet", "Le Quotidien")
    return PressAccount.objects.create(user=user, feed_token=new_token(), **fields)


def embargo(item, until, share=True):
    """Schedule ``item`` (not live) for ``until`` and share it with the press, as the admin does:
    publishing a revision whose go-live time is ahead only schedules it."""
    item.go_live_at = until
    item.share_with_press = share
    item.save_revision().publish()
    item.refresh_from_db()
    return item
