"""Hiring analytics on a data set built by hand: every figure below is worked out in the
comments from the moves each application made (day numbers from T0)."""

from datetime import UTC, date, datetime, timedelta

import pytest

from ats.analytics import ats_analytics
from ats.models import Application, StageChange
from ats.stages import Stage
from tests.ats.factories import ApplicationFactory
from tests.conftest import client_for
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db

T0 = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)
NOW = T0 + timedelta(days=30)
URL = "/api/v1/ats/analytics"

S = Stage
# (moves as (day, stage), source); the first move is the application itself.
MAIN_JOB = {
    "a1": ([(0, S.APPLIED), (2, S.UNDER_REVIEW), (5, S.INTERVIEW_SCHEDULED),
            (9, S.INTERVIEWED), (10, S.OFFER), (14, S.HIRED)], "referral"),
    # Straight from review to an offer: it passed the interview stages.
    "a2": ([(0, S.APPLIED), (4, S.UNDER_REVIEW), (6, S.OFFER), (10, S.HIRED)], "job_board"),
    "a3": ([(1, S.APPLIED), (3, S.UNDER_REVIEW), (4, S.INTERVIEW_SCHEDULED),
            (8, S.INTERVIEWED), (9, S.REJECTED)], "job_board"),
    "a4": ([(2, S.APPLIED), (3, S.REJECTED)], "share_link"),
    "a5": ([(5, S.APPLIED), (6, S.WITHDRAWN)], "job_board"),
    "a6": ([(20, S.APPLIED)], "referral"),  # still applied: 10 days until NOW
    "a7": ([(10, S.APPLIED), (12, S.UNDER_REVIEW)], "import"),  # 18 days in review
}  # fmt: skip
# Rejected, then reconsidered: 1 + 25 days in review.
OTHER_JOB = {
    "b1": ([(0, S.APPLIED), (1, S.UNDER_REVIEW), (2, S.REJECTED), (5, S.UNDER_REVIEW)],
           "job_board"),
}  # fmt: skip


def at(day: float) -> datetime:
    return T0 + timedelta(days=day)


def make_application(job, moves, source="job_board") -> Application:
    """An application whose history is exactly `moves`, at those times."""
    application = ApplicationFactory(job=job, stage=moves[-1][1], source=source)
    application.history.all().delete()
    previous = ""
    for day, stage in moves:
        change = StageChange.objects.create(
            application=application, from_stage=previous, to_stage=stage
        )
        StageChange.objects.filter(pk=change.pk).update(created_at=at(day))
        previous = stage
    Application.objects.filter(pk=application.pk).update(
        created_at=at(moves[0][0]), stage_changed_at=at(moves[-1][0])
    )
    return application


@pytest.fixture
def data(recruiter):
    main = JobFactory(owner=recruiter, title="Backend Engineer")
    other = JobFactory(owner=recruiter, title="Data Engineer")
    for moves, source in MAIN_JOB.values():
        make_application(main, moves, source)
    for moves, source in OTHER_JOB.values():
        make_application(other, moves, source)
    return {"main": main, "other": other}


def by(items, key):
    return {item[key]: item for item in items}


def test_the_funnel_counts_who_reached_each_stage_and_who_is_there_now(recruiter, data):
    result = ats_analytics(user=recruiter, job_id=data["main"].pk, now=NOW)

    assert result["applications"] == 7
    # Furthest stage: a1, a2 hired; a3 interviewed; a7 under review; a4, a5, a6 applied.
    assert result["funnel"] == [
        {"stage": "applied", "reached": 7, "current": 1},
        {"stage": "under_review", "reached": 4, "current": 1},
        {"stage": "interview_scheduled", "reached": 3, "current": 0},
        {"stage": "interviewed", "reached": 3, "current": 0},
        {"stage": "offer", "reached": 2, "current": 0},
        {"stage": "hired", "reached": 2, "current": 2},
    ]
    assert result["rejected"] == 2
    assert result["withdrawn"] == 1
    assert "per_job" not in result


def test_conversion_divides_each_stage_by_the_one_before(recruiter, data):
    result = ats_analytics(user=recruiter, job_id=data["main"].pk, now=NOW)

    assert [(item["from"], item["to"], item["rate"]) for item in result["conversion"]] == [
        ("applied", "under_review", pytest.approx(4 / 7, abs=1e-4)),
        ("under_review", "interview_scheduled", 0.75),
        ("interview_scheduled", "interviewed", 1.0),
        ("interviewed", "offer", pytest.approx(2 / 3, abs=1e-4)),
        ("offer", "hired", 1.0),
    ]


def test_time_in_stage_runs_to_the_next_move_or_until_now(recruiter, data):
    result = ats_analytics(user=recruiter, job_id=data["main"].pk, now=NOW)

    times = by(result["time_in_stage"], "stage")
    assert list(times) == ["applied", "under_review", "interview_scheduled", "interviewed", "offer"]
    # applied: a1 2, a2 4, a3 2, a4 1, a5 1, a6 10 (open), a7 2
    assert times["applied"] == {
        "stage": "applied",
        "count": 7,
        "average_days": round(22 / 7, 2),
        "median_days": 2.0,
    }
    # under review: a1 3, a2 2, a3 1, a7 18 (open)
    assert times["under_review"] == {
        "stage": "under_review",
        "count": 4,
        "average_days": 6.0,
        "median_days": 2.5,
    }
    assert times["interview_scheduled"]["count"] == 2  # a1 4, a3 4
    assert times["interview_scheduled"]["average_days"] == 4.0
    assert times["interviewed"]["median_days"] == 1.0  # a1 1, a3 1
    assert times["offer"] == {"stage": "offer", "count": 2, "average_days": 4.0, "median_days": 4.0}


def test_time_to_hire_runs_from_applied_to_hired(recruiter, data):
    result = ats_analytics(user=recruiter, job_id=data["main"].pk, now=NOW)

    assert result["time_to_hire"] == {"count": 2, "average_days": 12.0, "median_days": 12.0}


def test_sources_count_applications_hires_and_the_rate(recruiter, data):
    result = ats_analytics(user=recruiter, job_id=data["main"].pk, now=NOW)

    assert result["by_source"] == [
        {"source": "job_board", "applications": 3, "hired": 1, "hire_rate": 0.3333},
        {"source": "share_link", "applications": 1, "hired": 0, "hire_rate": 0.0},
        {"source": "import", "applications": 1, "hired": 0, "hire_rate": 0.0},
        {"source": "referral", "applications": 2, "hired": 1, "hire_rate": 0.5},
    ]


def test_all_jobs_together_and_per_job(recruiter, data):
    result = ats_analytics(user=recruiter, now=NOW)

    assert result["applications"] == 8
    funnel = by(result["funnel"], "stage")
    assert funnel["under_review"] == {"stage": "under_review", "reached": 5, "current": 2}
    assert funnel["hired"]["reached"] == 2
    # b1's review: 1 day, then 25 more after the rejection was reconsidered.
    under_review = by(result["time_in_stage"], "stage")["under_review"]
    assert under_review["count"] == 5
    assert under_review["average_days"] == 10.0  # (3 + 2 + 1 + 18 + 26) / 5
    assert under_review["median_days"] == 3.0
    assert result["rejected"] == 2
    assert result["per_job"] == [
        {"job_id": data["main"].pk, "title": "Backend Engineer", "applications": 7, "hired": 2},
        {"job_id": data["other"].pk, "title": "Data Engineer", "applications": 1, "hired": 0},
    ]


def test_since_and_until_keep_the_applications_sent_in_those_days(recruiter, data):
    main = data["main"].pk
    since = (T0 + timedelta(days=5)).date()  # a5 (day 5), a7 (day 10), a6 (day 20)

    assert ats_analytics(user=recruiter, job_id=main, since=since, now=NOW)["applications"] == 3
    until = (T0 + timedelta(days=10)).date()  # the whole of day 10: a7 is in
    narrowed = ats_analytics(user=recruiter, job_id=main, since=since, until=until, now=NOW)
    assert narrowed["applications"] == 2
    assert by(narrowed["by_source"], "source")["import"]["applications"] == 1


def test_nothing_to_count_gives_zeros_and_no_rates(recruiter):
    job = JobFactory(owner=recruiter)

    result = ats_analytics(user=recruiter, job_id=job.pk)

    assert result["applications"] == 0
    assert all(item["reached"] == 0 for item in result["funnel"])
    assert all(item["rate"] is None for item in result["conversion"])
    assert result["time_to_hire"] == {"count": 0, "average_days": None, "median_days": None}
    assert all(item["hire_rate"] is None for item in result["by_source"])


def test_applications_without_history_count_from_their_own_dates(recruiter):
    job = JobFactory(owner=recruiter)
    application = ApplicationFactory(job=job, stage=Stage.UNDER_REVIEW)
    application.history.all().delete()
    Application.objects.filter(pk=application.pk).update(created_at=at(0), stage_changed_at=at(4))

    result = ats_analytics(user=recruiter, job_id=job.pk, now=at(10))

    times = by(result["time_in_stage"], "stage")
    assert times["applied"]["average_days"] == 4.0
    assert times["under_review"]["average_days"] == 6.0
    assert by(result["funnel"], "stage")["under_review"]["reached"] == 1


# --- API -----------------------------------------------------------------------------------


def test_the_api_returns_the_same_figures(recruiter_client, recruiter, data):
    response = recruiter_client.get(URL, {"job_id": data["main"].pk})

    assert response.status_code == 200
    body = response.json()
    assert body["applications"] == 7
    assert body["funnel"][1] == {"stage": "under_review", "reached": 4, "current": 1}
    assert body["conversion"][0]["from"] == "applied"
    assert body["time_to_hire"] == {"count": 2, "average_days": 12.0, "median_days": 12.0}
    assert body["by_source"][3] == {
        "source": "referral",
        "applications": 2,
        "hired": 1,
        "hire_rate": 0.5,
    }
    assert "per_job" not in body
    everything = recruiter_client.get(URL).json()
    assert [item["applications"] for item in everything["per_job"]] == [7, 1]


def test_another_recruiter_sees_none_of_it(user_of_role, data):
    other = client_for(user_of_role("recruiter"))

    response = other.get(URL, {"job_id": data["main"].pk})
    assert response.status_code == 404
    assert response.json()["error_code"] == "job_not_found"
    everything = other.get(URL).json()
    assert everything["applications"] == 0
    assert everything["per_job"] == []


def test_an_admin_sees_every_job(admin_client_api, data):
    assert admin_client_api.get(URL, {"job_id": data["main"].pk}).json()["applications"] == 7
    assert admin_client_api.get(URL).json()["applications"] == 8


def test_candidates_are_refused_and_anonymous_users_asked_to_sign_in(candidate_client, api_client):
    assert candidate_client.get(URL).status_code == 403
    assert api_client.get(URL).status_code == 401


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"since": "2025-13-01"}, "since"),
        ({"until": "yesterday"}, "until"),
        ({"since": "2025-02-01", "until": "2025-01-01"}, "until"),
        ({"job_id": "abc"}, "job_id"),
    ],
)
def test_bad_dates_and_ids_are_400(recruiter_client, query, field):
    response = recruiter_client.get(URL, query)

    assert response.status_code == 400
    body = response.json()
    assert body["error_code"] == "validation_error"
    assert field in body["errors"]


def test_dates_in_the_query_narrow_the_api_too(recruiter_client, data):
    query = {"job_id": data["main"].pk, "since": date(2025, 1, 6).isoformat()}

    assert recruiter_client.get(URL, query).json()["applications"] == 3


def test_the_query_count_does_not_grow_with_applications(
    recruiter_client, recruiter, data, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(params) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert recruiter_client.get(URL, params).status_code == 200
        return len(captured)

    by_job, overall = queries({"job_id": data["main"].pk}), queries({})
    for _ in range(5):
        make_application(data["main"], MAIN_JOB["a1"][0], "referral")
        make_application(JobFactory(owner=recruiter), OTHER_JOB["b1"][0])

    assert queries({"job_id": data["main"].pk}) == by_job
    assert queries({}) == overall
    with django_assert_num_queries(overall):
        recruiter_client.get(URL)
