"""The resumes app's panel on the candidate dashboard: the latest score and its trend."""

from accounts.dashboard import Panel, register_dashboard_panel
from accounts.models import Role
from resumes.models import Analysis, AnalysisStatus

TREND_SIZE = 8
# Bar heights of the trend chart, in SVG user units (scores are 0-100).
CHART_HEIGHT = 64
BAR_WIDTH = 22
BAR_GAP = 8


def _bars(scores: list[int]) -> list[dict]:
    return [
        {
            "x": index * (BAR_WIDTH + BAR_GAP),
            "y": CHART_HEIGHT - max(2, round(score * CHART_HEIGHT / 100)),
            "height": max(2, round(score * CHART_HEIGHT / 100)),
            "score": score,
        }
        for index, score in enumerate(scores)
    ]


def resume_score_panel(*, request) -> Panel:
    """The newest completed analysis, how it compares with the one before, and the last few."""
    recent = list(
        Analysis.objects.filter(owner=request.user, status=AnalysisStatus.COMPLETED)
        .exclude(overall_score=None)
        .select_related("resume")
        .only("id", "overall_score", "completed_at", "job_title", "resume__original_name")
        .order_by("-completed_at", "-created_at")[:TREND_SIZE]
    )
    latest = recent[0] if recent else None
    change = latest.overall_score - recent[1].overall_score if len(recent) > 1 else None
    scores = [analysis.overall_score for analysis in reversed(recent)]
    return Panel(
        title="Resume score",
        template="resumes/panels/score.html",
        data={
            "latest": latest,
            "change": change,
            "bars": _bars(scores),
            "chart_width": max(1, len(scores)) * (BAR_WIDTH + BAR_GAP) - BAR_GAP,
            "chart_height": CHART_HEIGHT,
            "bar_width": BAR_WIDTH,
            "scores_text": ", ".join(str(score) for score in scores),
        },
    )


def register_resume_panels() -> None:
    register_dashboard_panel(
        "resumes.score", role=Role.CANDIDATE, order=10, provider=resume_score_panel
    )
