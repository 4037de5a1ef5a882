import re
from datetime import date

import pytest

from ai.llm import AIResult
from resumes.analysis import JobTarget
from resumes.enhancement import apply, suggest
from resumes.errors import SuggestionMismatch

TODAY = date(2025, 6, 1)

DASH = "\u2013"
BULLETS = [
    "Responsible for maintaining the billing service",
    "The deployment pipeline was rebuilt by me to use Docker and it shortened releases",
    "Cut API latency by 40% by adding Redis caching to Django views",
    "I worked with the data team on reports, dashboards and a lot of other things that needed "
    "attention across the whole company every single week of the year, including the quarterly "
    "board reviews",
]
LINES = [
    "Jane Doe",
    "jane.doe@example,com | linkedin.com/company/acme-analytics",
    "London",
    "",
    "EXPERIENCE",
    f"Backend Engineer, Acme Analytics    Jan 2019 {DASH} Present",
    *(f"\u2022 {bullet}" for bullet in BULLETS),
    f"Junior Developer, Beta Ltd    03/2017 {DASH} 12/2018",
    "\u2022 Built internal tools in Python for 12 analysts",
    f"Intern, Gamma Labs    Feb 2016 {DASH} Dec 2016",
    "",
    "EDUCATION",
    f"BSc Computer Science, University of Leeds    2013 {DASH} 2016",
    "",
    "SKILLS",
    "Python, Django, Docker, Redis, PostgreSQL",
]
RESUME = "\n".join(LINES) + "\n"

PROFILE = {
    "personal_info": {
        "name": "Jane Doe",
        "email": None,
        "phone": None,
        "location": "London",
        "links": {"linkedin": None, "github": None, "stackoverflow": None, "website": None},
    },
    "summary": None,
    "skills": {
        "languages": ["Python"],
        "frameworks": ["Django"],
        "databases": ["PostgreSQL", "Redis"],
        "devops": ["Docker"],
    },
    "experience": [
        {
            "title": "Backend Engineer",
            "company": "Acme Analytics",
            "location": None,
            "start": "2019-01",
            "end": None,
            "current": True,
            "months": 77,
            "bullets": BULLETS,
        },
        {
            "title": "Junior Developer",
            "company": "Beta Ltd",
            "location": None,
            "start": "2017-03",
            "end": "2018-12",
            "current": False,
            "months": 22,
            "bullets": ["Built internal tools in Python for 12 analysts"],
        },
    ],
    "total_experience_years": 8.2,
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
    "sections": ["contact", "experience", "education", "skills"],
}

JOB = JobTarget(
    title="Platform Engineer",
    company="Initech",
    description="We need Python, Kubernetes and Terraform to run our platform.",
    required_skills=("Python", "Kubernetes", "Terraform"),
    preferred_skills=(),
    experience_level="mid",
)


@pytest.fixture(autouse=True)
def _local_engine(settings):
    settings.GEMINI_API_KEY = ""


def by_line(suggestions):
    return {item["line"]: item for item in suggestions if item["line"] is not None}


def of_kind(suggestions, kind):
    return [item for item in suggestions if item["kind"] == kind]


def test_bullet_suggestions_point_at_the_exact_line_with_every_issue():
    lines = by_line(suggest(RESUME, PROFILE, None, today=TODAY))

    assert lines[7]["original"] == BULLETS[0]
    assert lines[7]["kind"] == "weak_verb"
    assert set(lines[7]["issues"]) == {"weak_verb", "no_number"}
    assert lines[7]["severity"] == "high"
    assert "passive_voice" in lines[8]["issues"]
    assert {"personal_pronoun", "too_long", "weak_verb"} <= set(lines[10]["issues"])
    assert LINES[9].endswith(lines[10]["original"][-20:])
    # A strong, quantified bullet gets nothing.
    assert 9 not in lines and 12 not in lines


def test_bullet_rewrites_come_from_the_gateway_in_one_batch(monkeypatch):
    calls = []

    def fake_generate(task, facts):
        calls.append((task, facts))
        rewrites = [
            {"id": item["id"], "text": f"Rewritten {index}"}
            for index, item in enumerate(facts["bullets"])
        ]
        return AIResult(data={"rewrites": rewrites}, engine="gemini", model="gemini-2.5-flash")

    monkeypatch.setattr("resumes.enhancement.suggestions.generate", fake_generate)
    bullets = [
        item for item in suggest(RESUME, PROFILE, JOB, today=TODAY) if item["target"] == "bullet"
    ]

    assert len(calls) == 1
    task, facts = calls[0]
    assert task == "bullet_rewrites"
    assert [item["text"] for item in facts["bullets"]] == [BULLETS[0], BULLETS[1], BULLETS[3]]
    assert facts["bullets"][0]["issues"] == ["weak_verb", "no_number"]
    assert facts["role_title"] == "Platform Engineer"
    assert facts["keywords"] == ["Python"]  # the job's skills the candidate has
    assert [item["proposed"] for item in bullets] == ["Rewritten 0", "Rewritten 1", "Rewritten 2"]
    assert {item["engine"] for item in bullets} == {"gemini"}


def test_local_rewrites_fix_the_bullet_without_inventing_a_number():
    weak = by_line(suggest(RESUME, PROFILE, None, today=TODAY))[7]

    assert not weak["proposed"].lower().startswith("responsible")
    outside_prompts = re.sub(r"\[[^\]]*\]", "", weak["proposed"])
    assert not re.search(r"\d", outside_prompts)


def test_missing_summary_is_drafted_from_the_profile_facts_only():
    [summary] = [
        item
        for item in of_kind(suggest(RESUME, PROFILE, None, today=TODAY), "missing_section")
        if item["section"] == "summary"
    ]

    assert summary["proposed"].startswith("Backend Engineer with 8.2 years of experience")
    assert "Python" in summary["proposed"] and "Django" in summary["proposed"]
    assert re.findall(r"\d+(?:\.\d+)?", summary["proposed"]) == ["8.2"]


def test_present_sections_are_not_reported_missing():
    missing = {
        item["section"]
        for item in of_kind(suggest(RESUME, PROFILE, None, today=TODAY), "missing_section")
    }

    assert missing == {"summary"}


def test_job_skills_absent_from_the_resume_are_listed_once_with_where_to_add_them():
    [keywords] = of_kind(suggest(RESUME, PROFILE, JOB, today=TODAY), "missing_keywords")

    assert "Kubernetes" in keywords["proposed"] and "Terraform" in keywords["proposed"]
    assert "Python" not in keywords["proposed"]
    assert keywords["line"] == 18 and keywords["original"] == "SKILLS"
    assert "line 18" in keywords["reason"]
    assert not of_kind(suggest(RESUME, PROFILE, None, today=TODAY), "missing_keywords")


def test_a_date_in_another_format_is_rewritten_in_the_resume_format():
    dates = by_line(of_kind(suggest(RESUME, PROFILE, None, today=TODAY), "inconsistent_dates"))

    assert set(dates) == {11}
    assert dates[11]["proposed"] == f"Junior Developer, Beta Ltd    Mar 2017 {DASH} Dec 2018"


def test_reversed_and_future_dates_are_flagged():
    text = RESUME.replace(f"Feb 2016 {DASH} Dec 2016", f"Dec 2016 {DASH} Feb 2016").replace(
        f"Jan 2019 {DASH} Present", f"Jan 2019 {DASH} Dec 2026"
    )
    dates = by_line(of_kind(suggest(text, PROFILE, None, today=TODAY), "inconsistent_dates"))

    assert dates[13]["proposed"].endswith(f"Feb 2016 {DASH} Dec 2016")
    assert dates[13]["severity"] == "high"
    assert dates[6]["proposed"].endswith(f"Jan 2019 {DASH} Present")
    assert "future" in dates[6]["reason"]


def test_contact_problems_are_reported_with_a_fix():
    contact = {
        item["target"]: item
        for item in of_kind(suggest(RESUME, PROFILE, None, today=TODAY), "contact")
    }

    assert contact["email"]["line"] == 2
    assert contact["email"]["proposed"].startswith("jane.doe@example.com |")
    assert contact["phone"]["line"] is None
    assert contact["linkedin"]["line"] == 2
    assert "linkedin.com/in/" in contact["linkedin"]["proposed"]


def test_a_complete_contact_block_gets_no_contact_suggestion():
    text = RESUME.replace(
        "jane.doe@example,com | linkedin.com/company/acme-analytics",
        "jane.doe@example.com | +44 20 7946 0000 | linkedin.com/in/jane-doe",
    )
    profile = {
        **PROFILE,
        "personal_info": {
            **PROFILE["personal_info"],
            "email": "jane.doe@example.com",
            "phone": "+44 20 7946 0000",
        },
    }

    assert not of_kind(suggest(text, profile, None, today=TODAY), "contact")


def test_the_same_resume_always_gets_the_same_ids():
    first = suggest(RESUME, PROFILE, JOB, today=TODAY)
    second = suggest(RESUME, PROFILE, JOB, today=TODAY)

    assert [item["id"] for item in first] == [item["id"] for item in second]
    assert len({item["id"] for item in first}) == len(first)


def test_apply_uses_accepted_rewrites_and_leaves_rejected_lines_alone():
    suggestions = suggest(RESUME, PROFILE, JOB, today=TODAY)
    lines = by_line(suggestions)
    summary = next(item for item in suggestions if item["section"] == "summary")

    document = apply(RESUME, PROFILE, suggestions, [lines[7]["id"], summary["id"]])

    bullets = document["experience"][0]["bullets"]
    assert bullets[0] == re.sub(r"\s*\[[^\]]*\]", "", lines[7]["proposed"])
    assert bullets[1:] == BULLETS[1:]
    assert document["summary"] == summary["proposed"]
    assert document["name"] == "Jane Doe"
    assert document["education"] == PROFILE["education"]


def test_apply_with_nothing_accepted_returns_the_profile_as_parsed():
    suggestions = suggest(RESUME, PROFILE, JOB, today=TODAY)

    document = apply(RESUME, PROFILE, suggestions, [])

    assert document["experience"] == PROFILE["experience"]
    assert document["headline"] == "Backend Engineer"
    assert document["summary"] is None
    assert document["skills"] == PROFILE["skills"]


def test_apply_takes_the_persons_own_wording_and_fixes_contact_and_keywords():
    suggestions = suggest(RESUME, PROFILE, JOB, today=TODAY)
    lines = by_line(suggestions)
    email = next(item for item in suggestions if item["target"] == "email")
    keywords = next(item for item in suggestions if item["kind"] == "missing_keywords")
    own = "Maintained the billing service for 3,000 customers"

    document = apply(
        RESUME,
        PROFILE,
        suggestions,
        [lines[7]["id"], email["id"], keywords["id"]],
        edits={lines[7]["id"]: own},
    )

    assert document["experience"][0]["bullets"][0] == own
    assert document["contact"]["email"] == "jane.doe@example.com"
    assert "Kubernetes" in document["skills"]["devops"]


def test_bullet_markers_kept_by_the_parser_are_not_doubled_in_the_document():
    job = {**PROFILE["experience"][1], "bullets": ["\u2022 Built internal tools in Python"]}
    profile = {**PROFILE, "experience": [job]}

    document = apply(RESUME, profile, [], [])

    assert document["experience"][0]["bullets"] == ["Built internal tools in Python"]


def test_apply_rejects_unknown_ids():
    suggestions = suggest(RESUME, PROFILE, None, today=TODAY)

    with pytest.raises(ValueError, match="not-a-suggestion"):
        apply(RESUME, PROFILE, suggestions, ["not-a-suggestion"])


def test_apply_refuses_suggestions_made_for_another_version_of_the_text():
    suggestions = suggest(RESUME, PROFILE, None, today=TODAY)
    weak = by_line(suggestions)[7]
    edited = RESUME.replace(BULLETS[0], "Owned the billing service")

    with pytest.raises(ValueError, match="line 7"):
        apply(edited, PROFILE, suggestions, [weak["id"]])


def test_bullets_without_markers_and_wrapped_bullets_are_found_at_their_first_line():
    text = RESUME.replace("\u2022 ", "").replace(
        "Responsible for maintaining the billing service",
        "Responsible for maintaining the\nbilling service",
    )

    lines = by_line(suggest(text, PROFILE, None, today=TODAY))

    assert lines[7]["original"] == BULLETS[0]
    assert lines[9]["target"] == "bullet" and lines[9]["original"] == BULLETS[1]


def test_accepted_date_fixes_put_the_role_dates_right():
    text = RESUME.replace(f"03/2017 {DASH} 12/2018", f"12/2018 {DASH} 03/2017")
    reversed_job = {**PROFILE["experience"][1], "start": "2018-12", "end": "2017-03"}
    profile = {**PROFILE, "experience": [PROFILE["experience"][0], reversed_job]}
    suggestions = suggest(text, profile, None, today=TODAY)

    document = apply(text, profile, suggestions, [by_line(suggestions)[11]["id"]])

    assert (document["experience"][1]["start"], document["experience"][1]["end"]) == (
        "2017-03",
        "2018-12",
    )


def test_a_mismatch_is_a_400_for_the_api():
    with pytest.raises(SuggestionMismatch) as raised:
        apply(RESUME, PROFILE, [], ["missing"])

    assert raised.value.status_code == 400
