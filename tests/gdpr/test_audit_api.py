"""The admin's audit log: filters, pagination, CSV, and who may read it."""

import csv
import io
from datetime import timedelta

import pytest

from gdpr.audit import audit_record
from gdpr.models import AuditAction, AuditLogEntry
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

URL = "/api/v1/gdpr/audit"


@pytest.fixture
def admin(user_of_role):
    return user_of_role("admin")


@pytest.fixture
def log(clock, candidate, recruiter):
    """Four entries over three days, by two people."""
    day_one = clock.now
    entries = [
        audit_record(
            action=AuditAction.AUTH_LOGIN,
            actor=candidate,
            object_type="accounts.user",
            object_id=str(candidate.pk),
        ),
        audit_record(
            action=AuditAction.JOB_DELETED, actor=recruiter, object_type="jobs.job", object_id="7"
        ),
    ]
    clock.set(day_one + timedelta(days=1))
    entries.append(
        audit_record(
            action=AuditAction.AUTH_LOGIN,
            actor=recruiter,
            object_type="accounts.user",
            object_id=str(recruiter.pk),
        )
    )
    clock.set(day_one + timedelta(days=2))
    entries.append(
        audit_record(
            action=AuditAction.CONSENT_GIVEN,
            actor=candidate,
            object_type="gdpr.consentrecord",
            object_id="1",
            metadata={"purpose": "talent_pool"},
        )
    )
    return entries


def ids(response) -> list[int]:
    return [item["id"] for item in response.json()["items"]]


def test_the_log_lists_newest_first_with_the_actor(admin, log, candidate):
    response = client_for(admin).get(URL)

    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 4
    assert ids(response) == [entry.pk for entry in reversed(log)]
    newest = body["items"][0]
    assert newest["action"] == "consent.given"
    assert newest["action_label"] == "Consent given"
    assert newest["actor_email"] == candidate.email
    assert newest["metadata"] == {"purpose": "talent_pool"}


def test_each_filter_narrows_the_log(admin, log, candidate, clock):
    client = client_for(admin)
    first_day = (clock.now - timedelta(days=2)).date().isoformat()
    second_day = (clock.now - timedelta(days=1)).date().isoformat()

    assert ids(client.get(URL, {"actor": candidate.pk})) == [log[3].pk, log[0].pk]
    assert ids(client.get(URL, {"action": "auth.login"})) == [log[2].pk, log[0].pk]
    assert ids(client.get(URL, {"object_type": "jobs.job", "object_id": "7"})) == [log[1].pk]
    assert ids(client.get(URL, {"date_from": second_day})) == [log[3].pk, log[2].pk]
    assert ids(client.get(URL, {"date_to": first_day})) == [log[1].pk, log[0].pk]
    assert ids(client.get(URL, {"date_from": second_day, "date_to": second_day})) == [log[2].pk]
    assert ids(client.get(URL, {"action": "auth.login", "actor": candidate.pk})) == [log[0].pk]


def test_the_log_pages_like_every_list(admin, log, django_assert_max_num_queries):
    client = client_for(admin)

    with django_assert_max_num_queries(6):
        first = client.get(URL, {"page_size": 3}).json()
    second = client.get(URL, {"page_size": 3, "page": 2}).json()

    assert (first["total"], first["page"], first["page_size"], first["total_pages"]) == (4, 1, 3, 2)
    assert len(first["items"]) == 3 and len(second["items"]) == 1
    assert client.get(URL, {"page": 3, "page_size": 3}).status_code == 404


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"action": "coffee.made"}, "action"),
        ({"actor": "someone"}, "actor"),
        ({"actor": "0"}, "actor"),
        ({"date_from": "yesterday"}, "date_from"),
        ({"date_to": "2026-13-01"}, "date_to"),
        ({"date_from": "2026-03-05", "date_to": "2026-03-01"}, "date_to"),
        ({"object_type": "x" * 65}, "object_type"),
    ],
)
def test_invalid_filters_are_a_400(admin, query, field):
    for url in (URL, f"{URL}.csv"):
        response = client_for(admin).get(url, query)
        assert response.status_code == 400
        assert field in response.json()["errors"]
    assert not AuditLogEntry.objects.filter(action=AuditAction.AUDIT_EXPORTED).exists()


def test_a_page_size_over_the_limit_is_a_400(admin):
    response = client_for(admin).get(URL, {"page_size": "1000"})

    assert response.status_code == 400
    assert "page_size" in response.json()["errors"]


@pytest.mark.parametrize("role", ["candidate", "recruiter", "domain_expert"])
def test_only_admins_read_the_log(user_of_role, role, log):
    client = client_for(user_of_role(role))

    assert client.get(URL).status_code == 403
    assert client.get(f"{URL}.csv").status_code == 403
    assert not AuditLogEntry.objects.filter(action=AuditAction.AUDIT_EXPORTED).exists()


def test_visitors_must_sign_in(api_client):
    assert api_client.get(URL).status_code == 401
    assert api_client.get(f"{URL}.csv").status_code == 401


def test_the_csv_holds_the_filtered_entries_and_the_download_is_audited(admin, log, candidate):
    response = client_for(admin).get(f"{URL}.csv", {"actor": candidate.pk})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="audit-log-')
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [int(row["id"]) for row in rows] == [log[3].pk, log[0].pk]
    assert rows[0]["actor_email"] == candidate.email
    assert rows[0]["metadata"] == '{"purpose": "talent_pool"}'
    exported = AuditLogEntry.objects.get(action=AuditAction.AUDIT_EXPORTED)
    assert exported.actor == admin
    assert exported.metadata == {"filters": {"actor": str(candidate.pk)}}


def test_a_cell_a_spreadsheet_would_run_is_defused(admin):
    audit_record(action=AuditAction.JOB_DELETED, object_type="jobs.job", object_id="=HYPERLINK(1)")

    response = client_for(admin).get(f"{URL}.csv", {"action": "job.deleted"})

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["object_id"] == "'=HYPERLINK(1)"
