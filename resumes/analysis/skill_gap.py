"""Per missing skill: why it matters, projects that teach it, resources and a learning path."""

from ai.skills import CATEGORY_LABELS, category_of
from resumes.analysis import catalogue
from resumes.analysis.job_target import JobTarget

MAX_GAPS = 8
MAX_PROJECTS = 3
MAX_RESOURCES = 4
DEFAULT_CATEGORY = "tools"
DIFFICULTY_RANK = {"beginner": 0, "intermediate": 1, "advanced": 2}
LEVEL_DIFFICULTY = {"entry": 0, "mid": 1, "senior": 2, "lead": 2}


def skill_gap_recommendations(match: dict, job: JobTarget) -> list[dict]:
    """One recommendation per missing skill: required ones first, then preferred, at most 8.

    Projects that also teach the job's other missing skills come first, then those whose
    difficulty suits the job's level, then the shorter ones. A skill no catalogue project
    covers gets a project built from its category's template, so none is left without one.
    """
    gaps = [(name, "required") for name in match["missing_required_skills"]]
    gaps += [(name, "preferred") for name in match["missing_preferred_skills"]]
    gaps = gaps[:MAX_GAPS]
    missing = {name.casefold() for name, _ in gaps}
    return [_recommendation(name, priority, missing, match, job) for name, priority in gaps]


def _recommendation(
    name: str, priority: str, missing: set[str], match: dict, job: JobTarget
) -> dict:
    category = category_of(name) or DEFAULT_CATEGORY
    projects = _projects(name, category, missing, job.experience_level)
    own, defaults = _resources(name, category)
    resources = _unique_by_url([*own, *defaults])[:MAX_RESOURCES]
    return {
        "skill_gap": {
            "skill_name": name,
            "priority": priority,
            "category": category,
            "impact": _impact(name, priority, category, match),
        },
        "recommended_projects": projects,
        "learning_resources": resources,
        # The path names the skill's own resources; category defaults only when it has none.
        "learning_path": _learning_path(name, projects[0], own or resources),
    }


def _projects(name: str, category: str, missing: set[str], level: str | None) -> list[dict]:
    target = LEVEL_DIFFICULTY.get(level or "", 1)

    def rank(project: dict) -> tuple:
        others = sum(1 for skill in project["skills_covered"] if skill.casefold() in missing)
        distance = abs(DIFFICULTY_RANK[project["difficulty"]] - target)
        return (-others, distance, project["estimated_hours"], project["title"])

    found = sorted(catalogue.projects_by_skill().get(name.casefold(), ()), key=rank)
    if not found:
        return [_from_template(name, category)]
    return [_copy(project) for project in found[:MAX_PROJECTS]]


def _from_template(name: str, category: str) -> dict:
    templates = catalogue.project_templates()
    template = templates.get(category) or templates[DEFAULT_CATEGORY]
    return {key: _fill(value, name) for key, value in template.items()}


def _fill(value, name: str):
    """The template value with "{skill}" replaced by the skill's name (lists item by item)."""
    if isinstance(value, list):
        return [_fill(item, name) for item in value]
    return value.replace("{skill}", name) if isinstance(value, str) else value


def _copy(project: dict) -> dict:
    """A copy per result: callers may change it without touching the cached catalogue."""
    return {
        key: list(value) if isinstance(value, list) else value
        for key, value in project.items()
        if key in catalogue.PROJECT_FIELDS
    }


def _resources(name: str, category: str) -> tuple[list[dict], list[dict]]:
    """The skill's own resources, and its category's defaults."""
    data = catalogue.resources()
    return (
        list(data["skills"].get(name.casefold(), ())),
        list(data["categories"].get(category, ())),
    )


def _unique_by_url(resources: list[dict]) -> list[dict]:
    chosen: dict[str, dict] = {}
    for resource in resources:
        chosen.setdefault(resource["url"], dict(resource))
    return list(chosen.values())


def _impact(name: str, priority: str, category: str, match: dict) -> str:
    label = CATEGORY_LABELS.get(category, category)
    if priority == "preferred":
        return (
            f"Preferred ({label}): not a must, but {name} sets you apart from candidates who "
            "only meet the requirements."
        )
    total = match["total_required_skills"]
    matched = total - len(match["missing_required_skills"])
    after = round(100 * (matched + 1) / total, 1)
    return (
        f"Required ({label}): one of {total} required skills; adding {name} raises your "
        f"match from {match['match_percentage']}% to {after}%."
    )


def _learning_path(name: str, project: dict, resources: list[dict]) -> str:
    study = next((item for item in resources if item["kind"] != "practice"), None)
    practice = next((item for item in resources if item["kind"] == "practice"), None)
    steps = []
    if study:
        steps.append(f"Learn the basics of {name} with {study['title']}")
    if practice:
        steps.append(f"Practise on {practice['title']}")
    steps.append(
        f'Build "{project["title"]}" (about {project["estimated_hours"]} hours, '
        f"{project['difficulty']})"
    )
    steps.append(
        f"Add {name} to your skills and describe the project in a bullet with a measurable result"
    )
    return " ".join(f"{number}. {step}." for number, step in enumerate(steps, start=1))
