"""The admin's dashboard panels: people and background work (registered in AccountsConfig)."""

from datetime import timedelta

from django.db.models import Count, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from accounts.dashboard import Panel, register_dashboard_panel
from accounts.models import Role, User
from core.durable import registered_kinds
from gdpr.models import OPEN_STATUSES, DataSubjectRequest, RequestKind, RequestStatus

NEW_USER_DAYS = 7


def users_panel(*, request) -> Panel:
    since = timezone.now() - timedelta(days=NEW_USER_DAYS)
    rows = User.objects.values("role").annotate(
        total=Count("id"),
        new=Count("id", filter=Q(created_at__gte=since)),
        unverified=Count("id", filter=Q(email_verified_at__isnull=True)),
    )
    by_role = {row["role"]: row for row in rows}
    roles = [{"label": role.label, "total": by_role.get(role, {}).get("total", 0)} for role in Role]
    return Panel(
        title="People",
        template="accounts/panels/users.html",
        data={
            "total": sum(row["total"] for row in rows),
            "new": sum(row["new"] for row in rows),
            "new_days": NEW_USER_DAYS,
            "unverified": sum(row["unverified"] for row in rows),
            "roles": roles,
        },
    )


def _failed_jobs_url(model, failed: str) -> str:
    """The admin list of a model's failed rows, when the model is in the admin site."""
    opts = model._meta
    try:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    except NoReverseMatch:
        return ""
    return f"{url}?status__exact={failed}"


def queues_panel(*, request) -> Panel:
    """Each kind of background job by state: one grouped count per kind."""
    queues = []
    for kind in registered_kinds():
        counts = dict(kind.model.objects.values_list("status").annotate(n=Count("pk")).order_by())
        queues.append(
            {
                "name": kind.noun.capitalize(),
                "queued": counts.get(kind.queued, 0),
                "running": sum(counts.get(status, 0) for status in kind.running),
                "failed": counts.get(kind.failed, 0),
                "failed_url": _failed_jobs_url(kind.model, kind.failed),
            }
        )
    queues.sort(key=lambda queue: queue["name"])
    return Panel(
        title="Background jobs",
        template="accounts/panels/queues.html",
        data={"queues": queues, "failed": sum(queue["failed"] for queue in queues)},
        wide=True,
    )


def data_requests_panel(*, request) -> Panel:
    """Open export and erasure requests, and those past their one-month answer date."""
    now = timezone.now()
    counts = DataSubjectRequest.objects.filter(status__in=OPEN_STATUSES).aggregate(
        open=Count("id"),
        overdue=Count("id", filter=Q(due_at__lt=now)),
        exports=Count("id", filter=Q(kind=RequestKind.EXPORT)),
        erasures=Count("id", filter=Q(kind=RequestKind.ERASURE)),
        unconfirmed=Count("id", filter=Q(status=RequestStatus.AWAITING_CONFIRMATION)),
    )
    url = reverse("admin:gdpr_datasubjectrequest_changelist")
    return Panel(
        title="Data requests",
        template="accounts/panels/data_requests.html",
        data={**counts, "url": f"{url}?status__exact={RequestStatus.OPEN}"},
    )


def register_admin_panels() -> None:
    register_dashboard_panel("admin.users", role=Role.ADMIN, order=10, provider=users_panel)
    register_dashboard_panel(
        "admin.data_requests", role=Role.ADMIN, order=15, provider=data_requests_panel
    )
    register_dashboard_panel("admin.queues", role=Role.ADMIN, order=20, provider=queues_panel)
