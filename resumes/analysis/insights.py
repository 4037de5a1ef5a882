"""Strengths, weaknesses and recommendations: short sentences read off the scores.

Weaknesses are the findings of the costliest deductions and recommendations their advice,
both ordered by points lost, so the first item is always the biggest gain.
"""

from resumes.analysis.ats import WEIGHTS
from resumes.analysis.deductions import Deduction
from resumes.analysis.job_target import JobTarget

STRONG_CATEGORY = 85
STRONG_SECTION = 80
STRONG_MATCH = 70
WEAK_MATCH = 50
MAX_STRENGTHS = 6
MAX_WEAKNESSES = 6
MAX_RECOMMENDATIONS = 8
LEVEL_YEARS = {"mid": 2, "senior": 5, "lead": 7}  # the usual minimum years for a level
CATEGORY_STRENGTHS = {
    "formatting": "Clean formatting that ATS software reads without trouble.",
    "keywords": "Rich, varied skill keywords an ATS can match.",
    "sections": "All the sections recruiters and ATS software look for.",
    "readability": "Concise, active sentences that are easy to scan.",
    "impact": "Experience bullets that open with strong verbs and show measurable results.",
}
SECTION_STRENGTHS = {
    "contact": "Complete contact details, so a recruiter can reach you.",
    "summary": "A focused summary that says what you offer.",
    "experience": "Well-documented experience with dates and quantified bullets.",
    "education": "Education listed with degree, institution and dates.",
    "skills": "A broad skills section across several areas.",
}


def insights(
    ats: dict,
    deductions: list[Deduction],
    sections: dict[str, int],
    match: dict | None = None,
    *,
    job: JobTarget | None = None,
    years: float | None = None,
) -> dict[str, list[str]]:
    """{"strengths", "weaknesses", "recommendations"} for the scores, match and job level."""
    ordered = sorted(deductions, key=_cost_order)
    return {
        "strengths": _strengths(ats["breakdown"], sections, match),
        "weaknesses": _weaknesses(ordered, match, _level_gap(job, years)),
        "recommendations": _unique(item.advice for item in ordered)[:MAX_RECOMMENDATIONS],
    }


def _strengths(breakdown: dict[str, int], sections: dict[str, int], match: dict | None) -> list:
    found = []
    if match and match["total_required_skills"] and match["match_percentage"] >= STRONG_MATCH:
        found.append(_match_sentence(match, "Covers"))
    found += [CATEGORY_STRENGTHS[key] for key, got in breakdown.items() if got >= STRONG_CATEGORY]
    found += [SECTION_STRENGTHS[key] for key, got in sections.items() if got >= STRONG_SECTION]
    return found[:MAX_STRENGTHS]


def _weaknesses(ordered: list[Deduction], match: dict | None, level_gap: str | None) -> list:
    found = []
    if match and match["total_required_skills"] and match["match_percentage"] < WEAK_MATCH:
        found.append(_match_sentence(match, "Covers only"))
    if level_gap:
        found.append(level_gap)
    found += [item.detail for item in ordered]
    return _unique(found)[:MAX_WEAKNESSES]


def _level_gap(job: JobTarget | None, years: float | None) -> str | None:
    needed = LEVEL_YEARS.get(job.experience_level or "") if job else None
    if needed is None or years is None or years >= needed:
        return None
    return (
        f"The role is {job.experience_level}-level (usually {needed}+ years); the resume shows "
        f"{years:g} years of experience."
    )


def _match_sentence(match: dict, lead: str) -> str:
    total = match["total_required_skills"]
    have = total - len(match["missing_required_skills"])
    return f"{lead} {have} of {total} required job skills ({match['match_percentage']}%)."


def _cost_order(deduction: Deduction) -> tuple:
    return (-deduction.points, list(WEIGHTS).index(deduction.category), deduction.rule)


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))
