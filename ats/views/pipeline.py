"""The recruiter's pipeline board of a job: columns by stage, compact cards, and a bulk form
for the ticked cards.

A card moves three ways: dragged to another column or picked from its move menu (the board's
script posts here and asks for JSON), or without JavaScript through the card's move page.
The same services as the API; a refused move or a conflict is said on the card (JSON), or on
the board as a message and on the card (pages). Another recruiter's job or application is a
404.
"""

import uuid
from dataclasses import asdict

from django import forms
from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import Role
from accounts.permissions import role_required
from ats.api.serializers import MAX_NOTE
from ats.board import PER_STAGE_MAX, card_for, move_refusal, pipeline_board
from ats.errors import BulkStageMoveNotAllowed, StageMoveNotAllowed
from ats.hooks import move_followups
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
    """A page shows 20 cards a column; "show more" asks for more."""
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
    notes, offers = _card_notes(request), _followups_after_move(request, job)
    for card in board.cards():
        card.note, card.offers = notes.get(card.id, ""), offers.get(card.id, [])
    context = {
        "board": board,
        "bulk_targets": BULK_TARGETS,
        "more": board.per_stage + PAGE_STEP,
        "max_per_stage": PER_STAGE_MAX,
    }
    return render(request, "ats/board.html", context)


def _card_notes(request) -> dict[str, str]:
    """The refusals of moves made without JavaScript, by card, to show on the card too."""
    notes = {}
    for message in messages.get_messages(request):
        tags = message.extra_tags.split()
        if "card-refusal" in tags:
            notes[tags[-1]] = str(message)
    return notes


def _followups_after_move(request, job) -> dict:
    """{card id: follow-ups} for the card a move page has just moved (`?moved=<id>`)."""
    moved = _uuids([request.GET.get("moved", "")])
    if not moved:
        return {}
    application = applications_managed_by(user=request.user).filter(job=job, pk=moved[0]).first()
    if application is None:
        return {}
    return {str(application.pk): move_followups(application=application, user=request.user)}


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@recruiter_required
@require_http_methods(["GET", "POST"])
def move_view(request, application_id):
    """GET: the move page of one card (no JavaScript). POST: the move, from anywhere."""
    try:
        application = application_get_managed(user=request.user, application_id=application_id)
    except DomainError as exc:
        raise Http404 from exc
    if request.method == "GET":
        return _move_page(request, application)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return _move_refused(request, application, _form_problems(form), malformed=True)
    to_stage = form.cleaned_data["stage"]
    from_stage = form.cleaned_data["from_stage"] or application.stage
    try:
        # From the stage the recruiter saw: if it has moved since, a conflict.
        application_move_stage(
            application=application,
            to_stage=to_stage,
            actor=request.user,
            note=form.cleaned_data["note"],
            from_stage=from_stage,
        )
    except StageMoveNotAllowed:
        words = move_refusal(
            name=application.applicant_name, from_stage=from_stage, to_stage=to_stage
        )
        return _move_refused(request, application, words)
    except DomainError as exc:
        words = f"{application.applicant_name}: {exc.detail}"
        return _move_refused(request, application, words)
    return _moved(request, application)


def _move_page(request, application):
    context = {
        "application": application,
        "card": card_for(application),
        "board_url": _board_url(application.job_id, f"card-{application.pk}"),
    }
    return render(request, "ats/move.html", context)


def _moved(request, application):
    label = Stage(application.stage).label.lower()
    words = f"{application.applicant_name} moved to {label}."
    if _wants_json(request):
        card = card_for(application)
        followups = move_followups(application=application, user=request.user)
        return JsonResponse(
            {
                "moved": True,
                "message": words,
                "stage": card.stage,
                "allowed": [{"stage": value, "label": name} for value, name in card.next_choices],
                "followups": [asdict(offer) for offer in followups],
            }
        )
    messages.success(request, words)
    fallback = _board_url(application.job_id)
    fallback = f"{fallback}?moved={application.pk}#card-{application.pk}"
    return _back(request, fallback)


def _move_refused(request, application, words: str, *, malformed: bool = False):
    """A move the stages or a newer move refuse is an answer the board says on the card
    (200, `moved: false`, so the browser logs no failed request); a malformed post is a 400."""
    if _wants_json(request):
        return JsonResponse({"moved": False, "detail": words}, status=400 if malformed else 200)
    messages.error(request, words, extra_tags=f"card-refusal {application.pk}")
    return _back(request, _board_url(application.job_id, f"card-{application.pk}"))


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
