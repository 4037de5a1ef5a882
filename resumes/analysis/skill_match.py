"""How a resume's skills meet a job's: the contract's `skill_match_analysis`.

The jobs app uses the same function for compatibility and ranking, so a match means the
same everywhere.
"""

from collections.abc import Iterable

from ai.skills import canonical, expand_implied
from resumes.analysis.job_target import JobTarget

LISTED = 6  # skills named in one strengths / improvement sentence


def skill_match(profile_skills: Iterable[str], job: JobTarget) -> dict:
    """Matched and missing job skills, and the share of the required ones covered.

    Names are compared case-insensitively under their canonical form, and a skill counts as
    present when the resume names it or a skill implying it (Django → Python).
    `match_percentage` is the share of required skills present (of preferred ones when the
    job names no required skill; 0.0 when it names none at all).
    """
    have = _held(profile_skills)
    required, preferred = list(job.required_skills), list(job.preferred_skills)
    matched_required = [name for name in required if _key(name) in have]
    matched_preferred = [name for name in preferred if _key(name) in have]
    missing_required = [name for name in required if _key(name) not in have]
    missing_preferred = [name for name in preferred if _key(name) not in have]
    basis, matched_basis = (
        (required, matched_required)
        if required
        else (
            preferred,
            matched_preferred,
        )
    )
    percentage = round(100 * len(matched_basis) / len(basis), 1) if basis else 0.0
    return {
        "total_required_skills": len(required),
        "matched_skills": [*matched_required, *matched_preferred],
        "missing_required_skills": missing_required,
        "missing_preferred_skills": missing_preferred,
        "match_percentage": percentage,
        "strengths": _strengths(required, matched_required, matched_preferred),
        "areas_for_improvement": _improvements(missing_required, missing_preferred, job),
    }


def _held(names: Iterable[str]) -> set[str]:
    canonical_names = [canonical(name) or name for name in names]
    return {_key(name) for name in expand_implied(canonical_names) | set(canonical_names)}


def _key(name: str) -> str:
    return (canonical(name) or name).casefold()


def _strengths(required: list[str], matched: list[str], preferred: list[str]) -> list[str]:
    found = []
    if matched:
        found.append(f"Has {len(matched)} of {len(required)} required skills: {_names(matched)}.")
    if preferred:
        found.append(f"Also brings preferred skills: {_names(preferred)}.")
    return found


def _improvements(missing: list[str], preferred: list[str], job: JobTarget) -> list[str]:
    found = []
    if missing:
        found.append(f"Missing required skills: {_names(missing)}.")
    if preferred:
        found.append(f"Missing preferred skills: {_names(preferred)}.")
    if not job.required_skills and not job.preferred_skills:
        found.append("The job description names no skills we recognise; compare it by hand.")
    return found


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:LISTED])
    more = len(names) - LISTED
    return f"{shown} and {more} more" if more > 0 else shown
