"""What apps above ats add to its pages (ats imports none of them): panels on the recruiter's
candidate page, and follow-ups offered on a board card after a move.

An app registers a provider in its AppConfig.ready(); the candidate page and API call every
provider with the application and the viewer. A provider returns None when it has nothing to
show, else a CandidatePanel: the data for the API and the template that renders it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class CandidatePanel:
    title: str
    template: str
    data: dict = field(default_factory=dict)


PanelProvider = Callable[..., CandidatePanel | None]
_providers: dict[str, PanelProvider] = {}


def register_candidate_panel(name: str, provider: PanelProvider) -> None:
    """Add a panel to the candidate page; `provider(application=, user=)`."""
    if _providers.get(name, provider) is not provider:
        raise ImproperlyConfigured(f"Candidate panel '{name}' is registered twice.")
    _providers[name] = provider


def candidate_panels(*, application, user) -> dict[str, CandidatePanel]:
    """Every registered panel that has something to show, by name."""
    panels = {}
    for name, provider in _providers.items():
        panel = provider(application=application, user=user)
        if panel is not None:
            panels[name] = panel
    return panels


# --- Board move follow-ups ------------------------------------------------------------------


@dataclass(frozen=True)
class MoveFollowUp:
    """A next step offered on the board's card after a move (e.g. "Schedule a meeting")."""

    text: str
    url: str
    link_label: str


FollowUpProvider = Callable[..., MoveFollowUp | None]
_followups: dict[str, FollowUpProvider] = {}


def register_move_followup(name: str, provider: FollowUpProvider) -> None:
    """Offer a next step after a board move; `provider(application=, user=)` sees the
    application in its new stage and returns None when it has nothing to offer."""
    if _followups.get(name, provider) is not provider:
        raise ImproperlyConfigured(f"Move follow-up '{name}' is registered twice.")
    _followups[name] = provider


def move_followups(*, application, user) -> list[MoveFollowUp]:
    """Every registered follow-up for an application that has just moved."""
    offers = (provider(application=application, user=user) for provider in _followups.values())
    return [offer for offer in offers if offer is not None]
