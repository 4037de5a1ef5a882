"""Errors a person reads when a job cannot be found, changed or reopened."""

from rest_framework import status

from core.errors import ConflictError, DomainError


class JobNotFound(DomainError):
    status_code = status.HTTP_404_NOT_FOUND
    default_code = "job_not_found"
    default_detail = "No such job, or it is not open."


class NotJobOwner(DomainError):
    status_code = status.HTTP_403_FORBIDDEN
    default_code = "not_job_owner"
    default_detail = "Only the recruiter who posted this job or an admin may change it."


class JobExpired(DomainError):
    default_code = "job_expired"
    default_detail = "The job's end date has passed. Move the end date to open it again."


class JobHasApplications(ConflictError):
    default_code = "job_has_applications"
    default_detail = "People have applied to this job, so it cannot be deleted. Close it instead."
