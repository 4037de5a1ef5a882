"""Personal data held by the accounts app: the profile and the notifications.

Erasure clears the profile (the row itself goes last, in gdpr.erasure) and deletes the
person's notifications. Other people's notifications may name them ("New application from
…"): their name and email there become "a deleted user", so the recipient keeps the event.
"""

from django.db.models import Q, Value
from django.db.models.functions import Replace

from accounts.models import PROFILE_FIELDS, Notification
from accounts.services import erase_profile
from gdpr.registry import registry

ERASED_NAME = "a deleted user"


def export_profile(user) -> dict:
    return {
        "email": user.email,
        "role": user.role,
        **{field: getattr(user, field) for field in PROFILE_FIELDS},
        "skills": user.skills,
        "created_at": user.created_at.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
    }


def export_notifications(user) -> list[dict]:
    return [
        {
            "kind": notification.kind,
            "text": notification.text,
            "url": notification.url,
            "created_at": notification.created_at.isoformat(),
            "read_at": notification.read_at.isoformat() if notification.read_at else None,
        }
        for notification in Notification.objects.filter(user=user).order_by("created_at")
    ]


def erase_notifications(user) -> None:
    Notification.objects.filter(user=user).delete()
    for value in filter(None, (user.email, user.name)):
        Notification.objects.filter(Q(text__contains=value)).update(
            text=Replace("text", Value(value), Value(ERASED_NAME))
        )


registry.register("account", title="Profile", export=export_profile, erase=erase_profile)
registry.register(
    "notifications",
    title="Notifications",
    export=export_notifications,
    erase=erase_notifications,
    count=lambda user: Notification.objects.filter(user=user).count(),
)
