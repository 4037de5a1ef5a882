"""Staff read applications, their history and scorecards in the admin; the one change they
make there is rejecting, through the pipeline service."""

import pytest

from ats.models import Application, StageChange
from ats.stages import Stage
from tests.ats.factories import ApplicationFactory, ScorecardFactory
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db

APPLICATIONS = "/admin/ats/application/"


@pytest.fixture
def staff_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_the_application_list_loads_with_its_filters(staff_client):
    ApplicationFactory(job=JobFactory(title="Payments Engineer"), source="referral")

    response = staff_client.get(APPLICATIONS)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Payments Engineer" in page
    for name in ("stage", "source"):
        assert f"?{name}" in page or f"&amp;{name}" in page, name


def test_search_finds_applications_by_job_title(staff_client):
    ApplicationFactory(job=JobFactory(title="Payments Engineer"))
    ApplicationFactory(job=JobFactory(title="Accountant"))

    page = staff_client.get(APPLICATIONS, {"q": "payments"}).content.decode()

    assert "Payments Engineer" in page
    assert "Accountant" not in page


def test_the_list_costs_the_same_queries_for_more_applications(
    staff_client, django_assert_max_num_queries
):
    ApplicationFactory()
    staff_client.get(APPLICATIONS)
    for _ in range(5):
        ApplicationFactory()

    with django_assert_max_num_queries(12):
        assert staff_client.get(APPLICATIONS).status_code == 200


def test_an_application_page_is_read_only_with_its_history_and_scorecards(staff_client):
    application = ApplicationFactory(applicant_name="Ada Lovelace")
    ScorecardFactory(application=application, recommendation="strong_yes")

    response = staff_client.get(f"{APPLICATIONS}{application.pk}/change/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Ada Lovelace" in page
    assert "Strong yes" in page
    assert 'name="stage"' not in page  # no field to change the stage
    assert 'name="_save"' not in page


def test_nothing_is_added_or_deleted_here(staff_client):
    application = ApplicationFactory()

    assert staff_client.get(f"{APPLICATIONS}add/").status_code == 403
    assert staff_client.get(f"{APPLICATIONS}{application.pk}/delete/").status_code == 403
    response = staff_client.post(
        APPLICATIONS, {"action": "delete_selected", "_selected_action": [str(application.pk)]}
    )
    assert response.status_code in (200, 302)
    assert Application.objects.filter(pk=application.pk).exists()


def test_reject_selected_moves_through_the_service_and_reports_the_refusals(
    staff_client, admin_user
):
    open_one = ApplicationFactory(stage=Stage.UNDER_REVIEW)
    hired = ApplicationFactory(stage=Stage.HIRED)

    response = staff_client.post(
        APPLICATIONS,
        {"action": "reject_selected", "_selected_action": [str(open_one.pk), str(hired.pk)]},
        follow=True,
    )

    assert response.status_code == 200
    open_one.refresh_from_db()
    hired.refresh_from_db()
    assert open_one.stage == Stage.REJECTED
    assert hired.stage == Stage.HIRED
    change = StageChange.objects.filter(application=open_one).last()
    assert (change.from_stage, change.to_stage, change.actor) == (
        Stage.UNDER_REVIEW,
        Stage.REJECTED,
        admin_user,
    )
    assert change.note == "Rejected in the admin."
    messages = [str(message) for message in response.context["messages"]]
    assert "1 application rejected." in messages
    assert any(
        message.startswith("Not rejected:") and str(hired.pk)[:8] in message for message in messages
    )


@pytest.mark.parametrize("model", ["stagechange", "scorecard"])
def test_history_and_scorecards_are_listed_read_only(staff_client, model):
    scorecard = ScorecardFactory()
    row = scorecard if model == "scorecard" else scorecard.application.history.first()

    assert staff_client.get(f"/admin/ats/{model}/").status_code == 200
    page = staff_client.get(f"/admin/ats/{model}/{row.pk}/change/").content.decode()
    assert 'name="_save"' not in page
    assert staff_client.get(f"/admin/ats/{model}/add/").status_code == 403
