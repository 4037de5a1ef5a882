"""Fields a job derives from what the recruiter wrote: skills, skill keys, short code, vector."""

import secrets

from ai.skills import canonical
from jobs.vectors import jobs_vectorise
from resumes.analysis import job_target_from_description

# No 0/o, 1/l/i: a code read aloud or typed from a poster stays unambiguous.
SHORT_CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
SHORT_CODE_LENGTH = 7


def new_short_code() -> str:
    return "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(SHORT_CODE_LENGTH))


def skills_clean(names) -> list[str]:
    """Canonical names where the taxonomy knows them, typed names otherwise; no duplicates."""
    cleaned: dict[str, str] = {}
    for name in names or ():
        name = " ".join(str(name).split())
        if name:
            name = canonical(name) or name
            cleaned.setdefault(name.casefold(), name)
    return list(cleaned.values())


def skills_from_description(description: str) -> tuple[list[str], list[str]]:
    """(required, preferred) skills read from a job description by the shared extractor."""
    target = job_target_from_description(description)
    return list(target.required_skills), list(target.preferred_skills)


def job_derive(job, *, extract_skills: bool) -> None:
    """Fill the derived fields of an unsaved job (in place).

    With `extract_skills`, skills are read again from the description (unless the recruiter
    set them by hand); otherwise the lists on the job are cleaned and kept.
    """
    if extract_skills and not job.skills_edited:
        job.required_skills, job.preferred_skills = skills_from_description(job.description)
    job.required_skills = skills_clean(job.required_skills)
    required = {name.casefold() for name in job.required_skills}
    job.preferred_skills = [
        name for name in skills_clean(job.preferred_skills) if name.casefold() not in required
    ]
    job.skill_keys = [name.casefold() for name in (*job.required_skills, *job.preferred_skills)]
    if not job.short_code:
        job.short_code = new_short_code()


def jobs_derive(jobs: list, *, extract_skills: bool = True) -> None:
    """job_derive for each job, then their vectors in one batch."""
    for job in jobs:
        job_derive(job, extract_skills=extract_skills)
    jobs_vectorise(jobs)
