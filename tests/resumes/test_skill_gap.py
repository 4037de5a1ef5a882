from urllib.parse import urlparse

import pytest

from ai.skills import CATEGORIES, canonical, category_of
from resumes.analysis import JobTarget, catalogue, skill_gap_recommendations, skill_match
from resumes.analysis.preparation import preparation_hours, preparation_time

PROJECT_KEYS = {
    "title",
    "description",
    "skills_covered",
    "difficulty",
    "estimated_hours",
    "key_features",
    "learning_outcomes",
}
RESOURCE_KINDS = {"docs", "course", "book", "practice"}


def job(required=(), preferred=(), level=None) -> JobTarget:
    return JobTarget("Backend Engineer", None, "text", tuple(required), tuple(preferred), level)


def assert_complete_project(project: dict) -> None:
    assert set(project) == PROJECT_KEYS
    assert project["title"].strip() and project["description"].strip()
    assert project["skills_covered"]
    assert project["difficulty"] in {"beginner", "intermediate", "advanced"}
    assert isinstance(project["estimated_hours"], int) and project["estimated_hours"] > 0
    assert 3 <= len(project["key_features"]) <= 5
    assert 3 <= len(project["learning_outcomes"]) <= 5
    assert all(item.strip() for item in project["key_features"] + project["learning_outcomes"])


# --- skill match ---------------------------------------------------------------------------


def test_an_implied_skill_matches_a_required_one():
    match = skill_match(["Django"], job(required=["Python", "Django"]))

    assert match["matched_skills"] == ["Python", "Django"]
    assert match["missing_required_skills"] == []
    assert match["match_percentage"] == 100.0


def test_skill_names_match_case_insensitively_and_by_alias():
    match = skill_match(["postgresql", "JS"], job(required=["PostgreSQL", "JavaScript"]))

    assert match["missing_required_skills"] == []


def test_match_percentage_is_the_share_of_required_skills_present():
    match = skill_match(
        ["Python", "Docker", "Redis"],
        job(required=["Python", "Docker", "Redis", "Kubernetes"], preferred=["Terraform"]),
    )

    assert match == {
        "total_required_skills": 4,
        "matched_skills": ["Python", "Docker", "Redis"],
        "missing_required_skills": ["Kubernetes"],
        "missing_preferred_skills": ["Terraform"],
        "match_percentage": 75.0,
        "strengths": ["Has 3 of 4 required skills: Python, Docker, Redis."],
        "areas_for_improvement": [
            "Missing required skills: Kubernetes.",
            "Missing preferred skills: Terraform.",
        ],
    }


def test_match_percentage_has_one_decimal():
    match = skill_match(["Python"], job(required=["Python", "Go", "Rust"]))

    assert match["match_percentage"] == 33.3


def test_a_job_with_only_preferred_skills_is_matched_on_those():
    match = skill_match(["Go"], job(preferred=["Go", "Rust"]))

    assert match["total_required_skills"] == 0
    assert match["match_percentage"] == 50.0


def test_a_job_without_skills_matches_nothing_and_says_so():
    match = skill_match(["Python"], job())

    assert match["match_percentage"] == 0.0
    assert match["areas_for_improvement"] == [
        "The job description names no skills we recognise; compare it by hand."
    ]


def test_a_preferred_skill_never_counts_towards_the_required_share():
    match = skill_match(["Terraform"], job(required=["Python"], preferred=["Terraform"]))

    assert match["matched_skills"] == ["Terraform"]
    assert match["match_percentage"] == 0.0


# --- gap recommendations -------------------------------------------------------------------


def recommendations_for(have, required=(), preferred=(), level=None):
    target = job(required, preferred, level)
    return skill_gap_recommendations(skill_match(have, target), target)


def test_required_gaps_come_before_preferred_ones_in_job_order():
    found = recommendations_for(
        ["Python"], required=["Python", "Kubernetes", "Docker"], preferred=["Terraform", "Go"]
    )

    assert [(item["skill_gap"]["skill_name"], item["skill_gap"]["priority"]) for item in found] == [
        ("Kubernetes", "required"),
        ("Docker", "required"),
        ("Terraform", "preferred"),
        ("Go", "preferred"),
    ]


def test_at_most_eight_gaps_are_recommended():
    required = ["Go", "Rust", "Kotlin", "Scala", "Ruby", "PHP", "Swift", "Elixir", "Haskell"]

    found = recommendations_for([], required=required, preferred=["Docker"])

    assert [item["skill_gap"]["skill_name"] for item in found] == required[:8]


def test_every_missing_required_skill_gets_complete_projects_resources_and_a_path():
    required = ["Kubernetes", "React", "PostgreSQL", "Apache Kafka", "COBOL", "Leadership"]

    found = recommendations_for(["Python"], required=required)

    assert len(found) == len(required)
    for item in found:
        gap = item["skill_gap"]
        assert gap["category"] == category_of(gap["skill_name"])
        assert gap["impact"].startswith("Required")
        assert 1 <= len(item["recommended_projects"]) <= 3
        for project in item["recommended_projects"]:
            assert_complete_project(project)
            assert gap["skill_name"] in project["skills_covered"]
        assert item["learning_resources"]
        for resource in item["learning_resources"]:
            assert set(resource) == {"title", "url", "kind", "free"}
            assert urlparse(resource["url"]).scheme == "https"
            assert resource["kind"] in RESOURCE_KINDS
        assert item["recommended_projects"][0]["title"] in item["learning_path"]


def test_a_project_that_also_teaches_another_missing_skill_comes_first():
    found = recommendations_for([], required=["Kubernetes", "Helm"])

    first = found[0]["recommended_projects"][0]
    assert {"Kubernetes", "Helm"} <= set(first["skills_covered"])


def test_project_difficulty_follows_the_job_level_when_coverage_ties():
    entry = recommendations_for([], required=["Go"], level="entry")
    senior = recommendations_for([], required=["Go"], level="senior")

    assert entry[0]["recommended_projects"][0]["difficulty"] == "beginner"
    assert senior[0]["recommended_projects"][0]["difficulty"] == "advanced"


def test_a_skill_without_a_catalogue_project_gets_one_from_its_category_template():
    found = recommendations_for([], required=["COBOL"])

    project = found[0]["recommended_projects"][0]
    assert_complete_project(project)
    assert "COBOL" in project["title"]
    assert project["skills_covered"][0] == "COBOL"
    assert "{skill}" not in str(project)


def test_a_skill_without_its_own_resources_gets_its_category_defaults():
    found = recommendations_for([], required=["COBOL"])

    urls = [resource["url"] for resource in found[0]["learning_resources"]]
    assert urls == [
        resource["url"] for resource in catalogue.resources()["categories"]["languages"]
    ]


def test_skill_specific_resources_come_before_category_defaults():
    found = recommendations_for([], required=["Kubernetes"])

    assert found[0]["learning_resources"][0]["url"] == "https://kubernetes.io/docs/tutorials/"


def test_the_impact_of_a_required_gap_gives_the_match_it_would_reach():
    found = recommendations_for(["Python"], required=["Python", "Go", "Rust", "Java"])

    assert "from 25.0% to 50.0%" in found[0]["skill_gap"]["impact"]


def test_recommended_projects_are_copies_not_the_catalogue_itself():
    found = recommendations_for([], required=["Kubernetes"])
    found[0]["recommended_projects"][0]["key_features"].append("changed")

    again = recommendations_for([], required=["Kubernetes"])
    assert "changed" not in again[0]["recommended_projects"][0]["key_features"]


# --- preparation time ----------------------------------------------------------------------


def test_preparation_hours_count_each_gaps_first_project_once():
    found = recommendations_for([], required=["Kubernetes", "Helm", "Go"])
    firsts = [item["recommended_projects"][0] for item in found]
    hours_by_title = {project["title"]: project["estimated_hours"] for project in firsts}

    hours = preparation_hours(found)

    assert len(hours_by_title) == 2  # Kubernetes and Helm share their first project
    assert hours == sum(hours_by_title.values())


@pytest.mark.parametrize(
    ("hours", "words"),
    [
        (0, "none: the resume already covers every skill the job names"),
        (12, "about 1 week (12 hours at 15 hours a week)"),
        (15, "about 1 week (15 hours at 15 hours a week)"),
        (60, "about 4 weeks (60 hours at 15 hours a week)"),
        (61, "about 5 weeks (61 hours at 15 hours a week)"),
    ],
)
def test_preparation_time_is_in_weeks_at_fifteen_hours_a_week(hours, words):
    assert preparation_time(hours) == words


# --- catalogue -----------------------------------------------------------------------------


def test_the_catalogue_has_at_least_sixty_complete_projects_with_unique_titles():
    projects = catalogue.projects()

    assert len(projects) >= 60
    assert len({project["title"] for project in projects}) == len(projects)
    for project in projects:
        assert_complete_project(project)


def test_catalogue_skills_are_spelled_as_the_taxonomy_spells_them():
    names = {name for project in catalogue.projects() for name in project["skills_covered"]}

    assert sorted(name for name in names if canonical(name) != name) == []


def test_every_skill_with_its_own_resources_is_in_the_taxonomy():
    names = catalogue.resources()["skills"]

    assert sorted(name for name in names if canonical(name) is None) == []


def test_the_catalogue_covers_every_category_with_projects_templates_and_resources():
    covered = {
        category_of(name) for project in catalogue.projects() for name in project["skills_covered"]
    }
    assert set(CATEGORIES) <= covered
    assert set(catalogue.project_templates()) == set(CATEGORIES)
    assert set(catalogue.resources()["categories"]) == set(CATEGORIES)


def test_every_resource_is_an_https_link_of_a_known_kind():
    data = catalogue.resources()
    resources = [item for items in data["skills"].values() for item in items]
    resources += [item for items in data["categories"].values() for item in items]

    for resource in resources:
        assert urlparse(resource["url"]).scheme == "https"
        assert resource["kind"] in RESOURCE_KINDS
        assert isinstance(resource["free"], bool)
