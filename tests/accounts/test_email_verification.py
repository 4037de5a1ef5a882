"""Registration mails a signed, expiring link; until it is opened nothing is matched to the
account by its email (an anonymous application's stage included)."""

import io
import re
import time
from types import SimpleNamespace

import pytest
from django.core import mail, signing
from django.core.management import call_command

from accounts.models import User
from accounts.verification import MAX_AGE, verification_token
from ats.models import Application
from gdpr.models import AuditLogEntry
from tests.accounts.factories import CandidateFactory
from tests.ats.factories import ApplicationFactory
from tests.conftest import client_for
from tests.core.test_error_body import assert_error_body
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db

REGISTRATION = {"email": "sam.example@example.com", "password": "a-long-enough-pass", "name": "Sam"}


def register(api_client, capture, **fields) -> dict:
    with capture(execute=True):
        response = api_client.post(
            "/api/v1/auth/register", {**REGISTRATION, **fields}, format="json"
        )
    assert response.status_code == 201, response.content
    return response.json()


def mailed_token() -> str:
    link = re.search(r"https?://\S+/accounts/verify/(\S+)", mail.outbox[-1].body)
    return link.group(1)


def verify(api_client, token: str):
    return api_client.post("/api/v1/auth/verify-email", {"token": token}, format="json")


def anonymous_application(email: str, **fields) -> Application:
    return ApplicationFactory(
        resume=None, candidate=None, applicant_name="Anon", applicant_email=email, **fields
    )


def test_registration_mails_a_link_and_the_account_starts_unverified(
    api_client, django_capture_on_commit_callbacks
):
    body = register(api_client, django_capture_on_commit_callbacks)
    assert body["user"]["email_verified"] is False
    assert body["user"]["email_verified_at"] is None
    assert mail.outbox[-1].to == [REGISTRATION["email"]]
    assert mail.outbox[-1].subject == "Confirm your Hirewise email"
    assert REGISTRATION["email"] not in mailed_token()


def test_the_mailed_token_verifies_the_email_once_and_for_all(
    api_client, django_capture_on_commit_callbacks
):
    body = register(api_client, django_capture_on_commit_callbacks)
    token = mailed_token()

    response = verify(api_client, token)
    assert response.status_code == 200
    assert response.json()["email_verified"] is True

    me = client_for(User.objects.get(email=REGISTRATION["email"])).get("/api/v1/auth/me").json()
    assert me["email_verified"] is True
    first_verified_at = me["email_verified_at"]
    assert verify(api_client, token).json()["email_verified_at"] == first_verified_at
    actions = AuditLogEntry.objects.filter(object_id=str(body["user"]["id"]))
    assert list(actions.filter(action="account.email_verified").values_list("action", flat=True))
    assert actions.filter(action="account.email_verified").count() == 1


def test_the_verification_page_verifies_and_says_so(client):
    user = CandidateFactory(email_verified_at=None)
    response = client.get(f"/accounts/verify/{verification_token(user)}")
    assert response.status_code == 200
    assert "Email verified" in response.content.decode()
    user.refresh_from_db()
    assert user.email_verified


def test_a_tampered_link_page_is_a_400_that_says_why(client):
    user = CandidateFactory(email_verified_at=None)
    response = client.get(f"/accounts/verify/{verification_token(user)}x")
    assert response.status_code == 400
    assert "not valid" in response.content.decode()
    user.refresh_from_db()
    assert not user.email_verified


@pytest.mark.parametrize("token", ["", "x" * 513])
def test_an_empty_or_oversized_token_is_a_validation_error(api_client, token):
    assert_error_body(verify(api_client, token), 400, "validation_error")


def test_a_tampered_token_is_refused(api_client):
    user = CandidateFactory(email_verified_at=None)
    token = verification_token(user)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert_error_body(verify(api_client, tampered), 400, "invalid_verification_token")
    assert_error_body(verify(api_client, "not-a-token"), 400, "invalid_verification_token")
    user.refresh_from_db()
    assert not user.email_verified


def test_a_token_signed_for_something_else_is_refused(api_client):
    user = CandidateFactory(email_verified_at=None)
    forged = signing.dumps({"user": user.pk, "email": "x"}, salt="accounts.email-verification")
    other_salt = signing.dumps({"user": user.pk}, salt="something-else")
    assert_error_body(verify(api_client, forged), 400, "invalid_verification_token")
    assert_error_body(verify(api_client, other_salt), 400, "invalid_verification_token")


def test_a_token_for_an_address_the_user_no_longer_has_is_refused(api_client):
    user = CandidateFactory(email_verified_at=None)
    token = verification_token(user)
    User.objects.filter(pk=user.pk).update(email="changed@example.com")
    assert_error_body(verify(api_client, token), 400, "invalid_verification_token")


def test_an_expired_token_is_refused(api_client, monkeypatch):
    user = CandidateFactory(email_verified_at=None)
    token = verification_token(user)
    later = time.time() + MAX_AGE.total_seconds() + 60
    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: later))
    assert_error_body(verify(api_client, token), 400, "verification_token_expired")
    user.refresh_from_db()
    assert not user.email_verified


def test_resend_mails_a_fresh_link(django_capture_on_commit_callbacks):
    user = CandidateFactory(email_verified_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(user).post("/api/v1/auth/resend-verification")
    assert response.status_code == 202
    assert mail.outbox[-1].to == [user.email]
    assert verify(client_for(user), mailed_token()).status_code == 200


def test_resend_past_the_limit_is_a_429(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "verify_email": "2/h"}
    client = client_for(CandidateFactory(email_verified_at=None))
    statuses = [client.post("/api/v1/auth/resend-verification").status_code for _ in range(3)]
    assert statuses == [202, 202, 429]
    blocked = client.post("/api/v1/auth/resend-verification")
    assert_error_body(blocked, 429, "rate_limited")
    assert int(blocked["Retry-After"]) >= 1


def test_resend_for_a_verified_email_is_a_conflict(candidate_client):
    response = candidate_client.post("/api/v1/auth/resend-verification")
    assert_error_body(response, 409, "email_already_verified")
    assert mail.outbox == []


def test_resend_needs_a_signed_in_user(api_client):
    assert api_client.post("/api/v1/auth/resend-verification").status_code == 401


def test_an_anonymous_applications_stage_waits_for_the_email_to_be_verified(
    api_client, django_capture_on_commit_callbacks
):
    job = JobFactory()
    application = anonymous_application(REGISTRATION["email"], job=job, stage="under_review")
    register(api_client, django_capture_on_commit_callbacks)
    user = User.objects.get(email=REGISTRATION["email"])
    client = client_for(user)
    status_path = f"/api/v1/jobs/{job.pk}/application-status"

    unverified = client.get(status_path).json()
    assert unverified == {"applied": False, "application_id": None, "stage": None}
    assert client.get("/api/v1/applications").json()["total"] == 0

    assert verify(api_client, mailed_token()).status_code == 200

    verified = client.get(status_path).json()
    assert verified == {
        "applied": True,
        "application_id": str(application.pk),
        "stage": "under_review",
    }
    listed = client.get("/api/v1/applications").json()
    assert [item["id"] for item in listed["items"]] == [str(application.pk)]


def test_the_apply_page_tells_of_the_application_only_after_verification(client):
    job = JobFactory()
    anonymous_application("pat@example.com", job=job)
    user = CandidateFactory(email="pat@example.com", email_verified_at=None)
    client.force_login(user)
    assert "You have applied already" not in client.get(f"/jobs/{job.pk}/apply/").content.decode()
    client.get(f"/accounts/verify/{verification_token(user)}")
    assert "You have applied already" in client.get(f"/jobs/{job.pk}/apply/").content.decode()


def test_verifying_claims_only_anonymous_applications_with_that_email():
    user = CandidateFactory(email_verified_at=None)
    mine = anonymous_application(user.email)
    someone_elses = anonymous_application("other@example.com")
    client_for(user).post(
        "/api/v1/auth/verify-email", {"token": verification_token(user)}, format="json"
    )
    mine.refresh_from_db()
    someone_elses.refresh_from_db()
    assert mine.candidate_id == user.pk
    assert someone_elses.candidate_id is None


def test_pages_show_a_banner_until_the_email_is_verified(client):
    user = CandidateFactory(email_verified_at=None)
    client.force_login(user)
    assert "data-unverified-banner" in client.get("/profile/").content.decode()
    client.get(f"/accounts/verify/{verification_token(user)}")
    assert "data-unverified-banner" not in client.get("/profile/").content.decode()


def test_the_banner_button_mails_a_new_link(client, django_capture_on_commit_callbacks):
    user = CandidateFactory(email_verified_at=None)
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/verify-again/", {"next": "/profile/"})
    assert response["Location"] == "/profile/"
    assert mail.outbox[-1].to == [user.email]


def test_demo_users_and_admin_created_users_are_verified(admin_client_api, recruiter_client):
    call_command("seed_demo", stdout=io.StringIO())
    assert not User.objects.filter(
        email__endswith="@demo.hirewise.local", email_verified_at=None
    ).exists()

    payload = {"email": "made@example.com", "name": "Made", "role": "candidate"}
    made_by_admin = admin_client_api.post("/api/v1/users", payload, format="json").json()
    assert made_by_admin["email_verified"] is True
    by_recruiter = {**payload, "email": "made2@example.com"}
    made_by_recruiter = recruiter_client.post("/api/v1/users", by_recruiter, format="json").json()
    assert made_by_recruiter["email_verified"] is False
