"""What apps above ats add to its pages (ats imports none of them): panels on the recruiter's
candidate page, and follow-ups offered on a board card after a move.

The candidate-panel registry lives in core.panels, so that footprint, which stands beside
the ats chain and may not import ats, adds its panel too; its names are re-exported here.
An app registers a provider in its AppConfig.ready().
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

from core.panels import CandidatePanel, candidate_panels, register_candidate_panel

__all__ = [
    "CandidatePanel",
    "MoveFollowUp",
    "candidate_panels",
    "move_followups",
    "register_candidate_panel",
    "register_move_followup",
]


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
