"""The 0-10 review: a computed score, and words from the language model gateway.

The score is ATS score / 10, or with a job that names skills 60 % ATS score and 40 % match
percentage. The model only writes the summary, pros and cons, from facts that carry no
personal information.
"""

from decimal import ROUND_HALF_UP, Decimal

from ai.llm import generate
from resumes.analysis.job_target import JobTarget
from resumes.analysis.neutral import neutraliser_for

ATS_SHARE = Decimal(6)
MATCH_SHARE = Decimal(4)


def review(
    profile: dict, ats: dict, match: dict | None, job: JobTarget | None
) -> tuple[dict, dict]:
    """The contract's `review` dict, and the engine metadata of the model call."""
    facts = {
        "profile": model_safe_profile(profile),
        "ats_score": ats,
        "skill_match": match,
        "job_title": job.title if job else None,
    }
    result = generate("resume_review", facts)
    words = result.data
    reviewed = {
        "score": review_score(ats["overall"], match if _has_skills(job) else None),
        "summary": words["summary"],
        "pros": list(words["pros"]),
        "cons": list(words["cons"]),
    }
    return reviewed, result.meta()


def review_score(ats_overall: int, match: dict | None) -> float:
    """0-10 with one decimal, rounded half up."""
    value = Decimal(ats_overall)
    if match is not None:
        percentage = Decimal(str(match["match_percentage"]))
        value = (value * ATS_SHARE + percentage * MATCH_SHARE) / 10
    return float((value / 10).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def model_safe_profile(profile: dict) -> dict:
    """The profile without `personal_info`, and with the name and contact details that
    appear elsewhere (a summary in the third person, a link in a bullet) replaced."""
    neutraliser = neutraliser_for(profile.get("personal_info"))
    return _redacted(
        {key: value for key, value in profile.items() if key != "personal_info"},
        neutraliser.redact,
    )


def _redacted(value, redact):
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {key: _redacted(item, redact) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_redacted(item, redact) for item in value]
    return value


def _has_skills(job: JobTarget | None) -> bool:
    return job is not None and bool(job.required_skills or job.preferred_skills)
