"""Keywords: the skills an ATS can find, measured against the job when there is one."""

from ai.skills import expand_implied, extract_skills, skills_by_category
from resumes.analysis.deductions import Deduction
from resumes.analysis.evidence import ResumeEvidence
from resumes.analysis.job_target import JobTarget
from resumes.analysis.language import round_half_up

CATEGORY = "keywords"
REQUIRED_WEIGHT = 70
PREFERRED_WEIGHT = 30
FEW_SKILLS = ((5, 40), (10, 20))  # (below this many skills, points)
FEW_CATEGORIES = ((2, 30), (3, 15))
UNUSED_SKILLS_WEIGHT = 20


def deductions(
    evidence: ResumeEvidence, job: JobTarget | None = None, match: dict | None = None
) -> list[Deduction]:
    """Against the job's skills when the job names any, else skill count and diversity."""
    if job is not None and match is not None and (job.required_skills or job.preferred_skills):
        return _against_job(job, match)
    found = [_count(evidence), _diversity(evidence), _unused(evidence)]
    return [deduction for deduction in found if deduction is not None]


def _against_job(job: JobTarget, match: dict) -> list[Deduction]:
    required, preferred = len(job.required_skills), len(job.preferred_skills)
    required_weight = REQUIRED_WEIGHT if preferred else 100
    preferred_weight = PREFERRED_WEIGHT if required else 100
    found = []
    missing = match["missing_required_skills"]
    if missing:
        found.append(
            Deduction(
                CATEGORY,
                "missing_required_keywords",
                round_half_up(required_weight * len(missing) / required),
                f"{len(missing)} of {required} required job skills are missing: "
                f"{', '.join(missing)}.",
                f"Add the required skills you have to your skills and bullets: "
                f"{', '.join(missing[:5])}.",
            )
        )
    missing = match["missing_preferred_skills"]
    if missing:
        found.append(
            Deduction(
                CATEGORY,
                "missing_preferred_keywords",
                round_half_up(preferred_weight * len(missing) / preferred),
                f"{len(missing)} of {preferred} preferred job skills are missing: "
                f"{', '.join(missing)}.",
                f"Mention the preferred skills you have: {', '.join(missing[:5])}.",
            )
        )
    return found


def _count(evidence: ResumeEvidence) -> Deduction | None:
    count = len(evidence.skills)
    points = next((points for limit, points in FEW_SKILLS if count < limit), 0)
    if not points:
        return None
    return Deduction(
        CATEGORY,
        "few_skills",
        points,
        f"Only {count} recognisable {'skill' if count == 1 else 'skills'} found.",
        f"List at least {FEW_SKILLS[-1][0]} concrete skills (languages, frameworks, tools) "
        "you have used.",
    )


def _diversity(evidence: ResumeEvidence) -> Deduction | None:
    categories = skills_by_category(evidence.skills)
    count = len(categories)
    points = next((points for limit, points in FEW_CATEGORIES if count < limit), 0)
    if not points:
        return None
    return Deduction(
        CATEGORY,
        "narrow_skills",
        points,
        f"Skills cover {count} {'category' if count == 1 else 'categories'} only.",
        "Round out the skills section with databases, tools and practices you have used.",
    )


def _unused(evidence: ResumeEvidence) -> Deduction | None:
    """Listed skills no bullet shows in use: an ATS ranks skills in context higher."""
    if not evidence.bullets or not evidence.skills:
        return None
    shown = {name.casefold() for name in expand_implied(extract_skills(" ".join(evidence.bullets)))}
    unused = [name for name in evidence.skills if name.casefold() not in shown]
    points = round_half_up(UNUSED_SKILLS_WEIGHT * len(unused) / len(evidence.skills))
    if not points:
        return None
    return Deduction(
        CATEGORY,
        "skills_without_context",
        points,
        f"{len(unused)} of {len(evidence.skills)} skills appear in no experience bullet.",
        f"Show skills in use in your bullets, e.g. {', '.join(unused[:3])}.",
    )
