"""Panels of the role dashboards, contributed by the apps that own the data.

accounts renders the dashboards but imports no app above it: each app registers its panels in
its AppConfig.ready(). A provider is called with the request and returns None when it has
nothing to show, else a Panel: a template and its data. Panels render in `order`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ImproperlyConfigured

from accounts.models import Role


@dataclass(frozen=True)
class Panel:
    title: str
    template: str
    data: dict = field(default_factory=dict)
    # "wide" panels span the dashboard's two columns.
    wide: bool = False


PanelProvider = Callable[..., Panel | None]


@dataclass(frozen=True)
class _Registration:
    name: str
    role: Role
    order: int
    provider: PanelProvider


_registrations: dict[str, _Registration] = {}


def register_dashboard_panel(name: str, *, role: Role, order: int, provider: PanelProvider):
    """Show `provider(request=)` on the dashboard of `role` (the role's home, not those above)."""
    registration = _Registration(name=name, role=Role(role), order=order, provider=provider)
    existing = _registrations.get(name)
    if existing is not None and existing.provider is not provider:
        raise ImproperlyConfigured(f"Dashboard panel '{name}' is registered twice.")
    _registrations[name] = registration


def dashboard_panels(*, role: Role, request) -> list[Panel]:
    """The panels of `role`'s dashboard that have something to show, in order."""
    chosen = sorted(
        (r for r in _registrations.values() if r.role == role), key=lambda r: (r.order, r.name)
    )
    panels = (r.provider(request=request) for r in chosen)
    return [panel for panel in panels if panel is not None]


SESSION_LAST_VISIT = "dashboard_last_visit"


def last_visit(request) -> datetime | None:
    """When the user saw their dashboard before this session (None: never)."""
    value = request.session.get(SESSION_LAST_VISIT)
    return datetime.fromisoformat(value) if value else None


def remember_last_visit(request) -> None:
    """Pin the previous visit for this session, then record this one."""
    if SESSION_LAST_VISIT not in request.session:
        seen = request.user.dashboard_seen_at
        request.session[SESSION_LAST_VISIT] = seen.isoformat() if seen else ""
