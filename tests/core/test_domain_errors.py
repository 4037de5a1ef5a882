"""Domain errors are plain exceptions that every entry point reports in the same body:
the API, and a background task through `reports_domain_errors`."""

from datetime import datetime

import pytest
from celery import shared_task
from rest_framework.exceptions import APIException

from ats.errors import BulkStageMoveNotAllowed, ConsentRequired
from ats.models import Application, Scorecard
from ats.services.scorecards import scorecard_submit
from core.background import reports_domain_errors
from core.errors import DomainError, InvalidInput
from tests.ats.factories import ApplicationFactory
from tests.conftest import client_for

BODY_KEYS = {"detail", "error_code", "timestamp"}


def test_a_domain_error_is_not_a_drf_exception():
    assert not issubclass(DomainError, APIException)


def test_the_payload_without_field_errors_has_no_errors_key():
    payload = DomainError().as_payload()
    assert set(payload) == BODY_KEYS
    assert payload["detail"] == "The request cannot be carried out."
    assert payload["error_code"] == "bad_request"
    assert datetime.fromisoformat(payload["timestamp"]).tzinfo is not None


def test_an_error_bound_to_a_field_names_it_with_its_own_detail():
    error = ConsentRequired()
    assert error.as_payload()["errors"] == {"consent": [ConsentRequired.message]}
    assert ConsentRequired("Tick the box.").errors == {"consent": ["Tick the box."]}


def test_an_error_may_list_errors_per_item():
    error = BulkStageMoveNotAllowed({"a1": ["Withdrawn."], "b2": ["Hired."]})
    assert error.detail == "2 applications cannot make this move; none was moved."
    assert error.as_payload()["errors"] == {"a1": ["Withdrawn."], "b2": ["Hired."]}


def test_invalid_input_names_its_fields_like_a_serializer_error():
    error = InvalidInput({"ratings": ["Rate at least one criterion."], "notes": ["Too long."]})
    assert (error.status_code, error.error_code) == (400, "validation_error")
    assert error.detail == "Invalid input in: ratings, notes."
    assert InvalidInput({"non_field_errors": ["No."]}).detail == "No."


@pytest.mark.django_db
def test_the_api_reports_a_service_error_without_field_errors(api_client):
    response = api_client.post(
        "/api/v1/auth/login", {"email": "nobody@example.com", "password": "wrong-password"}
    )
    assert response.status_code == 401
    body = response.json()
    assert set(body) == BODY_KEYS
    assert body["error_code"] == "invalid_credentials"
    assert body["detail"] == "Email or password is incorrect."


@pytest.mark.django_db
def test_the_api_reports_a_service_error_with_field_errors():
    application = ApplicationFactory()
    response = client_for(application.job.owner).post(
        "/api/v1/ats/feedback",
        {
            "application_id": str(application.pk),
            "ratings": {"Tech": 3, "tech ": 4},
            "recommendation": "yes",
        },
        format="json",
    )
    assert response.status_code == 400
    body = response.json()
    assert set(body) == BODY_KEYS | {"errors"}
    assert body["error_code"] == "validation_error"
    assert body["detail"] == "Invalid input in: ratings."
    assert body["errors"] == {"ratings": ["tech is rated twice."]}
    assert not Scorecard.objects.exists()


@shared_task(name="tests.core.submit_scorecard")
@reports_domain_errors
def submit_scorecard(application_id: str, ratings: dict) -> str:
    application = Application.objects.get(pk=application_id)
    scorecard, _ = scorecard_submit(
        application=application,
        author=application.job.owner,
        ratings=ratings,
        recommendation="yes",
    )
    return str(scorecard.pk)


@pytest.mark.django_db
def test_a_task_reports_a_service_error_in_the_same_body():
    application = ApplicationFactory()
    result = submit_scorecard.apply(args=[str(application.pk), {}], throw=True).get()
    error = result["error"]
    assert set(error) == BODY_KEYS | {"errors"}
    assert error["error_code"] == "validation_error"
    assert error["errors"] == {"ratings": ["Rate at least one criterion."]}
    assert not Scorecard.objects.exists()


@pytest.mark.django_db
def test_a_task_that_succeeds_returns_its_own_result():
    application = ApplicationFactory()
    result = submit_scorecard.apply(args=[str(application.pk), {"Tech": 4}], throw=True).get()
    assert result == str(Scorecard.objects.get().pk)
