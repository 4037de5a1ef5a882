"""The ATS score: five categories from 100 down, each point lost tied to a rule.

overall = weighted sum of the categories, rounded half up. Weights favour what ATS software
filters on (keywords) and what recruiters read first (formatting, sections, impact).
"""

from resumes.analysis.deductions import Deduction, settle
from resumes.analysis.evidence import ResumeEvidence
from resumes.analysis.job_target import JobTarget
from resumes.analysis.rules import formatting, impact, keywords, readability, sections

# Whole percentages, so the overall score is exact integer arithmetic.
WEIGHT_PERCENTS = {
    "formatting": 20,
    "keywords": 25,
    "sections": 20,
    "readability": 15,
    "impact": 20,
}
WEIGHTS = {key: percent / 100 for key, percent in WEIGHT_PERCENTS.items()}


def ats_score(
    evidence: ResumeEvidence, job: JobTarget | None = None, match: dict | None = None
) -> tuple[dict, list[Deduction]]:
    """The contract's `ats_score` dict, and the deductions with their advice for insights."""
    found = {
        "formatting": formatting.deductions(evidence),
        "keywords": keywords.deductions(evidence, job, match),
        "sections": sections.deductions(evidence),
        "readability": readability.deductions(evidence),
        "impact": impact.deductions(evidence),
    }
    breakdown: dict[str, int] = {}
    settled: list[Deduction] = []
    for category, deductions in found.items():
        breakdown[category], kept = settle(deductions)
        settled.extend(kept)
    weighted = sum(WEIGHT_PERCENTS[key] * score for key, score in breakdown.items())
    overall = (weighted + 50) // 100  # rounded half up
    result = {
        "overall": overall,
        "breakdown": breakdown,
        "weights": dict(WEIGHTS),
        "deductions": [deduction.as_dict() for deduction in settled],
    }
    return result, settled
