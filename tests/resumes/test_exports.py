import csv
import ctypes
import io
import json
from datetime import UTC, datetime

import docx
import pypdfium2
import pypdfium2.raw as pdfium_raw
import pytest

from resumes.exports import export_analysis, key_title, section_title

ANALYSIS_ID = "3f2b9c1d-8e7a-4b6c-9d0e-1f2a3b4c5d6e"

RESULT = {
    "ats_score": {
        "overall": 73,
        "breakdown": {
            "formatting": 90,
            "keywords": 55,
            "sections": 80,
            "readability": 70,
            "impact": 64,
        },
        "weights": {
            "formatting": 0.15,
            "keywords": 0.3,
            "sections": 0.2,
            "readability": 0.15,
            "impact": 0.2,
        },
        "deductions": [
            {
                "category": "impact",
                "rule": "bullets_without_numbers",
                "points": 12,
                "detail": "4 of 7 bullets state no measurable result.",
            }
        ],
    },
    "section_scores": {
        "contact": 100,
        "summary": 60,
        "experience": 75,
        "education": 80,
        "skills": 70,
    },
    "strengths": [
        "Clear, consistent formatting that parses cleanly.",
        '=HYPERLINK("http://evil.example","click")',
    ],
    "weaknesses": ['Few quantified achievements, in 2 of 7 bullets; "impact" is hard to see'],
    "recommendations": [
        "Add numbers to your bullets:\nusers, time saved, money.",
        "+1 more idea",
        "-5 points is too many",
        "@SUM(A1)",
    ],
    "profile": {
        "personal_info": {
            "name": "Jane Doe",
            "email": "jane@example.com",
            "phone": None,
            "location": "London",
            "links": {"linkedin": "https://www.linkedin.com/in/jane-doe", "github": None},
        },
        "summary": None,
        "skills": {"languages": ["Python", "SQL"], "frameworks": ["Django"]},
        "experience": [
            {
                "title": "Backend Engineer",
                "company": "Acme Analytics",
                "location": None,
                "start": "2019-01",
                "end": None,
                "current": True,
                "months": 77,
                "bullets": ["Cut API latency by 40%"],
            }
        ],
        "total_experience_years": 6.4,
        "education": [
            {
                "degree": "BSc",
                "field": "Computer Science",
                "institution": "University of Leeds",
                "start": "2013",
                "end": "2016",
                "grade": None,
            }
        ],
        "certifications": [],
        "languages": [],
        "sections": ["experience", "education", "skills"],
    },
    "review": {
        "score": 7.1,
        "summary": "A solid backend resume.",
        "pros": ["Strong skills"],
        "cons": ["Few numbers"],
    },
    "engine": {"engine": "local", "model": None, "fallback_reason": None},
    "job": {"title": "Platform Engineer", "company": "Initech"},
    "similarity": {"score": 0.4312, "backend": "tfidf"},
    "skill_match_analysis": {
        "total_required_skills": 3,
        "matched_skills": ["Python"],
        "missing_required_skills": ["Kubernetes", "Terraform"],
        "missing_preferred_skills": [],
        "match_percentage": 33.3,
        "strengths": ["Python matches the role."],
        "areas_for_improvement": ["Learn Kubernetes and Terraform."],
    },
    "skill_gap_recommendations": [
        {
            "skill_gap": {
                "skill_name": "Kubernetes",
                "priority": "required",
                "category": "devops",
                "impact": "Needed to run the platform.",
            },
            "recommended_projects": [
                {
                    "title": "Deploy a Django app to Kubernetes",
                    "description": "...",
                    "skills_covered": ["Kubernetes"],
                    "difficulty": "intermediate",
                    "estimated_hours": 20,
                    "key_features": [],
                    "learning_outcomes": [],
                }
            ],
            "learning_resources": [
                {
                    "title": "Kubernetes docs",
                    "url": "https://kubernetes.io/docs/",
                    "kind": "docs",
                    "free": True,
                }
            ],
            "learning_path": "Start with Pods, then Deployments.",
        }
    ],
    "overall_assessment": "A partial fit: strong Python, missing the platform tools.",
    "estimated_preparation_time": "about 3 weeks (40 hours at 15 hours a week)",
    "estimated_preparation_hours": 40,
}


def rows_of(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8"))))


def cell(rows, section, key) -> str:
    """The VALUE of the row written for result part `section` and key `key`."""
    wanted = [section_title(section), key_title(key)]
    return next(row[2] for row in rows if row[:2] == wanted)


@pytest.mark.parametrize(
    ("fmt", "content_type"),
    [
        ("json", "application/json"),
        ("csv", "text/csv; charset=utf-8"),
        ("pdf", "application/pdf"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ],
)
def test_each_format_has_its_content_type_and_a_file_name_from_the_id(fmt, content_type):
    content, served_as, filename = export_analysis(RESULT, analysis_id=ANALYSIS_ID, fmt=fmt)

    assert content
    assert served_as == content_type
    assert filename == f"resume_analysis_3f2b9c1d.{fmt}"


def test_json_is_the_result_plus_id_and_export_time_when_given():
    moment = datetime(2025, 6, 1, 9, 30, tzinfo=UTC)
    content, _, _ = export_analysis(RESULT, analysis_id=ANALYSIS_ID, fmt="json", exported_at=moment)
    plain, _, _ = export_analysis(RESULT, fmt="json")

    data = json.loads(content)
    assert data == {"analysis_id": ANALYSIS_ID, "exported_at": "2025-06-01T09:30:00Z", **RESULT}
    assert json.loads(plain) == RESULT
    assert export_analysis(RESULT, fmt="json") == export_analysis(RESULT, fmt="json")


def test_csv_has_a_row_for_every_part_of_the_result():
    rows = rows_of(export_analysis(RESULT, analysis_id=ANALYSIS_ID, fmt="csv")[0])

    assert rows[0] == ["SECTION", "KEY", "VALUE"]
    assert all(len(row) == 3 for row in rows)
    assert cell(rows, "personal_info", "name") == "Jane Doe"
    assert rows[1] == ["PERSONAL INFORMATION", "Name", "Jane Doe"]
    assert cell(rows, "personal_info", "LinkedIn") == "https://www.linkedin.com/in/jane-doe"
    assert cell(rows, "ats_score", "overall") == "73"
    assert cell(rows, "ats_breakdown", "keywords") == "55"
    assert cell(rows, "ats_weight", "keywords") == "0.3"
    assert cell(rows, "ats_deduction", "impact.bullets_without_numbers").startswith("12 points")
    assert cell(rows, "section_scores", "summary") == "60"
    assert cell(rows, "skills", "Languages") == "Python; SQL"
    assert cell(rows, "experience", "1").startswith("Backend Engineer | Acme Analytics")
    assert cell(rows, "experience_bullet", "1") == "Cut API latency by 40%"
    assert "University of Leeds" in cell(rows, "education", "1")
    assert cell(rows, "strengths", "1") == RESULT["strengths"][0]
    assert cell(rows, "review", "score") == "7.1"
    assert cell(rows, "review_con", "1") == "Few numbers"
    assert cell(rows, "skill_match", "match_percentage") == "33.3"
    assert cell(rows, "skill_match", "missing_required_skills") == "Kubernetes; Terraform"
    assert cell(rows, "skill_gap", "Kubernetes").startswith("required | devops")
    assert "20 hours" in cell(rows, "skill_gap_project", "Kubernetes")
    assert cell(rows, "assessment", "estimated_preparation_time").startswith("about 3 weeks")


def test_csv_keeps_phone_numbers_as_written():
    result = {"profile": {"personal_info": {"phone": "+44 20 7946 0958"}}}
    rows = rows_of(export_analysis(result, fmt="csv")[0])
    assert cell(rows, "personal_info", "phone") == "+44 20 7946 0958"


def test_csv_round_trips_commas_quotes_and_newlines():
    rows = rows_of(export_analysis(RESULT, fmt="csv")[0])

    assert cell(rows, "weaknesses", "1") == RESULT["weaknesses"][0]
    assert cell(rows, "recommendations", "1") == RESULT["recommendations"][0]


def test_csv_neutralises_spreadsheet_formulas():
    rows = rows_of(export_analysis(RESULT, fmt="csv")[0])

    assert cell(rows, "strengths", "2") == "'" + RESULT["strengths"][1]
    assert [cell(rows, "recommendations", str(n)) for n in (2, 3, 4)] == [
        "'+1 more idea",
        "'-5 points is too many",
        "'@SUM(A1)",
    ]


def test_csv_without_a_job_has_no_match_or_gap_rows():
    without_job = {
        key: value
        for key, value in RESULT.items()
        if key
        not in (
            "job",
            "similarity",
            "skill_match_analysis",
            "skill_gap_recommendations",
            "overall_assessment",
            "estimated_preparation_time",
        )
    }

    sections = {row[0] for row in rows_of(export_analysis(without_job, fmt="csv")[0])}

    assert "SKILL MATCH" not in sections and "SKILL GAP" not in sections
    assert {"ATS SCORE", "STRENGTHS", "REVIEW"} <= sections


def test_pdf_report_shows_the_score_breakdown_and_findings():
    content, _, _ = export_analysis(RESULT, analysis_id=ANALYSIS_ID, fmt="pdf")

    document = pypdfium2.PdfDocument(content)
    text = " ".join(" ".join(page.get_textpage().get_text_range() for page in document).split())
    document.close()
    assert "73" in text and "ATS score" in text
    assert "Clear, consistent formatting that parses cleanly." in text
    assert "Keywords (30%)" in text
    assert "Deploy a Django app to Kubernetes" in text
    assert "33.3%" in text


def bar_widths(content: bytes, colour=(0x43, 0x38, 0xCA)) -> list[float]:
    """Widths of the filled shapes in the report's accent colour on page 1, top to bottom."""
    document = pypdfium2.PdfDocument(content)
    bars = []
    for shape in document[0].get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_PATH]):
        channels = [ctypes.c_uint() for _ in range(4)]
        pdfium_raw.FPDFPageObj_GetFillColor(shape, *channels)
        if tuple(channel.value for channel in channels[:3]) == colour:
            left, _bottom, right, top = shape.get_bounds()
            bars.append((-top, right - left))
    document.close()
    return [width for _, width in sorted(bars)]


def test_pdf_report_draws_each_score_as_a_bar_of_its_length():
    content, _, _ = export_analysis(RESULT, analysis_id=ANALYSIS_ID, fmt="pdf")
    scores = [*RESULT["ats_score"]["breakdown"].values(), *RESULT["section_scores"].values()]

    widths = bar_widths(content)

    full = widths[len(RESULT["ats_score"]["breakdown"])]  # contact: 100, a full track
    assert [round(100 * width / full) for width in widths] == scores


def test_docx_report_holds_the_same_content():
    content, _, _ = export_analysis(RESULT, analysis_id=ANALYSIS_ID, fmt="docx")

    document = docx.Document(io.BytesIO(content))
    paragraphs = [p.text for p in document.paragraphs]
    assert "73/100" in paragraphs
    assert "Clear, consistent formatting that parses cleanly." in paragraphs
    assert "Strengths" in paragraphs and "Recommendations" in paragraphs
    breakdown = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert ["Keywords", "55/100", "30%"] in breakdown
    assert any("Kubernetes" in text for text in paragraphs)


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="json, csv, pdf, docx"):
        export_analysis(RESULT, analysis_id=ANALYSIS_ID, fmt="xlsx")
