"""The footprint panel on the recruiter's candidate page (registered into core.panels): the
candidate's latest scan, only when the candidate chose to share it."""

from core.panels import CandidatePanel
from footprint.selectors import shared_scan


def footprint_panel(*, application, user) -> CandidatePanel | None:
    scan = shared_scan(candidate=getattr(application, "candidate", None))
    if scan is None:
        return None
    scores = [
        {"name": name, "score": value["score"], "formula": value["formula"]}
        for name, value in scan.scores.items()
    ]
    data = {
        "scanned_at": scan.completed_at.isoformat() if scan.completed_at else None,
        "github_username": scan.github_username,
        "stackoverflow_id": scan.stackoverflow_id,
        "scores": scores,
        "skills": [skill["name"] for skill in scan.skills[:12]],
    }
    return CandidatePanel(title="Developer footprint", template="footprint/_panel.html", data=data)
