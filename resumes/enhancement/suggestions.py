"""Suggestions for a resume, each pointing at a line and carrying a proposed rewrite.

Rule checks find the problems; bullet rewrites come from the `bullet_rewrites` task of the
AI gateway in one batch, every other proposal is built here from the resume's own facts.
"""

import hashlib
from datetime import date

from django.utils import timezone

from ai.llm import generate
from resumes.enhancement.bullet_checks import ISSUE_ORDER, bullet_issues, worst_severity
from resumes.enhancement.contact import contact_area, contact_problems
from resumes.enhancement.dates import check_line, dominant_style
from resumes.enhancement.lines import Line, experience_bullets, read_lines
from resumes.enhancement.sections import missing_keywords, missing_sections

KINDS = (
    "contact",
    "missing_section",
    "missing_keywords",
    "inconsistent_dates",
    *ISSUE_ORDER,
)


def suggestion_id(kind: str, line: int | None, original: str | None, target: str) -> str:
    """Stable across runs: the same resume always yields the same ids."""
    key = "\x1f".join((kind, str(line or ""), original or "", target))
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _suggestion(
    *,
    kind: str,
    target: str,
    line: Line | None,
    section: str | None,
    proposed: str | None,
    reason: str,
    severity: str,
    original: str | None = None,
    issues: list[str] | None = None,
    engine: str = "local",
) -> dict:
    if original is None and line is not None:
        original = line.text
    number = line.number if line else None
    return {
        "id": suggestion_id(kind, number, original, target),
        "kind": kind,
        "line": number,
        "section": section,
        "original": original,
        "proposed": proposed,
        "reason": reason,
        "severity": severity,
        "target": target,
        "issues": issues or [kind],
        "engine": engine,
    }


def _contact_suggestions(lines: list[Line], profile: dict) -> list[dict]:
    return [
        _suggestion(
            kind="contact",
            target=problem.target,
            line=problem.line,
            section="contact",
            proposed=problem.proposed,
            reason=problem.reason,
            severity=problem.severity,
        )
        for problem in contact_problems(lines, profile.get("personal_info") or {})
    ]


def _gap_suggestions(text: str, lines: list[Line], profile: dict, job) -> list[dict]:
    items = [
        _suggestion(
            kind="missing_section",
            target=gap.target,
            line=None,
            section=gap.target,
            proposed=gap.proposed,
            reason=gap.reason,
            severity=gap.severity,
        )
        for gap in missing_sections(lines, profile, job)
    ]
    keywords = missing_keywords(text, lines, profile, job)
    if keywords:
        items.append(
            _suggestion(
                kind="missing_keywords",
                target="keywords",
                line=keywords.line,
                section="skills",
                proposed=keywords.proposed,
                reason=keywords.reason,
                severity=keywords.severity,
            )
        )
    return items


def _date_suggestions(lines: list[Line], today: date) -> list[dict]:
    contact = set(contact_area(lines)) if any(line.heading for line in lines) else set()
    dated = [line for line in lines if not line.heading and line not in contact]
    style = dominant_style(dated)
    items = []
    for line in dated:
        problem = check_line(line, style, today)
        if problem:
            items.append(
                _suggestion(
                    kind="inconsistent_dates",
                    target="dates",
                    line=line,
                    section=line.section,
                    proposed=problem.proposed,
                    reason=" ".join(problem.reasons),
                    severity=problem.severity,
                )
            )
    return items


def _role_title(profile: dict, job) -> str | None:
    if job is not None and job.title:
        return job.title
    return next(
        (entry["title"] for entry in profile.get("experience") or [] if entry.get("title")), None
    )


def _keywords(profile: dict, job) -> list[str]:
    """Skills the person has (and the job wants, when there is one) that a rewrite must keep."""
    have = [name for names in (profile.get("skills") or {}).values() for name in names]
    if job is None:
        return have
    owned = {name.casefold() for name in have}
    return [name for name in job.required_skills if name.casefold() in owned]


def _bullet_suggestions(lines: list[Line], profile: dict, job) -> list[dict]:
    drafts = []
    for bullet in experience_bullets(lines, profile):
        reasons = bullet_issues(bullet.text)
        if reasons:
            kind = next(iter(reasons))
            line = next(line for line in lines if line.number == bullet.line)
            drafts.append((line, bullet.text, kind, reasons))
    if not drafts:
        return []
    ids = [suggestion_id(kind, line.number, text, "bullet") for line, text, kind, _ in drafts]
    result = generate(
        "bullet_rewrites",
        {
            "role_title": _role_title(profile, job),
            "keywords": _keywords(profile, job),
            "bullets": [
                {"id": item_id, "text": text, "issues": list(reasons)}
                for item_id, (_, text, _, reasons) in zip(ids, drafts, strict=True)
            ],
        },
    )
    rewrites = {item["id"]: item["text"] for item in result.data.get("rewrites", [])}
    return [
        _suggestion(
            kind=kind,
            target="bullet",
            line=line,
            section="experience",
            original=text,
            proposed=rewrites.get(item_id),
            reason=" ".join(reasons.values()),
            severity=worst_severity(reasons),
            issues=list(reasons),
            engine=result.engine,
        )
        for item_id, (line, text, kind, reasons) in zip(ids, drafts, strict=True)
    ]


def suggest(text: str, profile: dict, job=None, *, today: date | None = None) -> list[dict]:
    """Every suggestion for `text` (with its parsed `profile`), optionally against a job.

    Each item: id, kind, line (1-based, or None for the whole resume), section, original,
    proposed, reason, severity; plus `target` (what accepting it changes), `issues` (every
    issue code of a bullet, the first being `kind`) and `engine` (who wrote the proposal).
    `today` decides which dates are in the future (default: today's local date).
    """
    lines = read_lines(text)
    items = [
        *_contact_suggestions(lines, profile),
        *_gap_suggestions(text, lines, profile, job),
        *_date_suggestions(lines, today or timezone.localdate()),
        *_bullet_suggestions(lines, profile, job),
    ]
    return sorted(items, key=lambda item: (item["line"] or 0, KINDS.index(item["kind"])))
