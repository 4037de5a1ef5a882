import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ai.similarity import backend_name
from resumes.analysis import analyse_resume, job_target_from_description, review
from resumes.analysis.evidence import resume_evidence
from resumes.analysis.review import review_score
from resumes.analysis.section_scores import section_scores
from resumes.parsing import parse_resume
from tests.resumes.analysis_samples import (
    CLEAN_TEXT,
    JOB_DESCRIPTION,
    clean_profile,
    swap_identity,
    with_bullets,
)
from tests.resumes.generated import SAMPLE_AS_OF, resume_text, resume_variant
from tests.work import python_calls

BASE_KEYS = {
    "ats_score",
    "section_scores",
    "strengths",
    "weaknesses",
    "recommendations",
    "profile",
    "review",
    "engine",
}
JOB_KEYS = {
    "job",
    "similarity",
    "skill_match_analysis",
    "skill_gap_recommendations",
    "overall_assessment",
    "estimated_preparation_time",
    "estimated_preparation_hours",
}
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _local_engine(settings):
    settings.GEMINI_API_KEY = ""


@pytest.fixture
def job():
    return job_target_from_description(JOB_DESCRIPTION)


def without_profile(result: dict) -> dict:
    """The result without the profile (which holds the name by design)."""
    return {key: value for key, value in result.items() if key != "profile"}


# --- shape -----------------------------------------------------------------------------------


def test_an_analysis_without_a_job_has_scores_insights_and_a_review():
    result = analyse_resume(CLEAN_TEXT, clean_profile(), None)

    assert set(result) == BASE_KEYS
    assert result["profile"] == clean_profile()
    assert result["review"]["score"] == result["ats_score"]["overall"] / 10
    assert result["review"]["summary"] and result["review"]["pros"] and result["review"]["cons"]
    local = {"engine": "local", "model": None, "fallback_reason": None}
    assert result["engine"] == {**local, "tasks": {"resume_review": local}}


def test_an_analysis_with_a_job_adds_match_gaps_similarity_and_preparation(job):
    result = analyse_resume(CLEAN_TEXT, clean_profile(), job)

    assert set(result) == BASE_KEYS | JOB_KEYS
    assert result["job"] == {"title": "Senior Backend Engineer", "company": "Finch Labs"}
    assert result["similarity"]["backend"] == backend_name()
    assert 0 < result["similarity"]["score"] <= 1
    match = result["skill_match_analysis"]
    assert match["missing_required_skills"] == ["Kubernetes", "AWS"]
    assert match["match_percentage"] == 71.4
    gaps = [item["skill_gap"]["skill_name"] for item in result["skill_gap_recommendations"]]
    assert gaps == ["Kubernetes", "AWS", "Terraform", "Apache Kafka", "GraphQL"]
    assert result["overall_assessment"]
    hours = result["estimated_preparation_hours"]
    assert hours > 0
    assert f"({hours} hours at 15 hours a week)" in result["estimated_preparation_time"]


def test_the_review_score_blends_ats_score_and_match_with_a_job(job):
    result = analyse_resume(CLEAN_TEXT, clean_profile(), job)

    ats = result["ats_score"]["overall"]
    match = result["skill_match_analysis"]["match_percentage"]
    assert result["review"]["score"] == round((0.6 * ats + 0.4 * match) / 10, 1)


@pytest.mark.parametrize(
    ("ats", "match", "score"),
    [(85, None, 8.5), (100, None, 10.0), (0, None, 0.0), (88, 71.4, 8.1), (60, 100.0, 7.6)],
)
def test_review_score_is_computed_not_written(ats, match, score):
    given = None if match is None else {"match_percentage": match}

    assert review_score(ats, given) == score


def test_a_job_without_skills_leaves_the_review_score_to_the_ats_score():
    blank = job_target_from_description("A friendly place to work. Come and talk to us.")

    result = analyse_resume(CLEAN_TEXT, clean_profile(), blank)

    assert result["review"]["score"] == result["ats_score"]["overall"] / 10


# --- insights --------------------------------------------------------------------------------


def test_recommendations_say_what_to_fix_biggest_gain_first():
    profile = with_bullets(
        clean_profile(),
        "Cut p95 latency of 12 payment APIs by 35%.",
        "Built the billing service.",
        "Moved invoices to a queue.",
        "Added alerts for failed payouts.",
        "Rewrote the ledger export.",
        "Shipped the refunds screen.",
    )

    result = analyse_resume(CLEAN_TEXT, profile, None)

    assert result["weaknesses"][0] == "5 of 6 experience bullets have no number."
    assert result["recommendations"][0] == (
        "Add a number to 5 experience bullets (e.g. users, %, time saved)."
    )


def test_a_candidate_with_fewer_years_than_the_level_hears_it(job):
    profile = clean_profile()
    profile["total_experience_years"] = 2.5

    result = analyse_resume(CLEAN_TEXT, profile, job)

    assert result["weaknesses"][0] == (
        "The role is senior-level (usually 5+ years); the resume shows 2.5 years of experience."
    )


def test_enough_years_for_the_level_raise_no_such_weakness(job):
    result = analyse_resume(CLEAN_TEXT, clean_profile(), job)

    assert not any("-level" in item for item in result["weaknesses"])


def test_a_strong_resume_lists_strengths_and_no_weaknesses():
    result = analyse_resume(CLEAN_TEXT, clean_profile(), None)

    assert "Clean formatting that ATS software reads without trouble." in result["strengths"]
    assert result["weaknesses"] == []
    assert result["recommendations"] == []


# --- section scores --------------------------------------------------------------------------


def sections_of(profile: dict, text: str = CLEAN_TEXT) -> dict:
    return section_scores(resume_evidence(text, profile))


def test_a_complete_resume_scores_full_marks_in_every_section():
    assert sections_of(clean_profile()) == {
        "contact": 100,
        "summary": 100,
        "experience": 100,
        "education": 100,
        "skills": 100,
    }


@pytest.mark.parametrize(
    ("section", "change", "expected"),
    [
        ("contact", lambda p: p["personal_info"].update(phone=None), 75),
        ("contact", lambda p: p["personal_info"].update(email=None, location=None), 50),
        ("contact", lambda p: p.update(personal_info={}), 0),
        ("summary", lambda p: p.update(summary=None), 0),
        ("summary", lambda p: p.update(summary="I build Python services for banks."), 55),
        ("experience", lambda p: p.update(experience=[]), 0),
        ("experience", lambda p: p["experience"][1].update(start=None), 90),
        ("education", lambda p: p.update(education=[]), 0),
        ("education", lambda p: p["education"][0].update(degree=None), 80),
        ("skills", lambda p: p.update(skills={}), 0),
        ("skills", lambda p: p.update(skills={"languages": ["Python", "Go"]}), 18),
    ],
)
def test_each_section_score_follows_its_rules(section, change, expected):
    profile = clean_profile()
    change(profile)

    assert sections_of(profile)[section] == expected


# --- privacy, determinism, fairness ----------------------------------------------------------


def test_the_review_model_never_sees_personal_information(monkeypatch, job):
    sent = []
    real = review.generate
    monkeypatch.setattr(
        review, "generate", lambda task, facts: sent.append(facts) or real(task, facts)
    )
    profile = clean_profile()
    profile["summary"] = "James Smith builds payment APIs; reach him at james.smith@example.com."

    analyse_resume(CLEAN_TEXT, profile, job)

    facts = json.dumps(sent)
    assert "personal_info" not in sent[0]["profile"]
    for secret in ("James", "Smith", "james.smith@example.com", "7946", "linkedin.com"):
        assert secret not in facts


def test_a_name_that_is_also_a_skill_neither_adds_nor_erases_skills():
    text = CLEAN_TEXT.replace("James Smith", "Jasmine Perl") + "- Wrote Perl scripts for 3 banks.\n"
    profile = clean_profile()
    profile["personal_info"]["name"] = "Jasmine Perl"

    skills = resume_evidence(text, profile).skills

    assert "Perl" in skills
    assert "Jasmine" not in skills


def test_the_same_input_gives_the_identical_result(job):
    first = analyse_resume(CLEAN_TEXT, clean_profile(), job)
    second = analyse_resume(CLEAN_TEXT, clean_profile(), job)

    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


SCRIPT = """
import json, django
django.setup()
from resumes.analysis import analyse_resume, job_target_from_description
from tests.resumes.analysis_samples import CLEAN_TEXT, JOB_DESCRIPTION, clean_profile
job = job_target_from_description(JOB_DESCRIPTION)
print(json.dumps(analyse_resume(CLEAN_TEXT, clean_profile(), job), sort_keys=True))
"""


def test_the_result_does_not_depend_on_the_process_hash_seed():
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "DJANGO_SETTINGS_MODULE": "config.settings"}
        env["GEMINI_API_KEY"] = ""
        completed = subprocess.run(  # noqa: S603 - this interpreter running a fixed script
            [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, check=True
        )
        outputs.add(completed.stdout)

    assert len(outputs) == 1


@pytest.mark.parametrize(
    ("name", "she"),
    [("Aisha Okafor", True), ("Wei Zhang", False), ("Jasmine Perl", True), ("Go Nakamura", False)],
)
@pytest.mark.parametrize("with_job", [True, False])
def test_name_and_gender_change_nothing_but_the_profile(name, she, with_job, job):
    target = job if with_job else None
    text, profile = swap_identity(CLEAN_TEXT, clean_profile(), name=name, she=she)

    original = analyse_resume(CLEAN_TEXT, clean_profile(), target)
    swapped = analyse_resume(text, profile, target)

    assert swapped["ats_score"] == original["ats_score"]
    assert swapped["section_scores"] == original["section_scores"]
    assert swapped["review"]["score"] == original["review"]["score"]
    assert swapped.get("skill_match_analysis") == original.get("skill_match_analysis")
    assert without_profile(swapped) == without_profile(original)


def test_a_parsed_resume_scores_the_same_under_another_name_and_gender(job):
    ada = resume_text("Ada Lovelace", email="ada.lovelace@example.com", possessive="her")
    alan = resume_text("Alan Turing", email="alan.turing@example.com", possessive="his")

    results = [
        analyse_resume(text, parse_resume(text, as_of=SAMPLE_AS_OF), job) for text in (ada, alan)
    ]

    assert results[0]["ats_score"] == results[1]["ats_score"]
    assert results[0]["section_scores"] == results[1]["section_scores"]
    assert results[0]["review"]["score"] == results[1]["review"]["score"]
    assert results[0]["skill_match_analysis"] == results[1]["skill_match_analysis"]


# --- speed -----------------------------------------------------------------------------------


def _analysis_calls(text: str, profile: dict, job) -> int:
    return python_calls(analyse_resume, text, copy.deepcopy(profile), job)


def test_an_analysis_with_a_job_does_work_in_proportion_to_the_resume(job):
    """Counted, not timed (its speed, about 30 ms, is measured by `make bench`): once the
    caches are warm the same analysis costs the same work every time, and a resume twice as
    long costs at most about twice as much."""
    profile = clean_profile()
    analyse_resume(CLEAN_TEXT, copy.deepcopy(profile), job)  # warm the caches
    assert _analysis_calls(CLEAN_TEXT, profile, job) == _analysis_calls(CLEAN_TEXT, profile, job)
    work = []
    for count in (2, 4):
        text = "\n\n".join(resume_variant(index) for index in range(count))
        longer = parse_resume(text, as_of=SAMPLE_AS_OF)
        analyse_resume(text, copy.deepcopy(longer), job)
        work.append(_analysis_calls(text, longer, job))
    assert work[1] <= 2.2 * work[0]
