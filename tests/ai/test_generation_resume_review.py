import re

from ai.generation import write_resume_review
from tests.ai.llm_samples import ats_score, profile, review_facts


def test_the_review_has_three_to_six_pros_and_cons():
    review = write_resume_review(review_facts())
    assert 3 <= len(review["pros"]) <= 6
    assert 3 <= len(review["cons"]) <= 6
    assert len(set(review["pros"])) == len(review["pros"])


def test_the_summary_names_the_strongest_areas_and_skills():
    summary = write_resume_review(review_facts())["summary"]
    assert "strongest areas are formatting and section structure" in summary
    assert "Languages (Go, Python and SQL)" in summary
    assert "covers 75% of the required skills" in summary
    assert "Measurable impact needs the most work" in summary


def test_cons_come_from_the_deductions_and_the_missing_skills():
    cons = write_resume_review(review_facts())["cons"]
    assert cons[0] == "Only 1 of 3 bullets includes a number"
    assert "Missing required skills for the Senior Backend Engineer role: Kubernetes" in cons


def test_pros_come_from_strong_areas_matched_skills_and_experience():
    pros = write_resume_review(review_facts())["pros"]
    assert "Clean, ATS-friendly formatting that parsers read without trouble" in pros
    assert (
        "Covers required skills for the Senior Backend Engineer role: Python, Django and "
        "PostgreSQL" in pros
    )
    assert "5.5 years of experience, most recently as Backend Developer" in pros


def test_the_review_never_names_the_candidate_or_a_gender():
    personal = {"name": "Maria Lopez", "email": "maria@example.com", "phone": None}
    facts = review_facts(profile=profile(personal_info=personal, summary="She leads teams."))
    review = write_resume_review(facts)
    text = " ".join([review["summary"], *review["pros"], *review["cons"]])
    assert "Maria" not in text and "Lopez" not in text
    assert not re.search(r"\b(he|she|him|her|his|hers)\b", text, re.IGNORECASE)


def test_the_review_does_not_depend_on_who_the_candidate_is():
    first = review_facts(profile=profile(personal_info={"name": "John Smith"}))
    second = review_facts(profile=profile(personal_info={"name": "Aisha Khan"}))
    assert write_resume_review(first) == write_resume_review(second)


def test_a_weak_sparse_resume_still_gets_three_points_each():
    weak = ats_score(formatting=50, keywords=40, sections=55, readability=60, impact=30)
    facts = {
        "profile": {},
        "ats_score": {**weak, "deductions": []},
        "skill_match": None,
        "job_title": None,
    }
    review = write_resume_review(facts)
    assert len(review["pros"]) >= 3 and len(review["cons"]) >= 3
    assert "no standout area yet" in review["summary"]
    assert review["cons"][0].startswith("Few bullets show results")
