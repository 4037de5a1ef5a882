"""Scores 0-100 from the public data of a scan: deterministic, each with its formula and the
inputs it read, so a candidate can see why a number is what it is.

Activity and impact are percentile curves: an input scores 1 - 2^(-value / median), half
marks at the median of a typical public developer, approaching full marks above it, and
the score is the weighted mean of its inputs (medians and weights: FOOTPRINT_SCORING).
Inputs of a source that was not scanned leave the mean, so a developer without a Stack
Overflow account is not marked down in activity for it. Visibility and professional are
checklists of points; expertise maps languages, topics and tags onto the skill taxonomy.
"""

import math
from dataclasses import dataclass, field

from django.conf import settings

from ai.skills import canonical, category_of

GITHUB, STACKOVERFLOW = "github", "stackoverflow"
# Each score and the scan column that keeps it for lists and sorting.
SCORE_FIELDS = {
    "visibility": "visibility_score",
    "activity": "activity_score",
    "impact": "impact_score",
    "expertise": "expertise_score",
    "professional": "professional_score",
    "overall": "overall_score",
}
PRIVATE_WORK_NOTE = (
    "Private repositories and contributions, and activity in organisations that hide their "
    "members, are not visible without a token: only public work is counted."
)
LABELS = {
    "commits": "Commits (public, all repositories)",
    "merged_prs_elsewhere": "Pull requests merged into other people's repositories",
    "issues": "Issues opened",
    "reviews": "Pull requests reviewed for others",
    "recent_events": "Public events in the last 90 days",
    "answers": "Stack Overflow answers",
    "stars": "Stars on counted repositories",
    "followers": "GitHub followers",
    "forks": "Forks of counted repositories",
    "reputation": "Stack Overflow reputation",
    "accepted_answers": "Accepted answers",
    "skills": "Skills found",
    "top_skill_evidence": "Evidence for the strongest skill",
}
SOURCE_OF = {
    "answers": STACKOVERFLOW,
    "reputation": STACKOVERFLOW,
    "accepted_answers": STACKOVERFLOW,
}


def curve(value: float, median: float) -> float:
    """0 at nothing, 0.5 at the median, towards 1 above it."""
    if value <= 0 or median <= 0:
        return 0.0
    return 1 - math.pow(2, -value / median)


@dataclass
class Score:
    score: int
    formula: str
    inputs: list[dict]
    not_visible: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "score": self.score,
            "formula": self.formula,
            "inputs": self.inputs,
            "not_visible": self.not_visible,
        }


def counted_repos(
    repos: list[dict], commits_by_repo: dict | None, commits_complete: bool
) -> list[dict]:
    """Repositories that show the user's own work: not a fork nobody forked, not archived
    empty, and with enough of the user's commits where the commit sample says so."""
    minimum = settings.FOOTPRINT_SCORING["min_commits_per_repo"]
    counted = []
    for repo in repos:
        if repo["fork"] and repo["forks"] == 0:
            continue
        if repo["size"] == 0:
            continue
        known = commits_by_repo is not None and (
            commits_complete or repo["full_name"] in commits_by_repo
        )
        if known and commits_by_repo.get(repo["full_name"], 0) < minimum:
            continue
        counted.append(repo)
    return counted


def github_inputs(data: dict) -> dict:
    """The numbers scores read from GitHub's data."""
    commits = data.get("commits") or {}
    # Commit search finds only commits whose email is linked to the account: with none found,
    # the sample says nothing about any repository.
    complete = bool(commits) and 0 < commits.get("total", 0) <= commits.get("sampled", 0)
    repos = counted_repos(data["repos"], commits.get("by_repo") if commits else None, complete)
    merged = data.get("merged_prs_elsewhere") or {}
    events = data.get("events") or {}
    return {
        "commits": commits.get("total"),
        "merged_prs_elsewhere": merged.get("total") if merged else None,
        "issues": data.get("issues"),
        "reviews": data.get("reviews"),
        "recent_events": events.get("last_90_days") if events else None,
        "stars": sum(repo["stars"] for repo in repos),
        "forks": sum(repo["forks"] for repo in repos if not repo["fork"]),
        "followers": data["profile"].get("followers") or 0,
        "counted_repos": len(repos),
        "repos_read": len(data["repos"]),
        "excluded_repos": len(data["repos"]) - len(repos),
        "repos": repos,
    }


def stackoverflow_inputs(data: dict) -> dict:
    answers = data.get("answers_total")
    return {
        "answers": answers if answers is not None else data.get("answers_sampled", 0),
        "accepted_answers": data.get("accepted_sampled", 0),
        "reputation": data["user"].get("reputation") or 0,
    }


def _curve_score(name: str, values: dict) -> Score:
    """Weighted mean of curves over the inputs that were measured."""
    spec = settings.FOOTPRINT_SCORING[name]
    inputs, total, weights = [], 0.0, 0
    for key, rule in spec.items():
        value = values.get(key)
        if value is None:
            continue
        part = curve(value, rule["median"])
        total += rule["weight"] * part
        weights += rule["weight"]
        inputs.append(
            {
                "name": key,
                "label": LABELS[key],
                "source": SOURCE_OF.get(key, GITHUB),
                "value": value,
                "median": rule["median"],
                "weight": rule["weight"],
                "points": round(part * 100, 1),
            }
        )
    score = round(100 * total / weights) if weights else 0
    formula = (
        f"{name} = 100 * sum(weight * (1 - 2^(-value / median))) / sum(weight), over the inputs "
        "measured; an input at its median gives 50 points."
    )
    return Score(score, formula, inputs)


def _checklist(name: str, items: list[tuple[str, int, bool, str]]) -> Score:
    """Points for each item present; the possible points are those of the sources scanned."""
    possible = sum(points for _label, points, _present, _source in items)
    earned = sum(points for _label, points, present, _source in items if present)
    inputs = [
        {"name": label, "label": label, "source": source, "value": present, "points": points}
        for label, points, present, source in items
    ]
    score = round(100 * earned / possible) if possible else 0
    formula = (
        f"{name} = 100 * points of the items present / points possible ({earned} of {possible})."
    )
    return Score(score, formula, inputs)


def _visibility(github: dict | None, gh: dict | None, stack: dict | None) -> Score:
    items = [
        ("GitHub profile found", 20, github is not None, GITHUB),
        ("Stack Overflow profile found", 20, stack is not None, STACKOVERFLOW),
    ]
    if github is not None:
        profile = github["profile"]
        login = (profile.get("login") or "").lower()
        items += [
            ("GitHub bio", 10, bool(profile.get("bio")), GITHUB),
            ("Website or blog linked", 10, bool(profile.get("blog")), GITHUB),
            ("At least 3 repositories that count", 15, gh["counted_repos"] >= 3, GITHUB),
            (
                "Profile README (a repository named like the user)",
                10,
                any(repo["name"].lower() == login for repo in github["repos"]),
                GITHUB,
            ),
            ("Public activity in the last 90 days", 10, bool(gh["recent_events"]), GITHUB),
        ]
    if stack is not None:
        items.append(
            (
                "Stack Overflow website linked",
                5,
                bool(stack["user"].get("website_url")),
                STACKOVERFLOW,
            )
        )
    return _checklist("visibility", items)


def _professional(github: dict | None, gh: dict | None, stack: dict | None) -> Score:
    items = []
    if github is not None:
        profile, repos = github["profile"], gh["repos"]
        described = sum(repo["description"] for repo in repos)
        licensed = sum(repo["license"] for repo in repos)
        half = max(1, len(repos)) / 2
        items += [
            ("Real name on GitHub", 15, bool(profile.get("name")), GITHUB),
            ("Bio saying what you do", 15, bool(profile.get("bio")), GITHUB),
            ("Company or employer", 10, bool(profile.get("company")), GITHUB),
            ("Website or portfolio", 10, bool(profile.get("blog")), GITHUB),
            ("Most counted repositories described", 15, bool(repos) and described >= half, GITHUB),
            ("Most counted repositories licensed", 10, bool(repos) and licensed >= half, GITHUB),
            ("Member of a public organisation", 10, bool(github.get("orgs")), GITHUB),
        ]
    if stack is not None:
        badges = stack["user"].get("badge_counts") or {}
        items += [
            (
                "A silver or gold Stack Overflow badge",
                10,
                bool(badges.get("silver") or badges.get("gold")),
                STACKOVERFLOW,
            ),
            (
                "Stack Overflow reputation of 1,000 or more",
                5,
                (stack["user"].get("reputation") or 0) >= 1000,
                STACKOVERFLOW,
            ),
        ]
    return _checklist("professional", items)


def footprint_skills(github: dict | None, gh: dict | None, stack: dict | None) -> list[dict]:
    """Skills of the taxonomy the profiles show, strongest evidence first.

    Evidence: counted repositories in the language, topics naming the skill, and Stack
    Overflow answers in the tag (their count plus their score / 10).
    """
    found: dict[str, dict] = {}

    def add(raw: str, *, repos: int = 0, topics: int = 0, answers: int = 0, answer_score: int = 0):
        name = canonical(raw) or canonical(raw.replace("-", " "))
        evidence = repos + topics + answers + max(answer_score, 0) / 10
        if not name or evidence <= 0:
            return
        entry = found.setdefault(
            name,
            {
                "name": name,
                "category": category_of(name),
                "repos": 0,
                "topics": 0,
                "answers": 0,
                "answer_score": 0,
                "evidence": 0.0,
            },
        )
        entry["repos"] += repos
        entry["topics"] += topics
        entry["answers"] += answers
        entry["answer_score"] += max(answer_score, 0)
        entry["evidence"] += evidence

    if github is not None:
        for repo in gh["repos"]:
            if repo["language"]:
                add(repo["language"], repos=1)
            for topic in repo["topics"]:
                add(topic, topics=1)
    if stack is not None:
        for tag in stack["top_tags"]:
            add(tag["tag_name"], answers=tag["answer_count"], answer_score=tag["answer_score"])
    skills = sorted(
        found.values(), key=lambda skill: (-skill["evidence"], skill["name"].casefold())
    )
    for skill in skills:
        skill["evidence"] = round(skill["evidence"], 1)
    return skills


def _expertise(skills: list[dict]) -> Score:
    values = {
        "skills": len(skills),
        "top_skill_evidence": skills[0]["evidence"] if skills else 0,
    }
    score = _curve_score("expertise", values)
    score.formula += (
        " Evidence of a skill = counted repositories in its language + topics naming it + "
        "Stack Overflow answers in its tag + their score / 10."
    )
    return score


def _overall(parts: dict[str, Score]) -> Score:
    weights = settings.FOOTPRINT_SCORING["overall"]
    total = sum(weights.values())
    score = round(sum(parts[name].score * weight for name, weight in weights.items()) / total)
    inputs = [
        {
            "name": name,
            "label": name.capitalize(),
            "source": "scores",
            "value": parts[name].score,
            "weight": weight,
        }
        for name, weight in weights.items()
    ]
    terms = " + ".join(f"{weight} * {name}" for name, weight in weights.items())
    return Score(score, f"overall = ({terms}) / {total}", inputs)


def score_footprint(github: dict | None, stack: dict | None) -> dict:
    """Every score with its formula and inputs, and the skills found: {"scores", "skills"}."""
    gh = github_inputs(github) if github is not None else None
    so = stackoverflow_inputs(stack) if stack is not None else None
    values = {**({k: v for k, v in gh.items() if k in LABELS} if gh else {}), **(so or {})}
    skills = footprint_skills(github, gh, stack)
    parts = {
        "visibility": _visibility(github, gh, stack),
        "activity": _curve_score("activity", values),
        "impact": _curve_score("impact", values),
        "expertise": _expertise(skills),
        "professional": _professional(github, gh, stack),
    }
    if gh is not None:
        parts["impact"].inputs.append(
            {
                "name": "excluded_repos",
                "label": "Repositories not counted (forks nobody forked, empty, or with fewer than "
                f"{settings.FOOTPRINT_SCORING['min_commits_per_repo']} of your commits)",
                "source": GITHUB,
                "value": gh["excluded_repos"],
            }
        )
        if not github.get("token"):
            for name in ("activity", "impact", "professional"):
                parts[name].not_visible.append(PRIVATE_WORK_NOTE)
    parts["overall"] = _overall(parts)
    return {"scores": {name: part.as_dict() for name, part in parts.items()}, "skills": skills}
