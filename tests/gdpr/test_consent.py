"""Consent per purpose: an append-only history, and a withdrawal that takes effect at once."""

import hashlib
from datetime import timedelta

import httpx
import pytest
import respx
from django.urls import reverse

from ai.llm import generate
from core.consent import acting_for
from gdpr.consents import CONSENT_TEXTS, PURPOSES
from gdpr.models import AppendOnlyError, AuditAction, AuditLogEntry, ConsentRecord
from tests.accounts.factories import PASSWORD
from tests.ai.llm_samples import cover_letter_facts
from tests.conftest import client_for
from tests.resumes.factories import JOB_DESCRIPTION, ResumeFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/gdpr/consent"
GEMINI = "https://generativelanguage.googleapis.com/v1beta/models/gemini-test:generateContent"


def decide(client, purpose: str, granted: bool, **extra):
    return client.post(URL, {"purpose": purpose, "granted": granted, **extra}, format="json")


def test_every_purpose_shows_its_text_version_hash_and_default(candidate):
    body = client_for(candidate).get(URL).json()

    assert [row["purpose"] for row in body["purposes"]] == list(PURPOSES)
    ai = next(row for row in body["purposes"] if row["purpose"] == "ai_provider")
    assert ai["text_sha256"] == hashlib.sha256(ai["text"].encode()).hexdigest()
    assert ai["version"] == CONSENT_TEXTS["ai_provider"].version
    assert ai["decided_at"] is None
    emails = next(row for row in body["purposes"] if row["purpose"] == "product_emails")
    assert emails["granted"] is False
    assert body["history"] == []


def test_each_decision_is_kept_and_the_latest_one_counts(candidate, clock):
    client = client_for(candidate)
    decide(client, "talent_pool", True)
    clock.set(clock.now + timedelta(days=1))
    response = decide(client, "talent_pool", False, version="1")

    assert response.status_code == 201
    body = response.json()
    pool = next(row for row in body["purposes"] if row["purpose"] == "talent_pool")
    assert pool["granted"] is False
    assert pool["decided_version"] == "1"
    assert [(item["purpose"], item["granted"]) for item in body["history"]] == [
        ("talent_pool", False),
        ("talent_pool", True),
    ]
    assert body["history"][0]["text_sha256"] == CONSENT_TEXTS["talent_pool"].sha256
    assert client.get(URL).json() == body
    actions = AuditLogEntry.objects.filter(actor=candidate).values_list("action", flat=True)
    assert sorted(actions) == [AuditAction.CONSENT_GIVEN, AuditAction.CONSENT_WITHDRAWN]


def test_people_see_only_their_own_decisions(candidate, user_of_role):
    decide(client_for(candidate), "product_emails", True)

    other = client_for(user_of_role("candidate")).get(URL).json()

    assert other["history"] == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"purpose": "marketing", "granted": True}, "purpose"),
        ({"purpose": "talent_pool"}, "granted"),
        ({"purpose": "talent_pool", "granted": "perhaps"}, "granted"),
        ({"granted": True}, "purpose"),
        ({"purpose": ["talent_pool"], "granted": True}, "purpose"),
    ],
)
def test_malformed_decisions_are_refused_and_nothing_is_recorded(candidate, body, field):
    response = client_for(candidate).post(URL, body, format="json")

    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not ConsentRecord.objects.exists()


def test_a_decision_on_an_outdated_text_is_a_conflict(candidate):
    response = decide(client_for(candidate), "ai_provider", True, version="0")

    assert response.status_code == 409
    assert response.json()["error_code"] == "consent_text_outdated"
    assert not ConsentRecord.objects.exists()


def test_visitors_must_sign_in(api_client):
    assert api_client.get(URL).status_code == 401
    assert api_client.post(URL, {"purpose": "talent_pool", "granted": True}).status_code == 401


def test_a_record_cannot_be_changed_or_deleted(candidate):
    decide(client_for(candidate), "talent_pool", True)
    record = ConsentRecord.objects.get()

    record.granted = False
    with pytest.raises(AppendOnlyError):
        record.save()
    with pytest.raises(AppendOnlyError):
        record.delete()
    with pytest.raises(AppendOnlyError):
        ConsentRecord.objects.filter(pk=record.pk).update(granted=False)
    with pytest.raises(AppendOnlyError):
        ConsentRecord.objects.all().delete()
    assert ConsentRecord.objects.get().granted is True


def test_the_admin_shows_records_read_only(client, candidate, user_of_role):
    decide(client_for(candidate), "talent_pool", True)
    record = ConsentRecord.objects.get()
    client.force_login(user_of_role("admin"))

    change_page = client.get(reverse("admin:gdpr_consentrecord_change", args=[record.pk]))
    post = client.post(reverse("admin:gdpr_consentrecord_change", args=[record.pk]), {})
    delete = client.post(reverse("admin:gdpr_consentrecord_delete", args=[record.pk]), {})

    assert change_page.status_code == 200
    assert post.status_code == 403
    assert delete.status_code == 403
    assert ConsentRecord.objects.get().granted is True


def test_erasing_the_account_erases_the_consent_history(candidate):
    client = client_for(candidate)
    decide(client, "talent_pool", True)

    response = client.delete("/api/v1/auth/account", {"password": PASSWORD}, format="json")

    assert response.status_code == 204
    assert not ConsentRecord.objects.exists()


@pytest.fixture
def gemini(settings, monkeypatch):
    settings.GEMINI_API_KEY = "test-key"
    settings.GEMINI_MODEL = "gemini-test"
    settings.AI_MAX_RETRIES = 0
    monkeypatch.setenv("GOOGLE_GENAI_HTTP_CLIENT", "httpx")
    with respx.mock:
        # Unavailable: each call is counted, and the local engine answers.
        yield respx.post(GEMINI).mock(return_value=httpx.Response(503, json={}))


def cover_letter(client, resume):
    return client.post(
        "/api/v1/resumes/generate-cover-letter",
        {"resume_id": str(resume.pk), "job_description": JOB_DESCRIPTION, "tone": "concise"},
        format="json",
    )


def test_withdrawing_ai_provider_consent_stops_gemini_calls_at_once(candidate, gemini):
    client = client_for(candidate)
    resume = ResumeFactory(owner=candidate)
    assert cover_letter(client, resume).status_code == 201
    assert gemini.call_count == 1

    decide(client, "ai_provider", False)
    response = cover_letter(client, resume)

    assert response.status_code == 201
    assert response.json()["engine"] == "local"
    assert gemini.call_count == 1

    decide(client, "ai_provider", True)
    cover_letter(client, resume)
    assert gemini.call_count == 2


def test_background_work_for_a_withdrawn_person_stays_local(candidate, gemini):
    decide(client_for(candidate), "ai_provider", False)

    with acting_for(candidate.pk):
        result = generate("cover_letter", cover_letter_facts())

    assert gemini.call_count == 0
    assert result.engine == "local"
    assert "withdrawn" in result.fallback_reason


def test_the_privacy_centre_page_gives_and_withdraws_consent(client, candidate):
    client.force_login(candidate)
    page = reverse("gdpr:privacy_centre")
    form = {"purpose": "talent_pool", "version": CONSENT_TEXTS["talent_pool"].version}

    given = client.post(reverse("gdpr:consent"), {**form, "granted": "true"}, follow=True)
    client.post(reverse("gdpr:consent"), {**form, "granted": "false"})
    html = client.get(page).content.decode()

    assert given.redirect_chain[-1][0] == page + "#consents"
    assert "Talent pool: consent given." in given.content.decode()
    assert html.count("<td>Talent pool</td>") == 2
    assert "<td>Withdrawn</td>" in html and "<td>Given</td>" in html


def test_the_page_refuses_a_decision_on_an_outdated_text(client, candidate):
    client.force_login(candidate)

    response = client.post(
        reverse("gdpr:consent"),
        {"purpose": "talent_pool", "version": "0", "granted": "true"},
        follow=True,
    )

    assert "The consent text changed" in response.content.decode()
    assert not ConsentRecord.objects.exists()
