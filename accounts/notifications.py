"""The notification centre: messages kept for a user and pushed to every open socket of theirs
(the `user.<id>` channel-layer group), with the unread count so headers update live."""

from django.db import transaction
from django.utils import timezone

from accounts.models import Notification
from core.realtime.groups import user_group
from core.realtime.publish import publish

CENTRE_SIZE = 50


def notify_user(*, user_id: int, payload: dict) -> bool:
    """Push `payload` only (nothing kept). Best effort: False (logged) when it could not go."""
    return publish(user_group(user_id), payload)


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def notification_send(*, user_id: int, kind: str, text: str, url: str = "", payload=None):
    """Keep a notification for the centre, then push it with the new unread count.

    The row is written first (the centre is the record); the push runs after the commit and
    is best effort: a socket that missed it shows the count on the next page.
    """
    notification = Notification.objects.create(user_id=user_id, kind=kind, text=text, url=url)
    message = {
        **(payload or {}),
        "type": kind,
        "notification": {"id": notification.pk, "text": text, "url": url},
        "unread": Notification.objects.filter(user_id=user_id, read_at__isnull=True).count(),
    }
    transaction.on_commit(lambda: notify_user(user_id=user_id, payload=message))
    return notification


def notifications_recent(user) -> list[Notification]:
    return list(Notification.objects.filter(user=user)[:CENTRE_SIZE])


def notifications_mark_read(user) -> int:
    """Mark every unread notification of `user` read; tell their other tabs the count is 0."""
    marked = Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    if marked:
        notify_user(user_id=user.pk, payload={"type": "notifications.read", "unread": 0})
    return marked
