from django.db.models import Q, QuerySet

from accounts.models import User


def users_list(*, role: str = "", search: str = "", is_active: bool | None = None) -> QuerySet:
    """Users for the admin list, newest first, filtered by role, text and activity."""
    users = User.objects.all()
    if role:
        users = users.filter(role=role)
    if search:
        users = users.filter(Q(email__icontains=search) | Q(name__icontains=search))
    if is_active is not None:
        users = users.filter(is_active=is_active)
    return users.order_by("-created_at", "-id")
