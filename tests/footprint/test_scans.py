"""A scan end to end over the fake network: the call budget, the cache, one source down,
both down, progress on the user's group and the audit trail."""

from datetime import timedelta

import pytest
from django.core.cache import cache

from core.durable import sweep
from footprint import services
from footprint.models import FootprintScan, ScanStatus
from gdpr.models import AuditAction, AuditLogEntry
from tests.accounts.factories import CandidateFactory
from tests.footprint.conftest import own_repos
from tests.footprint.fakes import RESET_EPOCH

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def run_scan(django_capture_on_commit_callbacks, **kwargs) -> FootprintScan:
    owner = kwargs.pop("owner", None) or CandidateFactory()
    with django_capture_on_commit_callbacks(execute=True):
        scan = services.scan_start(owner=owner, **kwargs)
    scan.refresh_from_db()
    return scan


def test_a_scan_reads_both_sources_within_budget_and_scores(
    fake_network, django_capture_on_commit_callbacks
):
    github, stack = fake_network
    scan = run_scan(
        django_capture_on_commit_callbacks, github_username="ada", stackoverflow_id=22656
    )
    assert scan.status == ScanStatus.COMPLETED
    assert len(github.requests) <= 10 and len(stack.requests) <= 5
    assert scan.sources["github"]["calls"] == len(github.requests)
    assert set(scan.scores) == {
        "visibility",
        "activity",
        "impact",
        "expertise",
        "professional",
        "overall",
    }
    assert scan.overall_score == scan.scores["overall"]["score"]
    assert {"Python", "Django"} <= {skill["name"] for skill in scan.skills}
    assert scan.privacy_report["highest_risk"] == "high"  # the public email
    assert scan.recommendations
    assert AuditLogEntry.objects.filter(
        action=AuditAction.FOOTPRINT_SCANNED, object_id=str(scan.pk)
    ).exists()


def test_a_profile_with_many_repositories_still_spends_at_most_ten_calls(
    fake_network, django_capture_on_commit_callbacks
):
    github, _stack = fake_network
    github.repos = own_repos(1000)
    scan = run_scan(django_capture_on_commit_callbacks, github_username="ada")
    assert len(github.requests) == 10
    assert scan.status == ScanStatus.COMPLETED
    assert scan.sources["github"]["gaps"]


def test_a_second_scan_within_a_day_spends_no_call(
    fake_network, django_capture_on_commit_callbacks
):
    github, stack = fake_network
    first = run_scan(
        django_capture_on_commit_callbacks, github_username="ada", stackoverflow_id=22656
    )
    spent = len(github.requests), len(stack.requests)
    second = run_scan(
        django_capture_on_commit_callbacks, github_username="Ada", stackoverflow_id=22656
    )
    assert (len(github.requests), len(stack.requests)) == spent
    assert second.sources["github"] == {**second.sources["github"], "cached": True, "calls": 0}
    assert second.scores == first.scores


def test_after_a_day_the_profile_is_read_again(fake_network, django_capture_on_commit_callbacks):
    github, _stack = fake_network
    run_scan(django_capture_on_commit_callbacks, github_username="ada")
    spent = len(github.requests)
    cache.delete("footprint:profile:github:ada")  # what the 24-hour timeout does
    run_scan(django_capture_on_commit_callbacks, github_username="ada")
    assert len(github.requests) == 2 * spent


def test_one_source_down_finishes_with_the_other_and_says_so(
    fake_network, django_capture_on_commit_callbacks
):
    github, _stack = fake_network
    github.overrides["/users/ada"] = (
        403,
        {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(RESET_EPOCH)},
        {"message": "limit"},
    )
    scan = run_scan(
        django_capture_on_commit_callbacks, github_username="ada", stackoverflow_id=22656
    )
    assert scan.status == ScanStatus.COMPLETED
    assert scan.sources["github"]["status"] == "failed"
    assert scan.sources["github"]["retry_at"] == "2030-03-17T17:46:40+00:00"
    assert scan.current_step.startswith("Scan complete without GitHub: GitHub's rate limit")
    assert scan.sources["stackoverflow"]["status"] == "ok"
    assert {i["source"] for i in scan.scores["activity"]["inputs"]} == {"stackoverflow"}


def test_both_sources_down_fail_the_scan_with_both_reasons(
    fake_network, django_capture_on_commit_callbacks
):
    github, stack = fake_network
    github.overrides["/users/"] = (503, {}, {"message": "down"})
    stack.overrides["/users/"] = (503, {}, {"error_message": "down"})
    scan = run_scan(
        django_capture_on_commit_callbacks, github_username="ada", stackoverflow_id=22656
    )
    assert scan.status == ScanStatus.FAILED
    assert "GitHub could not be reached" in scan.error_message
    assert "Stack Exchange could not be reached" in scan.error_message
    assert scan.scores == {}


def test_an_unknown_user_fails_the_scan_with_its_name(
    fake_network, django_capture_on_commit_callbacks
):
    scan = run_scan(django_capture_on_commit_callbacks, github_username="nobody-here")
    assert scan.status == ScanStatus.FAILED
    assert scan.error_message == "GitHub has no user named 'nobody-here'."


def test_the_profile_links_are_scanned_by_default(fake_network, django_capture_on_commit_callbacks):
    owner = CandidateFactory(
        github_url="https://github.com/ada",
        stackoverflow_url="https://stackoverflow.com/users/22656/ada",
    )
    scan = run_scan(django_capture_on_commit_callbacks, owner=owner)
    assert (scan.github_username, scan.stackoverflow_id) == ("ada", 22656)
    assert scan.status == ScanStatus.COMPLETED


def test_progress_goes_to_the_owners_group(
    fake_network, django_capture_on_commit_callbacks, monkeypatch
):
    sent = []
    monkeypatch.setattr(
        "footprint.progress.publish", lambda group, payload: sent.append((group, payload))
    )
    scan = run_scan(django_capture_on_commit_callbacks, github_username="ada")
    assert {group for group, _ in sent} == {f"user.{scan.owner_id}"}
    states = [payload["state"] for _, payload in sent]
    assert states[0] == "fetching" and states[-1] == "completed"
    assert [payload["progress"] for _, payload in sent] == sorted(p["progress"] for _, p in sent)


def test_a_scan_taken_by_another_worker_is_not_run_twice(
    fake_network, django_capture_on_commit_callbacks
):
    github, _stack = fake_network
    scan = run_scan(django_capture_on_commit_callbacks, github_username="ada")
    spent = len(github.requests)
    services.scan_run(scan_id=str(scan.pk))
    assert len(github.requests) == spent


def test_an_unexpected_error_fails_the_scan_with_a_readable_message(
    fake_network, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(services, "score_footprint", broken)
    scan = run_scan(django_capture_on_commit_callbacks, github_username="ada")
    assert scan.status == ScanStatus.FAILED
    assert scan.error_message == services.UNEXPECTED_FAILURE


def test_a_swept_scan_is_requeued_and_completes(
    fake_network, django_capture_on_commit_callbacks, clock
):
    owner = CandidateFactory()
    scan = FootprintScan.objects.create(
        owner=owner, github_username="ada", status=ScanStatus.FETCHING, attempts=1
    )
    FootprintScan.objects.filter(pk=scan.pk).update(progress_at=clock.now - timedelta(hours=1))
    assert sweep()["requeued"] == 1
    scan.refresh_from_db()
    assert scan.status == ScanStatus.COMPLETED
