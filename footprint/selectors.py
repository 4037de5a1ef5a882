"""Reads scoped to their owner: another user's scan is simply not found (404)."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from footprint.models import FootprintScan, FootprintSharing, ScanStatus

SUMMARY_DEFERRED = (
    "github_analysis",
    "stackoverflow_analysis",
    "privacy_report",
    "recommendations",
)


def scans_for_user(*, user) -> QuerySet[FootprintScan]:
    return FootprintScan.objects.filter(owner=user).order_by("-created_at")


def scan_history(*, user) -> QuerySet[FootprintScan]:
    """The list view: scores and statuses, without the encrypted profile data."""
    return scans_for_user(user=user).defer(*SUMMARY_DEFERRED)


def scan_get(*, user, scan_id) -> FootprintScan:
    return get_object_or_404(scans_for_user(user=user), pk=scan_id)


def latest_completed_scan(*, user) -> FootprintScan | None:
    return scans_for_user(user=user).filter(status=ScanStatus.COMPLETED).first()


def sharing_enabled(*, user) -> bool:
    return FootprintSharing.objects.filter(user=user, share_with_recruiters=True).exists()


def shared_scan(*, candidate) -> FootprintScan | None:
    """The candidate's latest completed scan, only when they chose to share it (one query)."""
    if candidate is None:
        return None
    shared = scans_for_user(user=candidate).filter(
        status=ScanStatus.COMPLETED, owner__footprint_sharing__share_with_recruiters=True
    )
    return shared.first()
