"""What a footprint request or scan can refuse, as the documented error body."""

from http import HTTPStatus

from core.errors import DomainError


class NothingToScan(DomainError):
    error_code = "nothing_to_scan"
    message = (
        "Give a GitHub username or a Stack Overflow user id, or add your GitHub or Stack "
        "Overflow link to your profile."
    )


class ScanNotFinished(DomainError):
    status_code = HTTPStatus.CONFLICT
    error_code = "scan_not_finished"
    message = "This scan has not finished yet; its scores are not ready."


class ScanFailed(DomainError):
    status_code = HTTPStatus.CONFLICT
    error_code = "scan_failed"
    message = "This scan failed, so it has no scores to show."


class SameScan(DomainError):
    error_code = "same_scan"
    message = "Compare two different scans."
