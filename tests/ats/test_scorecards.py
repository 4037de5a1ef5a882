"""Scorecards: create and update one's own, validation, the summary, who may score."""

import pytest

from ats.errors import ApplicationNotFound
from ats.models import Scorecard
from ats.services.scorecards import scorecard_submit, scorecards_summary
from tests.accounts.factories import AdminFactory, DomainExpertFactory, RecruiterFactory
from tests.ats.factories import ApplicationFactory, ScorecardFactory
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

FEEDBACK = "/api/v1/ats/feedback"


@pytest.fixture
def application():
    return ApplicationFactory()


@pytest.fixture
def owner(application):
    return application.job.owner


def submit(client, application, **changes):
    body = {
        "application_id": str(application.pk),
        "ratings": {"Technical skills": 4, "Communication": 3},
        "recommendation": "yes",
        "notes": "Solid answers on databases.",
    } | changes
    return client.post(FEEDBACK, body, format="json")


def test_first_submission_creates_and_the_second_replaces(owner, application):
    client = client_for(owner)
    created = submit(client, application)
    assert created.status_code == 201, created.json()
    assert created.json()["ratings"] == {"Technical skills": 4, "Communication": 3}
    assert created.json()["author"]["id"] == owner.pk
    updated = submit(client, application, ratings={"Technical skills": 5}, recommendation="no")
    assert updated.status_code == 200, updated.json()
    assert updated.json()["id"] == created.json()["id"]
    scorecard = Scorecard.objects.get(application=application)
    assert scorecard.ratings == {"Technical skills": 5} and scorecard.recommendation == "no"
    assert scorecard.notes == "Solid answers on databases."


def test_feedback_lists_scorecards_with_their_summary(owner, application):
    submit(client_for(owner), application)
    submit(client_for(DomainExpertFactory()), application, recommendation="strong_yes")
    response = client_for(owner).get(FEEDBACK, {"application_id": str(application.pk)})
    assert response.status_code == 200
    body = response.json()
    assert len(body["scorecards"]) == 2
    assert body["summary"]["count"] == 2
    assert body["summary"]["recommendations"] == {
        "strong_no": 0,
        "no": 0,
        "yes": 1,
        "strong_yes": 1,
    }


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ratings": {"Tech": 0}}, "ratings.Tech"),
        ({"ratings": {"Tech": 6}}, "ratings.Tech"),
        ({"ratings": {"Tech": "great"}}, "ratings.Tech"),
        ({"ratings": {}}, "ratings"),
        ({"ratings": {f"Criterion {n}": 3 for n in range(11)}}, "ratings"),
        ({"ratings": {"x" * 61: 3}}, "ratings"),
        ({"ratings": {"Tech": 3, "tech ": 4}}, "ratings"),
        ({"recommendation": "maybe"}, "recommendation"),
        ({"notes": "x" * 5001}, "notes"),
    ],
)
def test_invalid_scorecards_are_400(owner, application, changes, field):
    response = submit(client_for(owner), application, **changes)
    assert response.status_code == 400, response.json()
    body = response.json()
    assert body["error_code"] == "validation_error"
    assert field in body["errors"], body
    assert not Scorecard.objects.exists()


def test_ten_criteria_of_sixty_characters_are_fine(owner, application):
    ratings = {f"{n:02d}".ljust(60, "x"): 1 + n % 5 for n in range(10)}
    response = submit(client_for(owner), application, ratings=ratings)
    assert response.status_code == 201, response.json()


def test_summary_numbers_by_hand(application):
    ScorecardFactory(
        application=application,
        author=RecruiterFactory(),
        ratings={"Tech": 4, "Communication": 2},
        recommendation="yes",
    )
    ScorecardFactory(
        application=application,
        author=DomainExpertFactory(),
        ratings={"tech": 5},
        recommendation="strong_yes",
    )
    ScorecardFactory(
        application=application,
        author=AdminFactory(),
        ratings={"Tech": 1, "Communication": 3, "Culture": 2},
        recommendation="strong_no",
    )
    summary = scorecards_summary(application)
    assert summary["count"] == 3
    # Tech: (4 + 5 + 1) / 3; Communication: (2 + 3) / 2; Culture: 2.
    assert summary["average_by_criterion"] == {"Tech": 3.33, "Communication": 2.5, "Culture": 2.0}
    # Each scorecard's own average: 3, 5, 2 -> 10 / 3.
    assert summary["overall_average"] == 3.33
    assert summary["recommendations"] == {"strong_no": 1, "no": 0, "yes": 1, "strong_yes": 1}


def test_summary_of_no_scorecards(application):
    assert scorecards_summary(application) == {
        "count": 0,
        "average_by_criterion": {},
        "overall_average": None,
        "recommendations": {"strong_no": 0, "no": 0, "yes": 0, "strong_yes": 0},
    }


def test_domain_expert_may_score_any_application(application):
    expert = DomainExpertFactory()
    response = submit(client_for(expert), application)
    assert response.status_code == 201
    assert Scorecard.objects.get().author == expert


def test_admin_may_score(application):
    assert submit(client_for(AdminFactory()), application).status_code == 201


def test_recruiter_b_may_not_score(application):
    other = RecruiterFactory()
    assert submit(client_for(other), application).status_code == 404
    with pytest.raises(ApplicationNotFound):
        scorecard_submit(
            application=application, author=other, ratings={"Tech": 3}, recommendation="no"
        )
    assert not Scorecard.objects.exists()


def test_candidate_may_not_score_through_the_service(application):
    with pytest.raises(ApplicationNotFound):
        scorecard_submit(
            application=application,
            author=application.candidate,
            ratings={"Tech": 3},
            recommendation="no",
        )


def test_each_reviewer_has_one_scorecard(owner, application):
    expert = DomainExpertFactory()
    for author in (owner, expert, owner, expert):
        scorecard_submit(
            application=application, author=author, ratings={"Tech": 3}, recommendation="yes"
        )
    assert Scorecard.objects.filter(application=application).count() == 2


def test_unknown_application_is_404(owner):
    body = {
        "application_id": "00000000-0000-0000-0000-000000000000",
        "ratings": {"Tech": 3},
        "recommendation": "yes",
    }
    response = client_for(owner).post(FEEDBACK, body, format="json")
    assert response.status_code == 404
