"""Enhancements, enhanced-resume downloads, templates and cover letters through the API."""

import io

import docx
import pypdfium2
import pytest

from resumes.models import CoverLetter, Enhancement
from tests.accounts.factories import CandidateFactory
from tests.conftest import client_for
from tests.resumes.factories import JOB_DESCRIPTION, ResumeFactory

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    document = pypdfium2.PdfDocument(content)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


@pytest.fixture
def resume(candidate):
    return ResumeFactory(owner=candidate)


def enhance(client, resume, **extra):
    return client.post(
        "/api/v1/resumes/enhance", {"resume_id": str(resume.pk), **extra}, format="json"
    )


def test_enhance_points_at_lines_with_rewrites(candidate_client, resume):
    response = enhance(candidate_client, resume, job_description=JOB_DESCRIPTION)
    assert response.status_code == 201
    suggestions = response.json()["suggestions"]
    lines = resume.text.splitlines()
    weak = next(item for item in suggestions if item["kind"] == "weak_verb")
    assert lines[weak["line"] - 1].strip().lstrip("- ") in weak["original"] or (
        weak["original"] in lines[weak["line"] - 1]
    )
    assert weak["proposed"] and weak["proposed"] != weak["original"]
    assert any(item["kind"] == "missing_keywords" for item in suggestions)


def test_the_same_resume_gets_the_same_suggestion_ids(candidate_client, resume):
    first = enhance(candidate_client, resume).json()["suggestions"]
    second = enhance(candidate_client, resume).json()["suggestions"]
    assert [item["id"] for item in first] == [item["id"] for item in second]


def test_decisions_are_saved_and_unknown_ids_change_nothing(candidate_client, resume):
    enhancement = enhance(candidate_client, resume).json()
    first_id = enhancement["suggestions"][0]["id"]
    url = f"/api/v1/resumes/enhancements/{enhancement['id']}/decisions"
    # The first suggestion asks for a number ("[add a measurable result …]"): the wording.
    own = {first_id: "Led code reviews for 6 engineers"}
    response = candidate_client.post(
        url, {"decisions": {first_id: "accepted"}, "edits": own}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["decisions"] == {first_id: "accepted"}

    bad = candidate_client.post(
        url, {"decisions": {first_id: "rejected", "nope": "accepted"}}, format="json"
    )
    assert bad.status_code == 400
    assert bad.json()["error_code"] == "unknown_suggestion"
    assert Enhancement.objects.get().decisions == {first_id: "accepted"}


def test_a_decision_must_be_accepted_or_rejected(candidate_client, resume):
    enhancement = enhance(candidate_client, resume).json()
    url = f"/api/v1/resumes/enhancements/{enhancement['id']}/decisions"
    response = candidate_client.post(
        url, {"decisions": {enhancement["suggestions"][0]["id"]: "maybe"}}, format="json"
    )
    assert response.status_code == 400
    assert "decisions" in response.json()["errors"] or any(
        key.startswith("decisions") for key in response.json()["errors"]
    )


def test_the_enhanced_resume_downloads_with_accepted_rewrites_only(candidate_client, resume):
    enhancement = enhance(candidate_client, resume).json()
    bullet = next(item for item in enhancement["suggestions"] if item["kind"] == "weak_verb")
    response = candidate_client.post(
        f"/api/v1/resumes/{resume.pk}/download-enhanced",
        {
            "enhancement_id": enhancement["id"],
            "accepted_ids": [bullet["id"]],
            "template": "classic",
            "format": "docx",
        },
        format="json",
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="resume-enhanced.docx"'
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert bullet["proposed"].split("[")[0].strip()[:30] in text


def test_download_enhanced_as_pdf_in_each_template(candidate_client, resume):
    enhancement = enhance(candidate_client, resume).json()
    templates = candidate_client.get("/api/v1/resumes/templates").json()
    assert len(templates) >= 3
    for template in templates:
        response = candidate_client.post(
            f"/api/v1/resumes/{resume.pk}/download-enhanced",
            {"enhancement_id": enhancement["id"], "template": template["id"], "format": "pdf"},
            format="json",
        )
        assert response.status_code == 200, template
        assert "Jane Doe" in pdf_text(response.content)


def test_download_enhanced_rejects_an_unknown_template_and_format(candidate_client, resume):
    enhancement = enhance(candidate_client, resume).json()
    url = f"/api/v1/resumes/{resume.pk}/download-enhanced"
    bad_format = candidate_client.post(
        url, {"enhancement_id": enhancement["id"], "format": "odt"}, format="json"
    )
    assert bad_format.status_code == 400
    assert "format" in bad_format.json()["errors"]
    bad_template = candidate_client.post(
        url, {"enhancement_id": enhancement["id"], "template": "nope"}, format="json"
    )
    assert bad_template.status_code in {400, 404}


def test_template_samples_download(candidate_client):
    response = candidate_client.get(
        "/api/v1/resumes/templates/classic/download", {"format": "docx"}
    )
    assert response.status_code == 200
    assert response.content.startswith(b"PK\x03\x04")
    assert response["Content-Disposition"] == 'attachment; filename="hirewise-classic.docx"'


@pytest.mark.parametrize("tone", ["professional", "enthusiastic", "concise"])
def test_cover_letters_in_each_tone_use_only_known_facts(candidate_client, resume, tone):
    response = candidate_client.post(
        "/api/v1/resumes/generate-cover-letter",
        {"resume_id": str(resume.pk), "job_description": JOB_DESCRIPTION, "tone": tone},
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["tone"] == tone
    assert body["engine"] == "local"
    assert "Jane Doe" in body["text"]
    assert "Acme Analytics" in body["text"] or "Brightside Labs" in body["text"]


def test_a_cover_letter_downloads_as_txt_pdf_and_docx(candidate_client, resume):
    letter = candidate_client.post(
        "/api/v1/resumes/generate-cover-letter",
        {"resume_id": str(resume.pk), "job_description": JOB_DESCRIPTION},
        format="json",
    ).json()
    url = f"/api/v1/resumes/cover-letters/{letter['id']}/download"
    txt = candidate_client.get(url, {"format": "txt"})
    assert txt.content.decode().strip() == letter["text"].strip()
    assert candidate_client.get(url, {"format": "pdf"}).content.startswith(b"%PDF-")
    assert candidate_client.get(url, {"format": "docx"}).content.startswith(b"PK\x03\x04")
    listed = candidate_client.get("/api/v1/resumes/cover-letters").json()
    assert [item["id"] for item in listed["items"]] == [letter["id"]]


def test_a_cover_letter_needs_a_job(candidate_client, resume):
    response = candidate_client.post(
        "/api/v1/resumes/generate-cover-letter", {"resume_id": str(resume.pk)}, format="json"
    )
    assert response.status_code == 400
    assert "job_description" in response.json()["errors"]
    assert not CoverLetter.objects.exists()


def test_another_users_documents_are_not_found(candidate_client, resume):
    enhancement = enhance(candidate_client, resume).json()
    letter = candidate_client.post(
        "/api/v1/resumes/generate-cover-letter",
        {"resume_id": str(resume.pk), "job_description": JOB_DESCRIPTION},
        format="json",
    ).json()
    outsider = client_for(CandidateFactory())
    assert enhance(outsider, resume).status_code == 404
    assert outsider.get(f"/api/v1/resumes/enhancements/{enhancement['id']}").status_code == 404
    decisions = outsider.post(
        f"/api/v1/resumes/enhancements/{enhancement['id']}/decisions",
        {"decisions": {enhancement["suggestions"][0]["id"]: "accepted"}},
        format="json",
    )
    assert decisions.status_code == 404
    download = outsider.post(
        f"/api/v1/resumes/{resume.pk}/download-enhanced",
        {"enhancement_id": enhancement["id"]},
        format="json",
    )
    assert download.status_code == 404
    assert outsider.get(f"/api/v1/resumes/cover-letters/{letter['id']}").status_code == 404
    assert (
        outsider.get(
            f"/api/v1/resumes/cover-letters/{letter['id']}/download", {"format": "txt"}
        ).status_code
        == 404
    )
    assert outsider.delete(f"/api/v1/resumes/cover-letters/{letter['id']}").status_code == 404
    assert CoverLetter.objects.filter(pk=letter["id"]).exists()


def test_own_wording_replaces_the_proposal_in_the_download(candidate_client, resume):
    enhancement = enhance(candidate_client, resume).json()
    bullet = next(item for item in enhancement["suggestions"] if item["kind"] == "weak_verb")
    own = "Ran weekly code reviews for a team of 6 engineers"
    saved = candidate_client.post(
        f"/api/v1/resumes/enhancements/{enhancement['id']}/decisions",
        {"decisions": {bullet["id"]: "accepted"}, "edits": {bullet["id"]: own}},
        format="json",
    )
    assert saved.status_code == 200
    assert saved.json()["edits"] == {bullet["id"]: own}
    response = candidate_client.post(
        f"/api/v1/resumes/{resume.pk}/download-enhanced",
        {"enhancement_id": enhancement["id"], "format": "docx"},
        format="json",
    )
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert own in text


def test_an_edit_for_an_unknown_suggestion_saves_nothing(candidate_client, resume):
    enhancement = enhance(candidate_client, resume).json()
    first = enhancement["suggestions"][0]["id"]
    response = candidate_client.post(
        f"/api/v1/resumes/enhancements/{enhancement['id']}/decisions",
        {"decisions": {first: "accepted"}, "edits": {"nope": "text"}},
        format="json",
    )
    assert response.status_code == 400
    saved = Enhancement.objects.get()
    assert (saved.decisions, saved.edits) == ({}, {})
