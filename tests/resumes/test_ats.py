import copy

import pytest

from ai.skills import skills_by_category
from resumes.analysis import JobTarget, skill_match
from resumes.analysis.ats import WEIGHTS, ats_score
from resumes.analysis.evidence import resume_evidence
from tests.resumes.analysis_samples import CLEAN_TEXT, clean_profile, with_bullets

# Counted as the rules count: the name and contact details are one placeholder word each.
CLEAN_WORDS = resume_evidence(CLEAN_TEXT, clean_profile()).word_count


def score(text: str = CLEAN_TEXT, profile: dict | None = None, job: JobTarget | None = None):
    evidence = resume_evidence(text, profile if profile is not None else clean_profile())
    match = skill_match(evidence.skills, job) if job is not None else None
    result, _ = ats_score(evidence, job, match)
    return result


def rules(result: dict) -> set[str]:
    return {deduction["rule"] for deduction in result["deductions"]}


def job(required=(), preferred=()) -> JobTarget:
    return JobTarget("Backend Engineer", None, "text", tuple(required), tuple(preferred), None)


# --- mutations of the clean resume: (text, profile) → (text, profile) ----------------------


def contact(**changes):
    def mutate(text, profile):
        profile["personal_info"].update(changes)
        return text, profile

    return mutate


def appended(*lines):
    return lambda text, profile: (text + "\n".join(lines) + "\n", profile)


def of_words(count):
    return lambda text, profile: (" ".join(["resume"] * count), profile)


def padded_to(total):
    return appended(" ".join(["detail"] * (total - CLEAN_WORDS)))


def without_section(section, *, heading_detected=False):
    empty = {"summary": None, "experience": [], "education": [], "skills": {}}

    def mutate(text, profile):
        profile[section] = empty[section]
        if not heading_detected:
            profile["sections"].remove(section)
        return text, profile

    return mutate


def bullets(*lines):
    return lambda text, profile: (text, with_bullets(profile, *lines))


def summary(value):
    def mutate(text, profile):
        profile["summary"] = value
        return text, profile

    return mutate


def listed_skills(*names, text=None):
    def mutate(old_text, profile):
        profile["skills"] = skills_by_category(names)
        return (text if text is not None else old_text), profile

    return mutate


GOOD = "Cut p95 latency of 12 payment APIs by 35% with Redis caching."
LONG_BULLET = (
    "Rebuilt the settlement reporting service for 14 partner banks with careful batching and "
    "retries, so that finance staff in every country could close the monthly books 3 days "
    "sooner than they could before"
)  # 35 words: with the clean summary, sentences average 26.5 words
SHORT_BULLET = (
    "Rebuilt the settlement reporting service for 14 banks with careful batching so finance "
    "staff closed books 3 days sooner"
)  # 19 words: with the clean summary, sentences average 18.5 words

RULE_CASES = {
    # rule: (a change that makes it fire, a near miss that must not)
    "missing_email": (contact(email=None), contact(phone=None)),
    "missing_phone": (contact(phone=None), contact(email=None)),
    "long_lines": (appended("x" * 201), appended("x" * 200)),
    "too_short": (of_words(199), of_words(200)),
    "too_long": (padded_to(1201), padded_to(1200)),
    "tables": (
        appended("| Python | 6 years |", "| Django | 5 years |"),
        appended("| Python | 6 years |", "", "| Django | 5 years |"),
    ),
    "odd_characters": (appended("\uf0b7" * 40), appended("\u2022" * 40)),
    "inconsistent_dates": (
        appended("Freelance Developer, 06/2016 - 02/2018"),
        appended("Freelance Developer, Jun 2016 - Feb 2018"),
    ),
    "missing_experience": (
        without_section("experience"),
        without_section("experience", heading_detected=True),
    ),
    "missing_education": (
        without_section("education"),
        without_section("education", heading_detected=True),
    ),
    "missing_skills": (
        without_section("skills"),
        without_section("skills", heading_detected=True),
    ),
    "missing_summary": (
        without_section("summary"),
        without_section("summary", heading_detected=True),
    ),
    "few_skills": (
        listed_skills("Python", "Django", "Docker", text="Built APIs with Python."),
        listed_skills(
            *("Python", "Django", "Docker", "Redis", "Celery", "PostgreSQL", "Git", "REST"),
            *("Agile", "pytest"),
            text="Built APIs.",
        ),
    ),
    "narrow_skills": (
        listed_skills("Python", "Go", "Rust", "Java", "Kotlin", text="Wrote code."),
        listed_skills("Python", "Django", "PostgreSQL", "Go", "Rust", text="Wrote code."),
    ),
    "skills_without_context": (
        listed_skills("Python", "Django", "Kubernetes", "Terraform"),
        listed_skills("Python", "Django"),
    ),
    "long_sentences": (bullets(LONG_BULLET, LONG_BULLET), bullets(SHORT_BULLET, SHORT_BULLET)),
    "passive_voice": (
        bullets(GOOD, "Payments for 3 banks were processed by the new service."),
        bullets(GOOD, "Led 3 engineers who were experienced in payments."),
    ),
    "personal_pronouns": (
        summary("I build reliable Python services for payment products."),
        bullets(GOOD, "Built I/O schedulers for 3 storage services."),
    ),
    "repeated_words": (
        bullets(*[f"Scaled the platform to {n} regions." for n in (2, 3, 4, 5)]),
        bullets(*[f"Scaled the platform to {n} regions." for n in (2, 3, 4)]),
    ),
    "no_bullets": (bullets(), bullets(GOOD)),
    "nothing_to_read": (
        lambda text, profile: bullets()(*summary(None)(text, profile)),
        bullets(),
    ),
    "bullets_without_numbers": (
        bullets(GOOD, "Moved the billing service to Kubernetes in 2019."),
        bullets(GOOD, "Doubled billing throughput and mentored four engineers."),
    ),
    "weak_action_verbs": (
        bullets(GOOD, "Took part in 5 product launches."),
        bullets(GOOD, "Leads 5 engineers across 2 product launches."),
    ),
    "weak_phrases": (
        bullets(GOOD, "Led 3 launches and helped 2 groups ship faster."),
        bullets(GOOD, "Led 3 launches and coached 2 groups to ship faster."),
    ),
}


def test_the_clean_resume_loses_no_points():
    result = score()

    assert result["deductions"] == []
    assert result["overall"] == 100


@pytest.mark.parametrize("rule", sorted(RULE_CASES))
def test_each_rule_fires_on_its_problem_and_not_on_a_near_miss(rule):
    fires, near_miss = RULE_CASES[rule]

    assert rule in rules(score(*fires(CLEAN_TEXT, clean_profile())))
    assert rule not in rules(score(*near_miss(CLEAN_TEXT, clean_profile())))


def test_every_deduction_names_its_category_rule_points_and_detail():
    text, profile = appended("x" * 300)(CLEAN_TEXT, clean_profile())
    profile["personal_info"]["email"] = None

    found = score(text, profile)["deductions"]

    assert found == [
        {
            "category": "formatting",
            "rule": "missing_email",
            "points": 15,
            "detail": "No email address was found.",
            "advice": "Add an email address at the top of the resume.",
        },
        {
            "category": "formatting",
            "rule": "long_lines",
            "points": 3,
            "detail": "1 line is longer than 200 characters.",
            "advice": "Break 1 line of over 200 characters into shorter bullets.",
        },
    ]


def test_bullets_without_numbers_cost_points_in_proportion():
    profile = with_bullets(clean_profile(), GOOD, GOOD, GOOD, *["Built the billing service."] * 5)

    deduction = next(
        item
        for item in score(profile=profile)["deductions"]
        if item["rule"] == "bullets_without_numbers"
    )

    assert deduction == {
        "category": "impact",
        "rule": "bullets_without_numbers",
        "points": 25,
        "detail": "5 of 8 experience bullets have no number.",
        "advice": "Add a number to 5 experience bullets (e.g. users, %, time saved).",
    }


def test_missing_job_skills_cost_keyword_points_by_share_missing():
    result = score(job=job(required=["Python", "Kubernetes"], preferred=["Terraform", "Redis"]))

    keyword = {item["rule"]: item["points"] for item in result["deductions"]}
    assert keyword == {"missing_required_keywords": 35, "missing_preferred_keywords": 15}
    assert result["breakdown"]["keywords"] == 50


def test_an_implied_skill_counts_as_a_present_job_keyword():
    profile = clean_profile()
    result = score(profile=profile, job=job(required=["Django", "Python", "SQL"]))

    assert "missing_required_keywords" not in rules(result)


def test_a_job_without_recognised_skills_falls_back_to_the_general_keyword_rules():
    text, profile = listed_skills("Python", text="Built APIs.")(CLEAN_TEXT, clean_profile())

    result = score(text, profile, job=job())

    assert "few_skills" in rules(result)


def messy_inputs():
    """Resumes that lose many points, including more than 100 in one category."""
    empty = {"personal_info": {}, "skills": {}, "experience": [], "education": []}
    weak = with_bullets(
        clean_profile(),
        *["I was responsible for helping the team with the platform and I helped a lot."] * 6,
    )
    weak["summary"] = "I am a hard worker. My goal is to help my team and I like my job."
    return [
        ("", empty, None),
        ("word " * 50, empty, job(required=["Python", "Go"], preferred=["Rust"])),
        (CLEAN_TEXT + ("| a | b |\n" * 3) + ("\uf0b7" * 80) + "\n" + "y" * 500, weak, None),
        (CLEAN_TEXT, weak, job(required=["Kubernetes", "Terraform", "Go"])),
        (CLEAN_TEXT, clean_profile(), None),
    ]


@pytest.mark.parametrize(("text", "profile", "target"), messy_inputs())
def test_deductions_of_each_category_add_up_to_exactly_what_it_lost(text, profile, target):
    result = score(text, copy.deepcopy(profile), target)

    for category, value in result["breakdown"].items():
        lost = sum(d["points"] for d in result["deductions"] if d["category"] == category)
        assert lost == 100 - value
        assert 0 <= value <= 100
    assert all(d["points"] > 0 for d in result["deductions"])


@pytest.mark.parametrize(("text", "profile", "target"), messy_inputs())
def test_overall_is_the_rounded_weighted_sum_of_the_categories(text, profile, target):
    result = score(text, copy.deepcopy(profile), target)

    weighted = sum(result["weights"][key] * value for key, value in result["breakdown"].items())
    assert abs(result["overall"] - weighted) <= 0.5
    assert result["weights"] == WEIGHTS
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)


def test_a_resume_with_nothing_in_it_scores_low_but_within_range():
    result = score("", {"personal_info": {}, "skills": {}, "experience": [], "education": []})

    assert result["breakdown"]["sections"] == 0
    assert 0 <= result["overall"] < 40
