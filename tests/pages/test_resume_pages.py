"""The candidate's resume pages, as a person in a browser meets them (no JavaScript)."""

import html
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from resumes.extraction import extract_text
from resumes.models import Analysis, AnalysisStatus, CoverLetter, Enhancement, Resume
from resumes.presenters import fixes
from resumes.services import documents
from tests.accounts.factories import CandidateFactory
from tests.conftest import client_for
from tests.resumes.factories import JOB_DESCRIPTION, SAMPLE_RESUME, AnalysisFactory, ResumeFactory

pytestmark = pytest.mark.django_db

UPLOADED_RESUME = """Priya Raman
priya.raman@example.org | +1 415 555 0142 | San Francisco, CA

Summary
Full-stack developer who ships Python and Django products end to end.

Experience
Software Engineer at Northwind Health
Feb 2020 - Present
- Built a Django REST Framework API serving 40,000 patients a month
- Reduced page load time by 35% with Redis caching and PostgreSQL indexes

Junior Developer at Tailspin Toys
Jun 2018 - Jan 2020
- Wrote Python scripts that automated weekly sales reports

Education
BSc Software Engineering, University of Toronto, 2014 - 2018

Skills
Python, Django, JavaScript, React, PostgreSQL, Redis, Docker, Git
"""


def _page(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def _text(html: str) -> str:
    """The visible words of a page, for asserting on sentences that markup interrupts."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def owner(client):
    user = CandidateFactory()
    client.force_login(user)
    return user


@pytest.fixture
def resume(owner):
    return ResumeFactory(owner=owner)


@pytest.fixture
def completed(client, resume, django_capture_on_commit_callbacks):
    """An analysis against JOB_DESCRIPTION, started from the page and run to completion."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("resumes:analyse", args=[resume.pk]),
            {"job_title": "Senior Backend Engineer", "job_description": JOB_DESCRIPTION},
        )
    analysis = Analysis.objects.get()
    assert analysis.status == AnalysisStatus.COMPLETED
    return analysis


@pytest.fixture
def enhancement(owner, resume):
    return documents.enhancement_create(owner=owner, resume=resume)


@pytest.fixture
def letter(client, resume):
    client.post(
        reverse("resumes:cover_letters"),
        {"resume": resume.pk, "job_description": JOB_DESCRIPTION, "tone": "concise"},
    )
    return CoverLetter.objects.get()


# --- Resume list and upload ----------------------------------------------------------------


def test_the_list_shows_the_owners_resumes_with_their_facts(
    client, owner, django_assert_max_num_queries
):
    ResumeFactory(owner=owner, name="first.txt")
    ResumeFactory(owner=owner, name="second.txt")
    ResumeFactory(name="someone-elses.txt")

    with django_assert_max_num_queries(3):
        page = _page(client.get(reverse("resumes:list")))

    assert "first.txt" in page and "second.txt" in page
    assert "someone-elses.txt" not in page
    assert "Plain text" in page
    assert "Not analysed yet" in page
    assert 'type="file"' in page and 'enctype="multipart/form-data"' in page
    assert page.index("second.txt") < page.index("first.txt")  # newest first


def test_the_list_shows_the_last_score_once_analysed(client, completed):
    page = _page(client.get(reverse("resumes:list")))

    assert f"{completed.overall_score}/100" in page


def test_uploading_through_the_form_creates_the_resume_and_opens_its_profile(client, owner):
    upload = SimpleUploadedFile("cv.txt", UPLOADED_RESUME.encode(), content_type="text/plain")

    response = client.post(reverse("resumes:list"), {"file": upload})

    resume = Resume.objects.get(owner=owner)
    assert response.status_code == 302
    assert response["Location"] == reverse("resumes:detail", args=[resume.pk])
    page = client.get(response["Location"])
    assert "cv.txt is uploaded and read." in _messages(page)
    assert "priya.raman@example.org" in _page(page)
    assert '<li class="chip">Django</li>' in _page(page)


def test_a_file_that_is_not_what_its_name_says_shows_the_error_and_stores_nothing(client, owner):
    upload = SimpleUploadedFile("cv.pdf", UPLOADED_RESUME.encode(), content_type="application/pdf")

    response = client.post(reverse("resumes:list"), {"file": upload})

    errors = re.search(
        r'<ul class="field__errors" id="id_file_error">(.*?)</ul>', _page(response), re.S
    )
    assert errors, "the file field shows no error"
    assert "although its name ends in .pdf." in _text(errors.group(1)).replace("&#x27;", "'")
    assert not Resume.objects.exists()


def test_an_upload_without_a_file_names_the_missing_field(client, owner):
    page = _page(client.post(reverse("resumes:list"), {}))

    assert "This field is required." in page
    assert not Resume.objects.exists()


def test_an_upload_over_the_limit_is_refused_with_the_limit_named(client, owner, settings):
    settings.RESUME_MAX_UPLOAD_BYTES = 1_048_576
    upload = SimpleUploadedFile("big.txt", b"a" * 1_100_000, content_type="text/plain")

    page = _page(client.post(reverse("resumes:list"), {"file": upload}))

    assert "the limit is 1 MB" in page
    assert not Resume.objects.exists()


def test_page_uploads_share_the_per_user_rate_limit(client, owner, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "resume_upload": "1/h"}
    text = UPLOADED_RESUME.encode()

    first = client.post(
        reverse("resumes:list"), {"file": SimpleUploadedFile("a.txt", text, "text/plain")}
    )
    second = client.post(
        reverse("resumes:list"), {"file": SimpleUploadedFile("b.txt", text, "text/plain")}
    )

    assert first.status_code == 302
    assert second.status_code == 429
    assert Resume.objects.count() == 1


# --- Resume detail, download, delete -------------------------------------------------------


def test_the_detail_page_shows_the_parsed_profile_and_analyses(client, resume, completed):
    page = _page(client.get(reverse("resumes:detail", args=[resume.pk])))
    text = _text(page)

    assert "jane.doe@example.com" in page
    assert 'href="https://linkedin.com/in/janedoe"' in page  # made absolute, never relative
    for label in ("Languages", "Frameworks", "Databases"):
        assert label in text
    assert '<li class="chip">PostgreSQL</li>' in page
    assert "Senior Software Engineer · Acme Analytics" in text
    assert "Present" in text
    assert "University of Leeds" in text
    assert "Spanish (B2)" in text
    assert f"{resume.parsed_data['total_experience_years']} years of experience" in text
    assert reverse("resumes:analysis", args=[completed.pk]) in page
    assert "Senior Backend Engineer" in text


def test_download_returns_the_original_file_with_its_type(client, resume):
    response = client.get(reverse("resumes:download", args=[resume.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="resume.txt"'
    assert response.content == SAMPLE_RESUME.encode()


def test_deleting_a_resume_needs_a_post_and_removes_it(client, resume):
    url = reverse("resumes:delete", args=[resume.pk])

    assert client.get(url).status_code == 405
    response = client.post(url, follow=True)

    assert not Resume.objects.exists()
    assert response.redirect_chain[-1][0] == reverse("resumes:list")
    assert "resume.txt and its analyses are deleted." in _messages(response)


# --- Analyses ------------------------------------------------------------------------------


def test_an_analysis_started_from_the_page_shows_its_full_result(client, completed):
    page = _page(client.get(reverse("resumes:analysis", args=[completed.pk])))
    text = _text(page)
    result = completed.result

    assert re.search(r'class="gauge__arc"[^>]+stroke-dasharray="[\d.]+ [\d.]+"', page)
    assert f"ATS score: {result['ats_score']['overall']}/100" in text
    for category, value in result["ats_score"]["breakdown"].items():
        assert f"{category.title()}" in text
        assert f'value="{value}"' in page
    assert "Section scores" in text
    assert result["ats_score"]["deductions"][0]["advice"] in text
    assert result["estimated_preparation_time"] in text
    for skill in result["skill_match_analysis"]["missing_required_skills"]:
        assert f'<li class="chip chip--missing">{skill}</li>' in page
    project = result["skill_gap_recommendations"][0]["recommended_projects"][0]
    assert project["title"] in text
    assert f"about {project['estimated_hours']} hours" in text
    assert 'rel="noopener"' in page
    assert "The summary and assessment are written by Hirewise" in text
    assert "data-analysis" not in page  # finished: no live progress, no socket


def test_the_result_page_has_one_list_of_fixes_biggest_gain_first(client, completed):
    page = _page(client.get(reverse("resumes:analysis", args=[completed.pk])))
    text = _text(page)
    ats = completed.result["ats_score"]

    fixes = re.findall(
        r'<p class="fix-list__text">([^<]+) <span class="fix-list__gain">\+(\d+|under 1) point',
        page,
    )
    assert fixes, "no fixes listed"
    gains = [0 if gain == "under 1" else int(gain) for _, gain in fixes]
    assert gains == sorted(gains, reverse=True)
    expected = {d["advice"] for d in ats["deductions"]}
    assert {html.unescape(fix) for fix, _ in fixes} == expected
    # One list: the review's pros and cons and the separate weaknesses are not repeated.
    for heading in ("Pros", "Cons", "Weaknesses", "Recommendations", "Where the points went"):
        assert f">{heading}<" not in page
    assert "What already works" in text


def test_the_result_page_shows_no_rule_ids_or_engine_jargon(client, completed):
    page = _page(client.get(reverse("resumes:analysis", args=[completed.pk])))
    for deduction in completed.result["ats_score"]["deductions"]:
        assert deduction["rule"] not in page
    for jargon in ("local engine", "tfidf", "Text similarity", "<code>"):
        assert jargon not in page
    # The ids stay in the stored result the API returns.
    assert all(d["rule"] for d in completed.result["ats_score"]["deductions"])


def test_a_fix_gains_its_points_times_the_category_weight():
    ats = {
        "weights": {"impact": 0.2, "keywords": 0.25},
        "deductions": [
            {
                "category": "impact",
                "rule": "a",
                "points": 25,
                "detail": "5 of 8 bullets.",
                "advice": "Add numbers.",
            },
            {
                "category": "keywords",
                "rule": "b",
                "points": 40,
                "detail": "Few skills.",
                "advice": "Name skills.",
            },
            {
                "category": "impact",
                "rule": "c",
                "points": 1,
                "detail": "A weak phrase.",
                "advice": "Say what you did.",
            },
            {"category": "impact", "rule": "old", "points": 10, "detail": "Stored before advice."},
        ],
    }
    listed = [(fix["text"], fix["gain_words"]) for fix in fixes(ats)]
    assert listed == [
        ("Name skills.", "10 points"),
        ("Add numbers.", "5 points"),
        ("Stored before advice.", "2 points"),
        ("Say what you did.", "under 1 point"),
    ]


def test_the_analyses_table_stacks_on_phones(client, completed):
    page = _page(client.get(reverse("resumes:detail", args=[completed.resume_id])))
    table = page[page.index('<table class="table table--stack">') : page.index("</table>")]
    for label in ("Started", "Against", "Status", "Score"):
        assert f'data-label="{label}"' in table
    assert "@media (max-width: 37.5rem)" in Path(finders.find("css/hirewise.css")).read_text()


def test_a_running_analysis_shows_live_progress_hooks_and_a_refresh_link(client, resume):
    analysis = AnalysisFactory(
        resume=resume, status=AnalysisStatus.PARSING, progress=30, current_step="Parsing sections"
    )

    page = _page(client.get(reverse("resumes:analysis", args=[analysis.pk])))

    assert re.search(r'<progress[^>]+value="30"', page)
    assert f'data-socket-path="/ws/analyses/{analysis.pk}/"' in page
    assert reverse("resumes:analysis_status", args=[analysis.pk]) in page
    assert re.search(r'aria-live="polite"[^>]*>Parsing sections<', page)
    assert f'href="{reverse("resumes:analysis", args=[analysis.pk])}">Refresh</a>' in page
    assert 'src="/static/js/resumes/analysis.js"' in page
    assert "Delete this analysis" not in page


def test_the_status_json_is_the_socket_message(client, resume):
    analysis = AnalysisFactory(
        resume=resume, status=AnalysisStatus.ANALYZING, progress=70, current_step="Scoring"
    )

    response = client.get(reverse("resumes:analysis_status", args=[analysis.pk]))

    assert response.status_code == 200
    assert response.json() == {
        "job_id": str(analysis.pk),
        "state": "analyzing",
        "progress": 70,
        "message": "Scoring",
    }
    assert "no-cache" in response["Cache-Control"]


def test_a_failed_analysis_shows_its_error_and_retries(
    client, resume, django_capture_on_commit_callbacks
):
    analysis = AnalysisFactory(
        resume=resume, status=AnalysisStatus.FAILED, error_message="The file has no text."
    )
    page = _page(client.get(reverse("resumes:analysis", args=[analysis.pk])))
    assert "The file has no text." in page
    assert reverse("resumes:analysis_retry", args=[analysis.pk]) in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("resumes:analysis_retry", args=[analysis.pk]), follow=True)

    analysis.refresh_from_db()
    assert analysis.status == AnalysisStatus.COMPLETED
    assert "The analysis is queued again." in _messages(response)


def test_retrying_a_completed_analysis_shows_the_services_message(client, completed):
    response = client.post(reverse("resumes:analysis_retry", args=[completed.pk]), follow=True)

    assert "can be retried; this one is completed." in " ".join(_messages(response))
    completed.refresh_from_db()
    assert completed.status == AnalysisStatus.COMPLETED


def test_deleting_a_running_analysis_is_refused_with_the_services_message(client, resume):
    analysis = AnalysisFactory(resume=resume, status=AnalysisStatus.PARSING)

    response = client.post(reverse("resumes:analysis_delete", args=[analysis.pk]), follow=True)

    assert Analysis.objects.filter(pk=analysis.pk).exists()
    assert any("this one is parsing" in message for message in _messages(response))


def test_deleting_a_finished_analysis_returns_to_its_resume(client, resume, completed):
    response = client.post(reverse("resumes:analysis_delete", args=[completed.pk]))

    assert response["Location"] == reverse("resumes:detail", args=[resume.pk])
    assert not Analysis.objects.exists()


def test_a_short_job_description_is_refused_on_the_page(client, resume):
    response = client.post(
        reverse("resumes:analyse", args=[resume.pk]), {"job_description": "Python developer"}
    )

    page = _page(response)
    assert "Give at least 50 characters of the job description (you gave 16)." in page
    assert not Analysis.objects.exists()


@pytest.mark.parametrize(
    ("fmt", "content_type", "start"),
    [
        ("json", "application/json", b"{"),
        ("csv", "text/csv", b"SECTION,KEY,VALUE"),
        ("pdf", "application/pdf", b"%PDF"),
        ("docx", "application/vnd.openxmlformats-officedocument", b"PK"),
    ],
)
def test_exports_download_in_each_format(client, completed, fmt, content_type, start):
    response = client.get(reverse("resumes:analysis_export", args=[completed.pk, fmt]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response.content.startswith(start)


def test_exporting_an_unfinished_analysis_explains_why(client, resume):
    analysis = AnalysisFactory(resume=resume, status=AnalysisStatus.QUEUED)

    response = client.get(reverse("resumes:analysis_export", args=[analysis.pk, "json"]))

    assert response["Location"] == reverse("resumes:analysis", args=[analysis.pk])
    page = client.get(response["Location"])
    assert any("Only completed analyses can be exported" in m for m in _messages(page))


def test_an_unknown_export_format_is_not_found(client, completed):
    assert (
        client.get(reverse("resumes:analysis_export", args=[completed.pk, "xls"])).status_code
        == 404
    )


# --- Enhancements and templates ------------------------------------------------------------


def test_enhancing_from_the_page_lists_suggestions_with_lines_and_rewrites(client, resume):
    response = client.post(
        reverse("resumes:enhance", args=[resume.pk]), {"target_role": "Backend Engineer"}
    )

    enhancement = Enhancement.objects.get()
    assert response["Location"] == reverse("resumes:enhancement", args=[enhancement.pk])
    page = _page(client.get(response["Location"]))
    text = _text(page)
    rewrite = next(item for item in enhancement.suggestions if item["proposed"] and item["line"])
    assert f"Line {rewrite['line']}" in text
    assert rewrite["proposed"] in page or rewrite["proposed"].replace("'", "&#x27;") in page
    assert "Backend Engineer" in text
    for item in enhancement.suggestions:
        assert f'name="decision-{item["id"]}" value="accepted"' in page
        assert f'name="decision-{item["id"]}" value="rejected"' in page


def test_accept_and_reject_decisions_persist_and_show_checked(client, enhancement):
    first, second = enhancement.suggestions[:2]
    url = reverse("resumes:enhancement", args=[enhancement.pk])

    response = client.post(
        url,
        {
            f"decision-{first['id']}": "accepted",
            f"edit-{first['id']}": "Led code reviews for 6 engineers",
            f"decision-{second['id']}": "rejected",
        },
    )

    assert response["Location"] == url
    enhancement.refresh_from_db()
    assert enhancement.decisions == {first["id"]: "accepted", second["id"]: "rejected"}
    page = _page(client.get(url))
    assert re.search(rf'name="decision-{first["id"]}" value="accepted"[^>]*checked', page)
    assert re.search(rf'name="decision-{second["id"]}" value="rejected"[^>]*checked', page)
    assert "1 rewrite accepted" in _text(page)


def test_own_wording_is_saved_with_the_decision_and_shown_again(client, enhancement):
    first = enhancement.suggestions[0]
    url = reverse("resumes:enhancement", args=[enhancement.pk])
    own = "Ran weekly code reviews for 6 engineers"

    client.post(url, {f"decision-{first['id']}": "accepted", f"edit-{first['id']}": own})

    enhancement.refresh_from_db()
    assert enhancement.edits == {first["id"]: own}
    assert f'value="{own}"' in _page(client.get(url))


def test_a_suggestion_with_a_placeholder_starts_its_line_filled_with_the_proposal(
    client, enhancement
):
    first = enhancement.suggestions[0]
    assert "[add a measurable result" in first["proposed"]
    page = _page(client.get(reverse("resumes:enhancement", args=[enhancement.pk])))
    assert "Your line, with the detail filled in" in page
    assert (
        f'name="edit-{first["id"]}" id="id_edit-{first["id"]}" value="{first["proposed"]}"' in page
    )


@pytest.mark.parametrize(
    "edit", [None, "", "Led code reviews [add a measurable result, e.g. 30% faster]"]
)
def test_accepting_a_placeholder_needs_the_missing_number_first(client, enhancement, edit):
    first = enhancement.suggestions[0]
    data = {f"decision-{first['id']}": "accepted"}
    if edit is not None:
        data[f"edit-{first['id']}"] = edit
    response = client.post(reverse("resumes:enhancement", args=[enhancement.pk]), data)

    assert response.status_code == 200  # the form again, with its error
    page = response.content.decode()
    assert "Replace [add a measurable result, e.g. 30% faster] with your own detail" in page
    assert f'href="#id_edit-{first["id"]}"' in page  # the summary links to the field
    assert 'aria-invalid="true"' in page
    enhancement.refresh_from_db()
    assert enhancement.decisions == {} and enhancement.edits == {}


def test_rejecting_a_placeholder_needs_no_number_and_keeps_no_wording(client, enhancement):
    first = enhancement.suggestions[0]
    client.post(
        reverse("resumes:enhancement", args=[enhancement.pk]),
        {f"decision-{first['id']}": "rejected", f"edit-{first['id']}": first["proposed"]},
    )
    enhancement.refresh_from_db()
    assert enhancement.decisions == {first["id"]: "rejected"}
    assert enhancement.edits == {}


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_download_contains_the_accepted_line_with_its_number(client, enhancement, fmt):
    first = enhancement.suggestions[0]
    own = "Led weekly code reviews for 6 engineers, cutting review time by 30%"
    client.post(
        reverse("resumes:enhancement", args=[enhancement.pk]),
        {f"decision-{first['id']}": "accepted", f"edit-{first['id']}": own},
    )

    response = client.get(
        reverse("resumes:enhancement_download", args=[enhancement.pk]),
        {"template": "classic", "format": fmt},
    )

    text = " ".join(extract_text(response.content, fmt).text.split())
    assert own in text
    assert first["original"] not in text
    assert "[add" not in text


def test_the_api_refuses_an_accepted_placeholder_without_wording(enhancement):
    first = enhancement.suggestions[0]
    api = client_for(enhancement.owner)
    url = f"/api/v1/resumes/enhancements/{enhancement.pk}/decisions"

    refused = api.post(url, {"decisions": {first["id"]: "accepted"}}, format="json")

    assert refused.status_code == 400
    body = refused.json()
    assert body["error_code"] == "prompt_not_answered"
    assert list(body["errors"]) == [first["id"]]
    accepted = api.post(
        url,
        {"decisions": {first["id"]: "accepted"}, "edits": {first["id"]: "Led 40 code reviews"}},
        format="json",
    )
    assert accepted.status_code == 200


def test_saving_without_any_decision_asks_for_one(client, enhancement):
    response = client.post(reverse("resumes:enhancement", args=[enhancement.pk]), {})

    assert "Choose Accept or Reject for at least one suggestion." in _messages(response)
    enhancement.refresh_from_db()
    assert enhancement.decisions == {}


@pytest.mark.parametrize(
    ("fmt", "content_type", "start"),
    [("pdf", "application/pdf", b"%PDF"), ("docx", "application/vnd.openxml", b"PK")],
)
def test_the_enhanced_resume_downloads_in_the_chosen_format(
    client, enhancement, fmt, content_type, start
):
    response = client.get(
        reverse("resumes:enhancement_download", args=[enhancement.pk]),
        {"template": "modern", "format": fmt},
    )

    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"] == f'attachment; filename="resume-enhanced.{fmt}"'
    assert response.content.startswith(start)


def test_an_unknown_template_in_the_download_form_is_explained(client, enhancement):
    response = client.get(
        reverse("resumes:enhancement_download", args=[enhancement.pk]),
        {"template": "neon", "format": "pdf"},
        follow=True,
    )

    assert "Choose one of the listed templates and formats." in _messages(response)


def test_the_templates_gallery_lists_templates_with_sample_downloads(client, owner):
    from resumes.rendering import TEMPLATES

    page = _page(client.get(reverse("resumes:templates")))

    for template in TEMPLATES:
        assert template.name in page
        assert reverse("resumes:template_sample", args=[template.id, "pdf"]) in page
    sample = client.get(reverse("resumes:template_sample", args=[TEMPLATES[0].id, "docx"]))
    assert sample["Content-Type"].startswith("application/vnd.openxmlformats")
    assert sample.content.startswith(b"PK")
    assert client.get(reverse("resumes:template_sample", args=["neon", "pdf"])).status_code == 404


# --- Cover letters -------------------------------------------------------------------------


def test_the_cover_letter_form_preselects_the_resume_from_the_link(client, resume):
    page = _page(client.get(reverse("resumes:cover_letters"), {"resume": resume.pk}))

    assert re.search(rf'<option value="{resume.pk}" selected>', page)
    assert 'value="enthusiastic"' in page


def test_writing_a_cover_letter_shows_it_with_downloads(client, resume):
    response = client.post(
        reverse("resumes:cover_letters"),
        {
            "resume": resume.pk,
            "job_description": JOB_DESCRIPTION,
            "job_title": "Backend Engineer",
            "company": "Paylane",
            "tone": "professional",
        },
    )

    letter = CoverLetter.objects.get()
    assert response["Location"] == reverse("resumes:cover_letter", args=[letter.pk])
    page = _page(client.get(response["Location"]))
    assert "Cover letter for Backend Engineer at Paylane" in _text(page)
    assert letter.letter["paragraphs"][0][:40] in _text(page).replace("&#x27;", "'")
    for fmt in ("txt", "pdf", "docx"):
        assert reverse("resumes:cover_letter_download", args=[letter.pk, fmt]) in page
    assert "Backend Engineer" in _page(client.get(reverse("resumes:cover_letters")))


def test_a_cover_letter_needs_a_long_enough_job_description(client, resume):
    page = _page(
        client.post(
            reverse("resumes:cover_letters"),
            {"resume": resume.pk, "job_description": "Too short", "tone": "professional"},
        )
    )

    assert "Give at least 50 characters" in page
    assert not CoverLetter.objects.exists()


def test_a_cover_letter_cannot_use_another_users_resume(client, resume):
    others = ResumeFactory()

    page = _page(
        client.post(
            reverse("resumes:cover_letters"),
            {"resume": others.pk, "job_description": JOB_DESCRIPTION, "tone": "professional"},
        )
    )

    assert "Select a valid choice." in page
    assert not CoverLetter.objects.exists()


@pytest.mark.parametrize(
    ("fmt", "content_type", "start"),
    [
        ("txt", "text/plain", b""),
        ("pdf", "application/pdf", b"%PDF"),
        ("docx", "application/vnd.openxml", b"PK"),
    ],
)
def test_cover_letter_downloads_have_the_right_type(client, letter, fmt, content_type, start):
    response = client.get(reverse("resumes:cover_letter_download", args=[letter.pk, fmt]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response.content.startswith(start)
    if fmt == "txt":
        assert response.content.decode().strip() == letter.letter["text"].strip()


def test_deleting_a_cover_letter(client, letter):
    response = client.post(reverse("resumes:cover_letter_delete", args=[letter.pk]))

    assert response["Location"] == reverse("resumes:cover_letters")
    assert not CoverLetter.objects.exists()


# --- Access --------------------------------------------------------------------------------


def _object_urls(resume, analysis, enhancement, letter) -> list[tuple[str, str]]:
    return [
        ("get", reverse("resumes:detail", args=[resume.pk])),
        ("get", reverse("resumes:download", args=[resume.pk])),
        ("post", reverse("resumes:delete", args=[resume.pk])),
        ("get", reverse("resumes:analyse", args=[resume.pk])),
        ("post", reverse("resumes:analyse", args=[resume.pk])),
        ("get", reverse("resumes:enhance", args=[resume.pk])),
        ("post", reverse("resumes:enhance", args=[resume.pk])),
        ("get", reverse("resumes:analysis", args=[analysis.pk])),
        ("get", reverse("resumes:analysis_status", args=[analysis.pk])),
        ("post", reverse("resumes:analysis_retry", args=[analysis.pk])),
        ("post", reverse("resumes:analysis_delete", args=[analysis.pk])),
        ("get", reverse("resumes:analysis_export", args=[analysis.pk, "json"])),
        ("get", reverse("resumes:enhancement", args=[enhancement.pk])),
        ("post", reverse("resumes:enhancement", args=[enhancement.pk])),
        ("get", reverse("resumes:enhancement_download", args=[enhancement.pk])),
        ("get", reverse("resumes:cover_letter", args=[letter.pk])),
        ("get", reverse("resumes:cover_letter_download", args=[letter.pk, "txt"])),
        ("post", reverse("resumes:cover_letter_delete", args=[letter.pk])),
    ]


def test_an_outsider_gets_404_on_every_object_page(client, resume, completed, enhancement, letter):
    urls = _object_urls(resume, completed, enhancement, letter)
    client.force_login(CandidateFactory())

    for method, url in urls:
        assert getattr(client, method)(url).status_code == 404, url
    assert Resume.objects.filter(pk=resume.pk).exists()
    assert CoverLetter.objects.filter(pk=letter.pk).exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, resume, completed, enhancement, letter):
    urls = _object_urls(resume, completed, enhancement, letter)
    urls += [("get", reverse(name)) for name in ("resumes:list", "resumes:templates")]
    urls += [("get", reverse("resumes:cover_letters"))]
    client.logout()

    for method, url in urls:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login")), url


def test_recruiters_use_the_pages_for_their_own_resumes(client, user_of_role):
    recruiter = user_of_role("recruiter")
    client.force_login(recruiter)
    mine = ResumeFactory(owner=recruiter, name="recruiter-cv.txt")

    assert "recruiter-cv.txt" in _page(client.get(reverse("resumes:list")))
    assert _page(client.get(reverse("resumes:detail", args=[mine.pk])))


# --- Markup rules --------------------------------------------------------------------------


def test_pages_have_no_inline_script_or_style_and_their_assets_exist(
    client, resume, completed, enhancement, letter
):
    running = AnalysisFactory(resume=resume, status=AnalysisStatus.PARSING, progress=30)
    pages = [
        reverse("resumes:list"),
        reverse("resumes:detail", args=[resume.pk]),
        reverse("resumes:analyse", args=[resume.pk]),
        reverse("resumes:enhance", args=[resume.pk]),
        reverse("resumes:analysis", args=[completed.pk]),
        reverse("resumes:analysis", args=[running.pk]),
        reverse("resumes:enhancement", args=[enhancement.pk]),
        reverse("resumes:templates"),
        reverse("resumes:cover_letters"),
        reverse("resumes:cover_letter", args=[letter.pk]),
        reverse("accounts:candidate_portal"),
    ]
    for url in pages:
        page = _page(client.get(url))
        scripts = re.findall(r"<script\b[^>]*>", page)
        assert scripts and all(" src=" in tag for tag in scripts), url
        assert "style=" not in page and "<style" not in page, url
        assert not re.search(r"\son[a-z]+=", page), url  # no inline event handlers
        assert not re.search(r'(?:href|src)="(?:https?:)?//', page.split("<main")[0]), url
        for path in re.findall(r'(?:href|src)="/static/([^"#]+)', page):
            assert finders.find(path), f"missing static file {path}"


def test_the_portal_links_to_resumes_and_cover_letters(client, owner):
    page = _page(client.get(reverse("accounts:candidate_portal")))

    assert f'href="{reverse("resumes:list")}"' in page
    assert f'href="{reverse("resumes:cover_letters")}"' in page
