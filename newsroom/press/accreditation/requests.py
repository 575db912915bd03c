"""Storing a request and deciding it: what the views and the admin ask for.

- ``submit``: a valid form becomes a pending request and its acknowledgement is sent. While an
  address has a pending request, another one from it is not stored (nor acknowledged again);
  the form's answer is the same either way, so it tells nobody what an address has asked or
  whether it has an account.
- ``approve`` / ``refuse``: taken once. The request changes state in one conditional UPDATE
  (``WHERE status = 'pending'``): of two press officers deciding at the same moment, one wins
  and the other gets ``AlreadyDecided``. Each decision is written to Wagtail's log (who, when,
  what, the message), and mailed to the journalist once the transaction commits.
- Approval creates a Django user in the "Accredited journalists" group (never staff) with no
  usable password, and its press account; the mail carries a set-password link. An address
  that already belongs to an account is not given a second one (``AddressTaken``): the press
  office edits the existing account instead. ``accreditation_approved`` lets other apps act on
  the new account (send-outs links the media contact with the same address).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils import timezone
from wagtail.log_actions import log

from newsroom.mailing import outbox

from ..models import JOURNALISTS_GROUP, AccreditationRequest, PressAccount, new_token
from . import messages

Status = AccreditationRequest.Status
APPROVE, REFUSE = "press.accreditation.approve", "press.accreditation.refuse"

# Sent inside the approval's transaction with ``request`` (the AccreditationRequest) and
# ``account``; a receiver returns a short sentence for the press officer, or None.
accreditation_approved = Signal()


class AlreadyDecided(Exception):
    def __init__(self, request):
        super().__init__(request.status)
        self.request = request


class AddressTaken(Exception):
    def __init__(self, user):
        super().__init__(user.get_username())
        self.user = user


def send(accreditation, kind):
    """Queue one of ``messages``' messages to the request's address (sent after commit)."""
    stamp = f"{timezone.now():%Y%m%dT%H%M%S%f}"
    outbox.send_one(
        f"press:accreditation:{kind}:{accreditation.pk}:{stamp}",
        kind=f"accreditation-{kind}",
        composer=messages.COMPOSER,
        address=accreditation.email,
        data={"request": accreditation.pk},
        params={"kind": kind, "language": accreditation.language},
        source=accreditation,
    )


def submit(form, language):
    """Store a valid ``RequestForm`` and acknowledge it; None when the address already has a
    request waiting."""
    if AccreditationRequest.objects.pending().filter(email=form.cleaned_data["email"]).exists():
        return None
    accreditation = form.save(commit=False)
    accreditation.language = language
    try:
        with transaction.atomic():
            accreditation.save()
            send(accreditation, messages.RECEIVED)
    except IntegrityError:  # the same address, sent twice at the same moment
        return None
    return accreditation


def _decide(accreditation, status, by, message):
    """Move a pending request to ``status``, or raise AlreadyDecided."""
    won = AccreditationRequest.objects.filter(pk=accreditation.pk, status=Status.PENDING).update(
        status=status, decided_at=timezone.now(), decided_by=by, decision_message=message
    )
    accreditation.refresh_from_db()
    if not won:
        raise AlreadyDecided(accreditation)


def _log(accreditation, action, by):
    log(
        accreditation,
        action,
        user=by,
        data={
            "email": accreditation.email,
            "outlet": accreditation.outlet,
            "message": accreditation.decision_message,
            "account": accreditation.account_id,
        },
    )


def _user_for(accreditation):
    User = get_user_model()
    existing = User.objects.filter(email__iexact=accreditation.email).first()
    existing = existing or User.objects.filter(username__iexact=accreditation.email).first()
    if existing is not None:
        raise AddressTaken(existing)
    first, _space, last = accreditation.name.strip().rpartition(" ")
    user = User(
        username=accreditation.email[:150],
        email=accreditation.email,
        first_name=(first or last)[:150],
        last_name=(last if first else "")[:150],
        is_staff=False,
        is_superuser=False,
    )
    user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get_or_create(name=JOURNALISTS_GROUP)[0])
    return user


@transaction.atomic
def approve(accreditation, by, message=""):
    """Approve, create the account and mail the link. Returns (account, notes): the notes are
    what other apps did with the account (a media contact linked)."""
    _decide(accreditation, Status.APPROVED, by, message)
    user = _user_for(accreditation)  # AddressTaken rolls the decision back
    account = PressAccount.objects.create(
        user=user, outlet=accreditation.outlet[:200], feed_token=new_token()
    )
    accreditation.account = account
    accreditation.save(update_fields=["account"])
    _log(accreditation, APPROVE, by)
    replies = accreditation_approved.send(
        sender=AccreditationRequest, request=accreditation, account=account
    )
    send(accreditation, messages.APPROVED)
    return account, [str(reply) for _receiver, reply in replies if reply]


@transaction.atomic
def refuse(accreditation, by, message=""):
    _decide(accreditation, Status.REFUSED, by, message)
    _log(accreditation, REFUSE, by)
    send(accreditation, messages.REFUSED)


def send_new_link(user):
    """A fresh set-password link for an account made by an accreditation, whose first link
    expired unused. False when there is nothing to send (no such account)."""
    accreditation = (
        AccreditationRequest.objects.filter(
            status=Status.APPROVED, account__user=user, account__active=True
        )
        .order_by("-decided_at")
        .first()
    )
    if accreditation is None or user.has_usable_password():
        return False
    send(accreditation, messages.NEW_LINK)
    return True
