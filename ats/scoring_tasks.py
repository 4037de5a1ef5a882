"""Background scoring: a posting's applicants scored again after it was edited.

Apart from ats.tasks because scoring imports the apply service, which imports ats.tasks.
"""

from celery import shared_task

from ats.services.ranking import job_applications_rescore


@shared_task
def rescore_job_applications(job_id: int) -> None:
    job_applications_rescore(job_id=job_id)
