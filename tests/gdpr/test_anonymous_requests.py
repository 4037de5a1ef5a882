"""Applicants without an account: export or erasure of their applications by email,
confirmed through a signed link; no answer reveals whether an address is known."""

import re
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.urls import reverse

from ats.models import Application
from gdpr.models import AuditAction, AuditLogEntry, DataSubjectRequest, RequestStatus
from gdpr.request_links import SALT
from gdpr.tasks import purge_expired_data
from tests.ats.factories import ApplicationFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/gdpr/requests"
EMAIL = "ann.lee@example.com"


def anonymous_application(email=EMAIL, name="Ann Lee", **fields):
    return ApplicationFactory(
        resume=None, candidate=None, applicant_name=name, applicant_email=email, **fields
    )


@pytest.fixture
def ask(api_client, django_capture_on_commit_callbacks):
    """Send a request through the API; its email goes out as after the commit."""

    def send(kind="erasure", email=EMAIL):
        with django_capture_on_commit_callbacks(execute=True):
            return api_client.post(URL, {"email": email, "kind": kind}, format="json")

    return send


def mailed_link() -> str:
    (message,) = mail.outbox
    return re.search(r"http\S+/privacy/request/confirm/\S+", message.body).group(0)


def path_of(link: str) -> str:
    return link[link.index("/privacy/") :]


def test_a_known_and_an_unknown_address_get_the_same_answer(ask):
    anonymous_application()

    known = ask()
    unknown = ask(email="nobody@example.com")

    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [EMAIL]
    assert DataSubjectRequest.objects.get().status == RequestStatus.AWAITING_CONFIRMATION


def test_the_link_names_no_address(ask):
    anonymous_application()
    ask()

    token = path_of(mailed_link()).rsplit("/", 1)[1]

    assert "ann" not in signing.b64_decode(token.split(":")[0].encode()).decode().lower()


def test_confirming_an_erasure_erases_only_that_address_anonymous_applications(
    ask, client, candidate
):
    mine = [anonymous_application(), anonymous_application(email="ANN.LEE@example.com ")]
    someone_else = anonymous_application(email="bo@example.com", name="Bo Chan")
    with_account = ApplicationFactory(candidate=candidate, applicant_email=EMAIL)
    ask(email="Ann.Lee@Example.com")
    path = path_of(mailed_link())

    page = client.get(path)
    assert page.status_code == 200
    assert "erasure of the 2 applications" in page.content.decode()
    assert Application.objects.get(pk=mine[0].pk).applicant_name == "Ann Lee"

    done = client.post(path)

    assert done.status_code == 200
    assert "2 applications no longer hold" in done.content.decode()
    for application in mine:
        application.refresh_from_db()
        assert (application.applicant_name, application.applicant_email) == ("", "")
    someone_else.refresh_from_db()
    assert someone_else.applicant_name == "Bo Chan"
    with_account.refresh_from_db()
    assert with_account.applicant_email == EMAIL
    request = DataSubjectRequest.objects.get()
    assert request.status == RequestStatus.COMPLETED
    assert request.email == ""
    erased = AuditLogEntry.objects.get(action=AuditAction.GDPR_ERASED)
    assert erased.metadata == {"anonymous": True, "erased": {"applications": 2}}
    assert "ann" not in str(AuditLogEntry.objects.values_list("metadata", flat=True)).lower()


def test_confirming_an_export_downloads_the_applications(ask, client):
    application = anonymous_application(cover_letter="I love data.")
    ask(kind="export")
    path = path_of(mailed_link())

    response = client.post(path)

    assert response["Content-Disposition"] == 'attachment; filename="hirewise-applications.json"'
    (exported,) = response.json()["applications"]
    assert exported["id"] == str(application.pk)
    assert exported["email"] == EMAIL
    assert exported["cover_letter"] == "I love data."
    assert DataSubjectRequest.objects.get().status == RequestStatus.COMPLETED


def test_a_link_works_once(ask, client):
    anonymous_application()
    ask()
    path = path_of(mailed_link())
    client.post(path)

    again = client.post(path)

    assert again.status_code == 404
    assert 'data-request-error="request_link_invalid"' in again.content.decode()


def test_an_expired_link_is_refused_and_changes_nothing(ask, client, clock):
    application = anonymous_application()
    ask()
    path = path_of(mailed_link())
    clock.set(clock.now + timedelta(hours=25))

    page = client.get(path)
    post = client.post(path)

    assert page.status_code == post.status_code == 410
    assert "expired" in post.content.decode()
    application.refresh_from_db()
    assert application.applicant_name == "Ann Lee"


def test_unconfirmed_requests_close_and_forget_the_address(ask, clock):
    anonymous_application()
    ask()
    clock.set(clock.now + timedelta(hours=25))

    purge_expired_data.apply()

    request = DataSubjectRequest.objects.get()
    assert request.status == RequestStatus.FAILED
    assert request.email == ""
    assert "not opened in time" in request.outcome


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        signing.dumps({"request": 1}, salt="another.salt"),
        signing.dumps({"request": "1"}, salt=SALT),
        signing.dumps(["request", 1], salt=SALT),
        signing.dumps({"request": 999999}, salt=SALT),
    ],
)
def test_a_forged_or_altered_link_is_refused(client, token):
    anonymous_application()

    response = client.post(reverse("gdpr:confirm_request", kwargs={"token": token}))

    assert response.status_code == 404
    assert Application.objects.get().applicant_name == "Ann Lee"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": "not-an-email", "kind": "export"}, "email"),
        ({"email": EMAIL, "kind": "everything"}, "kind"),
        ({"email": EMAIL}, "kind"),
        ({"kind": "export"}, "email"),
        ({"email": ["a@b.co"], "kind": "export"}, "email"),
    ],
)
def test_malformed_requests_are_refused(api_client, body, field):
    response = api_client.post(URL, body, format="json")

    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not DataSubjectRequest.objects.exists()


def test_requests_are_rate_limited_per_address(ask, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "gdpr_request_email": "2/h"}

    answers = [ask().status_code for _ in range(3)]

    assert answers == [202, 202, 429]
    assert int(ask().headers["Retry-After"]) > 0


def test_the_request_page_answers_the_same_and_mails_the_link(
    client, django_capture_on_commit_callbacks
):
    anonymous_application()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("gdpr:anonymous_request"), {"email": EMAIL, "kind": "export"}, follow=True
        )

    assert "a link to confirm the request is on its way" in response.content.decode()
    assert len(mail.outbox) == 1
    assert "/privacy/request/confirm/" in mail.outbox[0].body
