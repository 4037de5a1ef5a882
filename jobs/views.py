"""Job pages: the public board and job page, the candidate's matches and saved jobs, the
recruiter's postings and the market insights.

Thin views over the services and selectors the API uses. Every page works without
JavaScript; static/js/jobs/ only enhances (copying the share link). A job someone may not
see, or a recruiter's job managed by another recruiter, is a 404.
"""

import uuid

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from rest_framework.exceptions import ValidationError

from accounts.forms import add_service_errors
from accounts.models import Role
from accounts.permissions import role_required
from core.api.exceptions import flatten_errors
from core.errors import DomainError
from core.ratelimit import enforce_rate_limits
from core.views import renders_rate_limits
from jobs import presenters
from jobs.api.serializers import JobSerializer, JobWriteSerializer
from jobs.filters import job_filters_parse
from jobs.forms import (
    InsightsFilterForm,
    JobForm,
    JobSearchForm,
    JobStatusForm,
    MatchForm,
    ResumePickForm,
    preview_data,
)
from jobs.insights import job_insights
from jobs.matching.service import job_compatibility, match_jobs
from jobs.models import VECTOR_FIELDS, Job, JobStatus
from jobs.selectors import (
    job_get_by_code,
    job_get_for_user,
    job_may_change,
    jobs_list,
    saved_job_ids,
    saved_jobs_for,
)
from jobs.services.jobs import job_create, job_delete, job_set_status, job_update
from jobs.services.saved import job_save, job_unsave
from resumes import selectors as resume_selectors
from resumes.presenters import gauge, required_matched

candidate_required = role_required(Role.CANDIDATE)
recruiter_required = role_required(Role.RECRUITER)
BOARD_PAGE_SIZE = 20
MANAGE_PAGE_SIZE = 25
# The matches page shows 10 cards, and 10 more on each "Show more", up to 50.
MATCH_STEP = 10
MATCH_LIMIT = 50
# What a job card never shows: the long text and the vectors.
CARD_SKIPS = ("description", *VECTOR_FIELDS)


def _limit(request, bucket: str) -> None:
    """Count a costly action in the same per-user bucket the API counts it in."""
    enforce_rate_limits(request, group=bucket, keys={bucket: str(request.user.pk)})


def _page(request, items, size: int):
    return Paginator(items, size).get_page(request.GET.get("page"))


def _visible_job(user, job_id: int) -> Job:
    try:
        return job_get_for_user(user=user, job_id=job_id)
    except DomainError as exc:
        raise Http404 from exc


def _back(request, fallback: str):
    """Where a POST form asked to return (`next`), when it is one of our own pages."""
    target = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return redirect(target if allowed else fallback)


def _saved_ids(request, jobs) -> set[int]:
    if not request.user.is_authenticated:
        return set()
    return saved_job_ids(user=request.user, job_ids=[job.pk for job in jobs])


# --- Public board and job page -------------------------------------------------------------


@require_GET
def job_board_view(request):
    form = JobSearchForm(request.GET)
    filters = _board_filters(request, form)
    page = None
    if filters is not None:
        jobs = jobs_list(user=request.user, filters=filters).defer(*CARD_SKIPS)
        page = _page(request, jobs, BOARD_PAGE_SIZE)
    context = {
        "form": form,
        "page": page,
        "saved_ids": _saved_ids(request, page or []),
        "has_filters": form.has_filters(),
    }
    return render(request, "jobs/board.html", context)


def _board_filters(request, form: JobSearchForm):
    """The parsed filters, or None with the reasons shown on the form."""
    form.is_valid()
    try:
        filters = job_filters_parse(form.filter_query(), user=request.user)
    except ValidationError as exc:
        form.add_parser_errors(flatten_errors(exc.detail))
        return None
    return None if form.errors else filters


def _prefers_json(request) -> bool:
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


@require_GET
def job_share_view(request, short_code):
    """The public job page; JSON for clients that ask for it first."""
    wants_json = _prefers_json(request)
    try:
        job = job_get_by_code(user=request.user, short_code=short_code)
    except DomainError as exc:
        if not wants_json:
            raise Http404 from exc
        response = JsonResponse(exc.as_payload(), status=404)
    else:
        response = _job_response(request, job, wants_json)
    patch_vary_headers(response, ["Accept"])
    return response


def _job_response(request, job: Job, wants_json: bool):
    if wants_json:
        return JsonResponse(JobSerializer(job, context={"request": request}).data)
    context = {
        "job": job,
        "share_url": request.build_absolute_uri(job.share_path),
        "is_saved": bool(_saved_ids(request, [job])),
        "may_change": job_may_change(user=request.user, job=job),
    }
    return render(request, "jobs/job_detail.html", context)


@candidate_required
@require_POST
def job_save_view(request, job_id):
    job = _visible_job(request.user, job_id)
    job_save(user=request.user, job=job)
    messages.success(request, f"{job.title} is in your saved jobs.")
    return _back(request, job.share_path)


@candidate_required
@require_POST
def job_unsave_view(request, job_id):
    # A saved job that closed since is no longer visible, yet still the user's to remove.
    saved = saved_jobs_for(user=request.user).filter(job_id=job_id).first()
    job = saved.job if saved else _visible_job(request.user, job_id)
    job_unsave(user=request.user, job=job)
    messages.success(request, f"{job.title} is no longer saved.")
    return _back(request, job.share_path)


# --- Candidate: matches, fit with one job, saved jobs --------------------------------------


def _resume_choices(user):
    return resume_selectors.resumes_for_user(user=user).defer("text", "parsed_data")


def _match_form(request, resumes) -> MatchForm:
    """Bound to the request; the newest resume when none is chosen (a first visit)."""
    data = request.GET.copy()
    data.setdefault("resume", str(resumes[0].pk))
    return MatchForm(data, resumes=resumes)


@candidate_required
@renders_rate_limits
@require_GET
def matches_view(request):
    resumes = _resume_choices(request.user)
    if not resumes:
        return render(request, "jobs/matches.html", {"form": None})
    form = _match_form(request, resumes)
    shown = _matches_shown(request)
    # One more than shown tells whether a "Show more" has anything to show.
    result = _matches(request, form, limit=shown + 1) if form.is_valid() else None
    context = {"form": form, "result": result}
    if result is not None:
        rows = presenters.match_rows(
            result["items"][:shown], resume_id=result["resume_id"], weights=result.get("weights")
        )
        saved = saved_job_ids(user=request.user, job_ids=[row["job"]["id"] for row in rows])
        for row in rows:
            row["saved"] = row["job"]["id"] in saved
        context["rows"] = rows
        if len(result["items"]) > shown and shown < MATCH_LIMIT:
            context["more_url"] = _with_query(request.path, form.data, shown=shown + MATCH_STEP)
    return render(request, "jobs/matches.html", context)


def _matches_shown(request) -> int:
    try:
        wanted = int(request.GET.get("shown", MATCH_STEP))
    except ValueError:
        wanted = MATCH_STEP
    return min(max(wanted, MATCH_STEP), MATCH_LIMIT)


def _with_query(path: str, data, **changes) -> str:
    """`path` with the form's data (the chosen resume included) and `changes` as its query."""
    query = data.copy()
    for name, value in changes.items():
        query[name] = value
    return f"{path}?{query.urlencode()}"


def _matches(request, form: MatchForm, *, limit: int) -> dict | None:
    """match_jobs for the chosen resume, or None with the reason on the form."""
    _limit(request, "job_match")
    resume = resume_selectors.resume_get(
        user=request.user, resume_id=form.cleaned_data["resume"].pk
    )
    try:
        return match_jobs(
            resume=resume, preferences=form.preferences(), limit=limit, user=request.user
        )
    except DomainError as exc:
        add_service_errors(form, exc)
        return None


@candidate_required
@renders_rate_limits
@require_GET
def compatibility_view(request, job_id):
    """How one resume fits one job: the score, the skills and the plan to close the gaps."""
    job = _visible_job(request.user, job_id)
    resumes = _resume_choices(request.user)
    context = {"job": job, "form": None}
    if resumes:
        resume = _picked_resume(request, resumes)
        _limit(request, "job_match")
        try:
            result = job_compatibility(resume=resume, job=job)
        except DomainError as exc:
            messages.error(request, str(exc.detail))
            result = None
        context.update(
            form=ResumePickForm(initial={"resume": resume.pk}, resumes=resumes),
            resume=resume,
            result=result,
        )
        if result is not None:
            context.update(_compatibility_charts(result))
    return render(request, "jobs/compatibility.html", context)


def _picked_resume(request, resumes):
    """`?resume=<uuid>` (one of the user's, else 404), or the newest resume."""
    raw = request.GET.get("resume")
    if raw is None:
        resume_id = resumes[0].pk
    else:
        try:
            resume_id = uuid.UUID(raw)
        except ValueError as exc:
            raise Http404 from exc
    return resume_selectors.resume_get(user=request.user, resume_id=resume_id)


def _compatibility_charts(result: dict) -> dict:
    match = result["skill_match_analysis"]
    return {
        "required_matched": required_matched(match),
        "score_gauge": gauge(round(result["score"])),
        "match_gauge": gauge(round(match["match_percentage"])),
        "bars": presenters.breakdown_bars(result.get("breakdown") or {}, result.get("weights")),
    }


@candidate_required
@require_GET
def saved_jobs_view(request):
    saved = saved_jobs_for(user=request.user).defer(*(f"job__{name}" for name in CARD_SKIPS))
    page = _page(request, saved, BOARD_PAGE_SIZE)
    return render(request, "jobs/saved.html", {"page": page})


# --- Recruiter: postings -------------------------------------------------------------------


def _managed_jobs(user):
    """A recruiter's own postings in every state; every posting for an admin."""
    jobs = Job.objects.all() if user.role == Role.ADMIN else Job.objects.filter(owner=user)
    return jobs.select_related("owner")


def _managed_job(user, job_id: int) -> Job:
    return get_object_or_404(_managed_jobs(user), pk=job_id)


@recruiter_required
@require_GET
def manage_jobs_view(request):
    jobs = _managed_jobs(request.user)
    status = request.GET.get("status", "")
    counts = jobs.aggregate(
        all=Count("pk"), **{value: Count("pk", filter=Q(status=value)) for value in JobStatus}
    )
    if status in JobStatus.values:
        jobs = jobs.filter(status=status)
    # "applications" is the applicant tracking app's reverse relation: a name, not an import.
    jobs = jobs.defer(*CARD_SKIPS).annotate(
        saves_count=Count("saves", distinct=True),
        applicants_count=Count("applications", distinct=True),
    )
    context = {
        "page": _page(request, jobs.order_by("-created_at", "-id"), MANAGE_PAGE_SIZE),
        "status": status if status in JobStatus.values else "",
        "tabs": [("", "All", counts["all"])]
        + [(value, label, counts[value]) for value, label in JobStatus.choices],
        "is_admin": request.user.role == Role.ADMIN,
    }
    return render(request, "jobs/manage.html", context)


@recruiter_required
def job_create_view(request):
    return _job_form_page(request, job=None)


@recruiter_required
def job_edit_view(request, job_id):
    return _job_form_page(request, job=_managed_job(request.user, job_id))


def _job_form_page(request, *, job: Job | None):
    """New or edit: "Preview extracted skills" shows the skills the description yields
    (nothing saved); "Save" validates like the API and saves through the service."""
    preview = None
    if request.method == "POST" and "preview" in request.POST:
        values, required, preferred = preview_data(request.POST)
        form = JobForm(initial=values, job=job)
        preview = {"required": required, "preferred": preferred}
    else:
        form = JobForm(request.POST if request.method == "POST" else None, job=job)
        if request.method == "POST" and form.is_valid():
            saved = _save_job(request, form, job)
            if saved is not None:
                verb = "updated" if job else "created"
                messages.success(request, f"{saved.title} is {verb}.")
                return redirect("jobs:manage")
    context = {"form": form, "job": job, "preview": preview}
    return render(request, "jobs/job_form.html", context)


def _save_job(request, form: JobForm, job: Job | None) -> Job | None:
    """The saved job, or None with the serializer's or service's reasons on the form."""
    try:
        serializer = JobWriteSerializer(
            data=form.service_data(), instance=job, context={"request": request}
        )
        serializer.is_valid(raise_exception=True)
        if job is None:
            return job_create(owner=request.user, data=serializer.validated_data)
        return job_update(job=job, user=request.user, data=serializer.validated_data)
    except ValidationError as exc:
        for field, problems in flatten_errors(exc.detail).items():
            target = field.split(".")[0]
            for problem in problems:
                form.add_error(target if target in form.fields else None, problem)
    except DomainError as exc:
        add_service_errors(form, exc)
    return None


@recruiter_required
@require_POST
def job_status_view(request, job_id):
    job = _managed_job(request.user, job_id)
    form = JobStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose open, closed or draft.")
    else:
        try:
            job = job_set_status(job=job, user=request.user, status=form.cleaned_data["status"])
        except DomainError as exc:
            messages.error(request, str(exc.detail))
        else:
            messages.success(request, f"{job.title} is now {job.get_status_display().lower()}.")
    return _back(request, "jobs:manage")


@recruiter_required
def job_delete_view(request, job_id):
    """A confirmation page; the POST deletes."""
    job = _managed_job(request.user, job_id)
    if request.method == "POST":
        try:
            job_delete(job=job, user=request.user)
        except DomainError as error:
            messages.error(request, str(error.detail))
            return redirect("jobs:manage")
        messages.success(request, f"{job.title} is deleted.")
        return redirect("jobs:manage")
    return render(request, "jobs/job_delete.html", {"job": job})


# --- Insights ------------------------------------------------------------------------------


@require_GET
def insights_view(request):
    form = InsightsFilterForm(request.GET)
    filters = _board_filters(request, form)
    insights = job_insights(filters=filters) if filters is not None else None
    context = {"form": form, "insights": insights}
    if insights is not None:
        context["charts"] = presenters.insights_charts(insights)
    return render(request, "jobs/insights.html", context)
