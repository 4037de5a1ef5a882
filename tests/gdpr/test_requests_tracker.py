"""The data-subject requests tracker: each request is due a month after it arrives."""

from datetime import timedelta

import pytest

from gdpr.models import AuditAction, AuditLogEntry, RequestStatus
from gdpr.tracker import complete_request, open_request, open_requests

pytestmark = pytest.mark.django_db


def test_a_request_is_due_thirty_days_after_it_arrives(candidate, clock):
    request = open_request(kind="export", user=candidate, reference="job-1")

    assert request.status == RequestStatus.OPEN
    assert request.received_at == clock.now
    assert request.due_at == clock.now + timedelta(days=30)
    assert AuditLogEntry.objects.filter(
        action=AuditAction.GDPR_REQUEST_RECEIVED, object_id=str(request.pk)
    ).exists()


def test_open_requests_list_the_soonest_due_first_and_leave_answered_ones_out(candidate, clock):
    older = open_request(kind="erasure", user=candidate)
    clock.set(clock.now + timedelta(days=3))
    newer = open_request(kind="export", email="anon@example.com", awaiting_confirmation=True)
    answered = open_request(kind="export", user=candidate)
    complete_request(answered, outcome="Export ready")

    assert list(open_requests()) == [older, newer]


def test_completing_forgets_the_email_and_happens_once(clock):
    request = open_request(kind="erasure", email="anon@example.com")
    clock.set(clock.now + timedelta(days=2))

    completed = complete_request(request.pk, outcome="2 applications erased")
    again = complete_request(request.pk, outcome="ran twice")

    assert completed.status == RequestStatus.COMPLETED
    assert completed.completed_at == clock.now
    assert completed.outcome == "2 applications erased"
    assert completed.email == ""
    assert again is None
    assert AuditLogEntry.objects.filter(action=AuditAction.GDPR_REQUEST_COMPLETED).count() == 1


def test_a_failed_request_says_why(candidate):
    request = open_request(kind="export", user=candidate)

    failed = complete_request(request, outcome="The export could not be written.", failed=True)

    assert failed.status == RequestStatus.FAILED
    assert failed.outcome == "The export could not be written."
