"""Apply pages: the public apply form, the candidate's applications and their timeline.

Thin views over the services the API uses; every page works without JavaScript. Applying
counts in the same per-IP bucket as the API.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods
from rest_framework.exceptions import ValidationError

from accounts.models import Role
from accounts.permissions import role_required
from ats.errors import AlreadyApplied
from ats.forms import ApplyForm, WithdrawForm
from ats.selectors import (
    application_get_own,
    application_of_user_for_job,
    applications_for_list,
)
from ats.services.applications import (
    APPLY_RATE_GROUP,
    application_apply,
    application_withdraw,
)
from ats.stages import Stage, allowed_next
from core.api.exceptions import flatten_errors
from core.errors import DomainError
from core.http import client_ip
from core.ratelimit import enforce_rate_limits
from core.views import renders_rate_limits
from jobs.selectors import jobs_open
from resumes import errors as resume_errors
from resumes.selectors import resumes_for_user

candidate_required = role_required(Role.CANDIDATE)
PAGE_SIZE = 20
# The stage badges of the shared stylesheet (hirewise.css, "Pipeline stages").
STAGE_BADGES = {
    Stage.APPLIED: "applied",
    Stage.UNDER_REVIEW: "screening",
    Stage.INTERVIEW_SCHEDULED: "interview",
    Stage.INTERVIEWED: "interview",
    Stage.OFFER: "offer",
    Stage.HIRED: "hired",
    Stage.REJECTED: "rejected",
    Stage.WITHDRAWN: "withdrawn",
}
# Errors about the uploaded file, shown on the file field.
FILE_ERRORS = (
    resume_errors.UnsupportedFileType,
    resume_errors.FileTooLarge,
    resume_errors.UnreadableFile,
    resume_errors.EncryptedFile,
    resume_errors.NoReadableText,
    resume_errors.ReaderMissing,
)


def stage_badge(stage: str) -> dict:
    return {"value": stage, "label": Stage(stage).label, "badge": STAGE_BADGES[Stage(stage)]}


def _open_job(job_id: int):
    job = jobs_open().select_related("owner").filter(pk=job_id).first()
    if job is None:
        raise Http404("No such job, or it is not open.")
    return job


# --- Apply ---------------------------------------------------------------------------------


@renders_rate_limits
@require_http_methods(["GET", "POST"])
def apply_view(request, job_id):
    job = _open_job(job_id)
    existing = application_of_user_for_job(user=request.user, job=job)
    if existing is not None:
        return _already_applied(request, job, existing)
    resumes = None
    if request.user.is_authenticated:
        resumes = resumes_for_user(user=request.user).defer("text", "parsed_data")
    posted = request.method == "POST"
    form = ApplyForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        initial={"source": request.GET.get("source", "")},
        job=job,
        user=request.user,
        resumes=resumes,
    )
    if posted:
        enforce_rate_limits(request, group=APPLY_RATE_GROUP, keys={"apply_ip": client_ip(request)})
        if form.is_valid():
            try:
                application = _apply(request, form, job)
            except AlreadyApplied:
                return _already_applied(request, job, None)
            if application is not None:
                return _applied(request, job, application)
    context = {"job": job, "form": form, "has_resumes": bool(resumes)}
    return render(request, "ats/apply.html", context)


def _apply(request, form: ApplyForm, job):
    """The new application, or None with the service's reasons on the form."""
    try:
        return application_apply(
            job=job,
            user=request.user,
            data=form.service_data(),
            upload=form.cleaned_data.get("file"),
            source=form.cleaned_data["source"],
        )
    except AlreadyApplied:
        raise
    except ValidationError as exc:
        for field, problems in flatten_errors(exc.detail).items():
            for problem in problems:
                _add_error(form, field, problem)
    except Http404:
        _add_error(form, "resume", "Choose one of your own resumes.")
    except DomainError as exc:
        field = next(iter(exc.errors), None)
        if field is None and isinstance(exc, FILE_ERRORS):
            field = "file"
        _add_error(form, field, str(exc.detail))
    return None


def _add_error(form, field: str | None, message: str) -> None:
    form.add_error(field if field in form.fields else None, message)


def _applied(request, job, application):
    if request.user.is_authenticated:
        messages.success(request, f"Your application to {job.title} is sent.")
        return redirect("ats:my_application", application_id=application.pk)
    context = {"job": job, "submitted": application}
    return render(request, "ats/apply.html", context)


def _already_applied(request, job, existing):
    own = existing is not None and existing.candidate_id == request.user.pk
    context = {"job": job, "existing": existing, "existing_is_own": own, "already": True}
    return render(request, "ats/apply.html", context, status=200 if existing else 409)


# --- The candidate's applications ----------------------------------------------------------


@candidate_required
@require_http_methods(["GET"])
def my_applications_view(request):
    applications = applications_for_list(user=request.user, as_role="candidate")
    page = Paginator(applications, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [{"application": item, "stage": stage_badge(item.stage)} for item in page]
    return render(request, "ats/my_applications.html", {"page": page, "rows": rows})


@candidate_required
@require_http_methods(["GET", "POST"])
def my_application_view(request, application_id):
    application = _own(request.user, application_id)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            application_withdraw(
                application=application, user=request.user, note=form.cleaned_data["note"]
            )
        except DomainError as exc:
            messages.error(request, str(exc.detail))
        else:
            messages.success(request, "Your application is withdrawn.")
        return redirect("ats:my_application", application_id=application.pk)
    timeline = [
        {
            "from": stage_badge(row.from_stage) if row.from_stage else None,
            "to": stage_badge(row.to_stage),
            "at": row.created_at,
        }
        for row in application.history.all()
    ]
    context = {
        "application": application,
        "stage": stage_badge(application.stage),
        "timeline": timeline,
        "can_withdraw": Stage.WITHDRAWN in allowed_next(application.stage),
        "form": form,
    }
    return render(request, "ats/my_application.html", context)


def _own(user, application_id):
    try:
        return application_get_own(user=user, application_id=application_id)
    except DomainError as exc:
        raise Http404 from exc
