"""Personal data held by the footprint app: scans (the public profile data they read, their
scores and privacy report) and the sharing choice."""

from footprint.models import FootprintScan, FootprintSharing
from gdpr.registry import registry


def export_scans(user) -> list[dict]:
    return [
        {
            "id": str(scan.pk),
            "status": scan.status,
            "github_username": scan.github_username,
            "stackoverflow_id": scan.stackoverflow_id,
            "created_at": scan.created_at.isoformat(),
            "completed_at": scan.completed_at.isoformat() if scan.completed_at else None,
            "sources": scan.sources,
            "scores": scan.scores,
            "skills": scan.skills,
            "privacy_report": scan.privacy_report,
            "github_analysis": scan.github_analysis,
            "stackoverflow_analysis": scan.stackoverflow_analysis,
        }
        for scan in FootprintScan.objects.filter(owner=user).order_by("created_at")
    ]


def export_sharing(user) -> dict:
    sharing = FootprintSharing.objects.filter(user=user).first()
    return {"share_with_recruiters": bool(sharing and sharing.share_with_recruiters)}


def erase_scans(user) -> None:
    FootprintScan.objects.filter(owner=user).delete()


def erase_sharing(user) -> None:
    FootprintSharing.objects.filter(user=user).delete()


registry.register(
    "footprint_scans",
    title="Developer footprint scans",
    export=export_scans,
    erase=erase_scans,
    count=lambda user: FootprintScan.objects.filter(owner=user).count(),
)
registry.register(
    "footprint_sharing",
    title="Footprint sharing choice",
    export=export_sharing,
    erase=erase_sharing,
    count=lambda user: FootprintSharing.objects.filter(user=user).count(),
)
