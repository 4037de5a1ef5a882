"""Who sees which applications: the candidate their own, a recruiter those to their jobs."""

from django.db.models import Q, QuerySet

from accounts.models import Role
from ats.errors import ApplicationNotFound
from ats.models import Application


def applications_managed_by(*, user) -> QuerySet[Application]:
    """Applications to the user's own jobs (every application for an admin)."""
    applications = Application.objects.select_related("job", "candidate")
    if user.role == Role.ADMIN:
        return applications
    return applications.filter(job__owner=user)


def applications_of_candidate(*, user) -> QuerySet[Application]:
    """The user's own applications, newest first."""
    return Application.objects.select_related("job").filter(candidate=user)


def applications_visible_to(*, user) -> QuerySet[Application]:
    if user.role == Role.ADMIN:
        return Application.objects.select_related("job", "candidate")
    return Application.objects.select_related("job", "candidate").filter(
        Q(job__owner=user) | Q(candidate=user)
    )


def application_get_managed(*, user, application_id) -> Application:
    """An application to one of the user's jobs; 404 for anything else, however it exists."""
    application = applications_managed_by(user=user).filter(pk=application_id).first()
    if application is None:
        raise ApplicationNotFound()
    return application


def application_get_visible(*, user, application_id) -> Application:
    application = applications_visible_to(user=user).filter(pk=application_id).first()
    if application is None:
        raise ApplicationNotFound()
    return application
