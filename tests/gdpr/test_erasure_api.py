"""The erasure preview and its confirmation, through the API and the privacy-centre pages."""

import pytest
from django.urls import reverse

from accounts.models import User
from gdpr.models import AuditLogEntry
from tests.accounts.factories import PASSWORD, CandidateFactory
from tests.ats.factories import ApplicationFactory
from tests.conftest import client_for

pytestmark = pytest.mark.django_db
UNKNOWN_ID = "7f0c2b1e-4d7a-4b44-9d55-0a7e3f1e2c11"


def test_the_preview_lists_what_is_erased_and_what_is_kept_and_why(candidate):
    ApplicationFactory.create_batch(2, resume__owner=candidate, candidate=candidate)

    preview = client_for(candidate).get("/api/v1/gdpr/delete/preview").json()

    erased = {line["label"]: line for line in preview["erased"]}
    kept = {line["label"]: line for line in preview["anonymised"]}
    assert erased["account"]["count"] == 1 and erased["resumes"]["count"] == 2
    assert kept["applications"]["count"] == 2
    assert "statistics" in kept["applications"]["reason"]
    assert all(line["reason"] == "" for line in preview["erased"])
    assert "saved_jobs" not in erased  # kinds without records are left out
    assert User.objects.filter(pk=candidate.pk).exists()
    assert AuditLogEntry.objects.filter(action="gdpr.erasure_previewed", actor=candidate).exists()


def test_erasure_with_the_password_deletes_the_account(candidate):
    client = client_for(candidate)

    response = client.post("/api/v1/gdpr/delete", {"password": PASSWORD}, format="json")

    assert response.status_code == 204
    assert not User.objects.filter(pk=candidate.pk).exists()
    assert client.get("/api/v1/auth/me").status_code == 401


@pytest.mark.parametrize("body", [{"password": "wrong"}, {}, {"password": ""}])
def test_a_wrong_or_missing_password_erases_nothing(candidate, body):
    response = client_for(candidate).post("/api/v1/gdpr/delete", body, format="json")

    assert response.status_code == 400
    error = response.json()
    assert error["error_code"] == "validation_error"
    assert error["errors"]["password"] == ["Confirm with your current password."]
    assert User.objects.filter(pk=candidate.pk).exists()
    assert not AuditLogEntry.objects.filter(action="gdpr.erased").exists()


@pytest.mark.parametrize("body", [{"password": 12}, {"password": "x" * 129}, ["password"]])
def test_a_malformed_confirmation_is_a_400(candidate, body):
    response = client_for(candidate).post("/api/v1/gdpr/delete", body, format="json")
    assert response.status_code == 400
    assert User.objects.filter(pk=candidate.pk).exists()


def test_an_account_without_a_password_confirms_without_one():
    user = CandidateFactory(password="!")  # signed up through a link, never set a password

    response = client_for(user).post("/api/v1/gdpr/delete", {}, format="json")

    assert response.status_code == 204


def test_erasure_attempts_are_rate_limited(candidate, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "gdpr_erasure": "2/h"}
    client = client_for(candidate)

    statuses = [
        client.post("/api/v1/gdpr/delete", {"password": "guess"}, format="json").status_code
        for _ in range(3)
    ]

    assert statuses == [400, 400, 429]


def test_erasure_needs_a_signed_in_user(api_client):
    assert (
        api_client.post("/api/v1/gdpr/delete", {"password": "x"}, format="json").status_code == 401
    )
    assert api_client.get("/api/v1/gdpr/delete/preview").status_code == 401


# --- Pages ---------------------------------------------------------------------------------


def test_the_privacy_centre_offers_the_export_and_the_erasure_preview(client, candidate):
    client.force_login(candidate)

    page = client.get(reverse("gdpr:privacy_centre")).content.decode()

    assert "Prepare my data" in page
    assert reverse("gdpr:erasure") in page


def test_requesting_an_export_on_the_page_shows_it_with_its_link(
    client, candidate, django_capture_on_commit_callbacks
):
    client.force_login(candidate)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("gdpr:export_request"))
    assert response.status_code == 302

    page = client.get(response["Location"]).content.decode()
    assert "being prepared" in page  # the message from the request
    assert 'data-export-status="ready"' in page
    link = page.split('href="/privacy/export/')[1].split('"')[0].replace("&amp;", "&")
    download = client.get(f"/privacy/export/{link}")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"


def test_a_forged_page_link_shows_a_clear_page(client, candidate, outsider):
    client.force_login(outsider)
    url = reverse(
        "gdpr:export_download", kwargs={"export_id": "7f0c2b1e-4d7a-4b44-9d55-0a7e3f1e2c11"}
    )

    response = client.get(url + "?token=nope")

    assert response.status_code == 404
    assert "This download is not available" in response.content.decode()


def test_the_erasure_page_previews_then_deletes_with_the_password(client, candidate):
    ApplicationFactory(resume__owner=candidate, candidate=candidate)
    client.force_login(candidate)

    preview = client.get(reverse("gdpr:erasure")).content.decode()
    assert "Kept without your name" in preview and "statistics" in preview
    wrong = client.post(reverse("gdpr:erasure"), {"password": "nope"})
    assert wrong.status_code == 200  # the form again, with the error on the password
    assert "Confirm with your current password." in wrong.content.decode()
    assert User.objects.filter(pk=candidate.pk).exists()

    done = client.post(reverse("gdpr:erasure"), {"password": PASSWORD}, follow=True)

    assert "Your account is deleted" in done.content.decode()
    assert not User.objects.filter(pk=candidate.pk).exists()
    assert client.get(reverse("gdpr:privacy_centre")).status_code == 302
