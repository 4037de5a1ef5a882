"""The job an analysis or document aims at: from a posting id or from pasted text.

Postings live in the jobs app, which sits above this one; it registers a resolver here at
start-up, so this app never imports it.
"""

from collections.abc import Callable
from dataclasses import asdict

from resumes.analysis import JobTarget, job_target_from_description
from resumes.errors import JobPostingNotFound

# A pasted job description shorter than this says too little to match skills against.
MIN_JOB_DESCRIPTION = 50


JobResolver = Callable[[int, object], JobTarget | None]
_resolver: JobResolver | None = None


def register_job_resolver(resolver: JobResolver) -> None:
    """The jobs app calls this: `resolver(job_id, user)` → JobTarget, or None when not found."""
    global _resolver  # one process-wide hook, set once at start-up
    _resolver = resolver


def job_target_resolve(
    *, user, job_id: int | None = None, description: str = "", title: str = ""
) -> JobTarget | None:
    """The job from a posting id, else from a description, else None."""
    if job_id is not None:
        target = _resolver(job_id, user) if _resolver is not None else None
        if target is None:
            raise JobPostingNotFound()
        return target
    if description:
        return job_target_from_description(description, title=title or None)
    return None


def job_target_dump(target: JobTarget | None) -> dict | None:
    return asdict(target) if target is not None else None


def job_target_load(data: dict | None) -> JobTarget | None:
    if not data:
        return None
    lists = {key: tuple(data[key]) for key in ("required_skills", "preferred_skills")}
    return JobTarget(**{**data, **lists})
