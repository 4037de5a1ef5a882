"""The recruiter's pipeline board of a job: columns by stage, a move form and a reject
button on every card, and a bulk form for the ticked cards. Plain forms: no JavaScript.

The same services as the API; a refused move or a conflict comes back as a message on the
board. Another recruiter's job or application is a 404.
"""

import uuid

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from accounts.models import Role
from accounts.permissions import role_required
from ats.api.serializers import MAX_NOTE
from ats.board import PER_STAGE_MAX, pipeline_board
from ats.errors import BulkStageMoveNotAllowed
from ats.selectors import application_get_managed, applications_managed_by, job_get_managed
from ats.services.pipeline import (
    MAX_BULK,
    application_move_stage,
    applications_bulk_move,
    applications_bulk_reject,
)
from ats.stages import Stage
from core.errors import DomainError

recruiter_required = role_required(Role.RECRUITER)
PAGE_STEP = 20
# Where a bulk move may go: nothing moves back to applied, and withdrawing is the applicant's.
BULK_TARGETS = [
    (value, label)
    for value, label in Stage.choices
    if value not in (Stage.APPLIED, Stage.WITHDRAWN)
]


class MoveForm(forms.Form):
    stage = forms.ChoiceField(choices=Stage.choices)
    note = forms.CharField(required=False, max_length=MAX_NOTE, strip=True)
    from_stage = forms.ChoiceField(choices=Stage.choices, required=False)


class BulkForm(forms.Form):
    MOVE, REJECT = "move", "reject"

    action = forms.ChoiceField(choices=[(MOVE, "Move"), (REJECT, "Reject")])
    application_ids = forms.TypedMultipleChoiceField(
        choices=(), coerce=str, error_messages={"required": "Tick at least one applicant."}
    )
    stage = forms.ChoiceField(choices=BULK_TARGETS, required=False)
    note = forms.CharField(required=False, max_length=MAX_NOTE, strip=True)

    def __init__(self, *args, application_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application_ids"].choices = [(pk, pk) for pk in application_ids]

    def clean(self):
        data = super().clean()
        if len(data.get("application_ids") or ()) > MAX_BULK:
            self.add_error("application_ids", f"Tick at most {MAX_BULK} applicants at once.")
        if data.get("action") == self.MOVE and not data.get("stage"):
            self.add_error("stage", "Choose the stage to move them to.")
        if data.get("action") == self.REJECT and not data.get("note"):
            self.add_error("note", "Give a reason for the rejection.")
        return data


def _board_job(user, job_id: int):
    try:
        return job_get_managed(user=user, job_id=job_id)
    except DomainError as exc:
        raise Http404 from exc


def _board_url(job_id: int, anchor: str = "") -> str:
    url = reverse("ats:board", kwargs={"job_id": job_id})
    return f"{url}#{anchor}" if anchor else url


def _back(request, fallback: str):
    """Back to `next` when it is one of our pages (the candidate page posts here too)."""
    target = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return redirect(target if allowed else fallback)


def _form_problems(form: forms.Form) -> str:
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


def _cards_per_column(request) -> int:
    """A page shows 20 cards a column (each carries its forms); "show more" asks for more."""
    try:
        wanted = int(request.GET.get("per_stage", PAGE_STEP))
    except ValueError:
        wanted = PAGE_STEP
    return min(max(wanted, 1), PER_STAGE_MAX)


@recruiter_required
@require_GET
def board_view(request, job_id):
    job = _board_job(request.user, job_id)
    board = pipeline_board(job=job, per_stage=_cards_per_column(request))
    context = {"board": board, "bulk_targets": BULK_TARGETS, "more": board.per_stage + PAGE_STEP}
    context["max_per_stage"] = PER_STAGE_MAX
    return render(request, "ats/board.html", context)


@recruiter_required
@require_POST
def move_view(request, application_id):
    try:
        application = application_get_managed(user=request.user, application_id=application_id)
    except DomainError as exc:
        raise Http404 from exc
    fallback = _board_url(application.job_id, f"card-{application.pk}")
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_problems(form))
        return _back(request, fallback)
    to_stage = form.cleaned_data["stage"]
    try:
        # From the stage the recruiter saw: if it has moved since, a conflict.
        application_move_stage(
            application=application,
            to_stage=to_stage,
            actor=request.user,
            note=form.cleaned_data["note"],
            from_stage=form.cleaned_data["from_stage"] or None,
        )
    except DomainError as exc:
        messages.error(request, f"{application.applicant_name}: {exc.detail}")
    else:
        label = Stage(to_stage).label.lower()
        messages.success(request, f"{application.applicant_name} moved to {label}.")
    return _back(request, fallback)


@recruiter_required
@require_POST
def bulk_view(request, job_id):
    job = _board_job(request.user, job_id)
    ticked = request.POST.getlist("application_ids")
    applications = {
        str(application.pk): application
        for application in applications_managed_by(user=request.user)
        .select_related(None)
        .filter(job=job, pk__in=_uuids(ticked))
        .only("id", "job_id", "candidate_id", "stage", "applicant_name")
    }
    form = BulkForm(request.POST, application_ids=list(applications))
    if not form.is_valid():
        messages.error(request, _form_problems(form))
        return redirect(_board_url(job.pk))
    chosen = [applications[pk] for pk in form.cleaned_data["application_ids"]]
    try:
        if form.cleaned_data["action"] == BulkForm.REJECT:
            result = applications_bulk_reject(
                applications=chosen, actor=request.user, reason=form.cleaned_data["note"]
            )
        else:
            result = applications_bulk_move(
                applications=chosen,
                to_stage=form.cleaned_data["stage"],
                actor=request.user,
                note=form.cleaned_data["note"],
            )
    except BulkStageMoveNotAllowed as exc:
        reasons = "; ".join(
            f"{applications[pk].applicant_name}: {' '.join(why)}" for pk, why in exc.errors.items()
        )
        messages.error(request, f"{exc.detail} {reasons}")
    except DomainError as exc:
        messages.error(request, str(exc.detail))
    else:
        count = result["moved"]
        noun = "applicant" if count == 1 else "applicants"
        label = Stage(result["stage"]).label.lower()
        messages.success(request, f"{count} {noun} moved to {label}.")
    return redirect(_board_url(job.pk))


def _uuids(values: list[str]) -> list[str]:
    """The values that are UUIDs (a malformed one would fail the query on PostgreSQL)."""
    valid = []
    for value in values:
        try:
            valid.append(str(uuid.UUID(value)))
        except ValueError:
            continue
    return valid
