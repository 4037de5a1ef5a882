"""A posting as the JobTarget the resumes app measures against (registered in apps.py)."""

from jobs.selectors import jobs_visible_to
from resumes.analysis import JobTarget


def job_target(job) -> JobTarget:
    return JobTarget(
        title=job.title,
        company=job.company or None,
        description=job.description,
        required_skills=tuple(job.required_skills),
        preferred_skills=tuple(job.preferred_skills),
        experience_level=job.experience_level or None,
    )


def job_target_for_user(job_id: int, user) -> JobTarget | None:
    """The job as a JobTarget when `user` may read it, else None."""
    job = jobs_visible_to(user=user).filter(pk=job_id).first()
    return job_target(job) if job is not None else None
