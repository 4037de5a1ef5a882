"""Panels other apps add to the recruiter's candidate page (ats imports none of them).

The registry lives in core so that apps beside the ats chain (footprint) contribute too;
ats/hooks.py keeps its names for the apps above ats. An app registers a provider in its
AppConfig.ready(); the candidate page and API call every provider with the application and
the viewer. A provider returns None when it has nothing to show, else a CandidatePanel: the
data for the API and the template that renders it.
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
