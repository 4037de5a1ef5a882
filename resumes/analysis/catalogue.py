"""The learning project catalogue and learning resources we wrote (resumes/data/*.json)."""

import json
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PROJECT_FIELDS = (
    "title",
    "description",
    "skills_covered",
    "difficulty",
    "estimated_hours",
    "key_features",
    "learning_outcomes",
)


@cache
def projects() -> tuple[dict, ...]:
    """Every catalogue project, in file order."""
    return tuple(_load("projects.json")["projects"])


@cache
def project_templates() -> dict[str, dict]:
    """Per skill category: a project with "{skill}" where the skill name goes."""
    return _load("projects.json")["templates"]


@cache
def projects_by_skill() -> dict[str, tuple[dict, ...]]:
    """Case-folded skill name → the projects that cover it."""
    index: dict[str, list[dict]] = {}
    for project in projects():
        for skill in project["skills_covered"]:
            index.setdefault(skill.casefold(), []).append(project)
    return {skill: tuple(found) for skill, found in index.items()}


@cache
def resources() -> dict:
    """{"skills": {name: [resource]}, "categories": {category: [resource]}}."""
    data = _load("resources.json")
    data["skills"] = {name.casefold(): items for name, items in data["skills"].items()}
    return data


def _load(name: str) -> dict:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return json.load(handle)
