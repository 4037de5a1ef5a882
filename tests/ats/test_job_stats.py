"""GET /api/v1/jobs/stats: a recruiter's own jobs with their applications counted by stage."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ats.analytics import job_stats
from ats.stages import Stage
from jobs.models import JobStatus
from tests.ats.factories import ApplicationFactory
from tests.conftest import client_for
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/jobs/stats"
ZEROS = {stage.value: 0 for stage in Stage}


@pytest.fixture
def jobs(recruiter):
    busy = JobFactory(owner=recruiter, title="Busy")
    for stage in (Stage.APPLIED, Stage.APPLIED, Stage.UNDER_REVIEW, Stage.HIRED, Stage.REJECTED):
        ApplicationFactory(job=busy, stage=stage)
    quiet = JobFactory(owner=recruiter, title="Quiet", status=JobStatus.DRAFT)
    ApplicationFactory(job=quiet, stage=Stage.OFFER)
    empty = JobFactory(owner=recruiter, title="Empty")
    return {"busy": busy, "quiet": quiet, "empty": empty}


def test_each_job_has_its_applications_counted_by_stage(recruiter, jobs):
    stats = {row["title"]: row for row in job_stats(user=recruiter)}

    assert set(stats) == {"Busy", "Quiet", "Empty"}
    assert stats["Busy"]["applications"] == 5
    assert stats["Busy"]["by_stage"] == {
        **ZEROS,
        "applied": 2,
        "under_review": 1,
        "hired": 1,
        "rejected": 1,
    }
    assert stats["Quiet"]["by_stage"] == {**ZEROS, "offer": 1}
    assert stats["Quiet"]["status"] == "draft"
    assert stats["Empty"] == {
        "job_id": jobs["empty"].pk,
        "title": "Empty",
        "status": "open",
        "posted_at": jobs["empty"].posted_at,
        "applications": 0,
        "by_stage": ZEROS,
    }


def test_the_api_pages_them_newest_first(recruiter_client, jobs):
    response = recruiter_client.get(URL)

    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 3
    assert [item["title"] for item in body["items"]] == ["Empty", "Quiet", "Busy"]
    busy = body["items"][2]
    assert busy["job_id"] == jobs["busy"].pk
    assert busy["applications"] == 5
    assert busy["by_stage"]["applied"] == 2
    assert set(busy["by_stage"]) == set(ZEROS)
    assert (
        recruiter_client.get(URL, {"page_size": 1, "page": 3}).json()["items"][0]["title"] == "Busy"
    )


def test_another_recruiter_sees_only_their_own_jobs(user_of_role, jobs):
    other = user_of_role("recruiter")
    JobFactory(owner=other, title="Theirs")

    body = client_for(other).get(URL).json()

    assert [item["title"] for item in body["items"]] == ["Theirs"]
    assert job_stats(user=other)[0]["applications"] == 0


def test_an_admin_sees_every_job(admin_client_api, jobs):
    assert admin_client_api.get(URL).json()["total"] == 3


def test_candidates_are_refused(candidate_client, api_client):
    assert candidate_client.get(URL).status_code == 403
    assert api_client.get(URL).status_code == 401


def test_the_query_count_does_not_grow_with_jobs_or_applications(recruiter, recruiter_client):
    JobFactory(owner=recruiter)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert recruiter_client.get(URL).status_code == 200
        return len(captured)

    before = queries()
    for _ in range(4):
        job = JobFactory(owner=recruiter)
        ApplicationFactory(job=job, stage=Stage.UNDER_REVIEW)
        ApplicationFactory(job=job)

    assert queries() == before
