"""The question bank pages: a recruiter's questions for a job (generate, see the approved
bank), the domain expert's queue (bulk approve or reject), one question (edit, see what
changed, try the rubric), and a screening invitation from the candidate page."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import Role
from accounts.permissions import role_required
from core.errors import DomainError
from core.http import client_ip
from interviews import rubric
from interviews.errors import QuestionNotFound, QuestionsNotReviewable
from interviews.forms import GenerateForm, InviteForm, QuestionEditForm, TryRubricForm
from interviews.models import QuestionStatus
from interviews.selectors import job_for_questions, question_get, question_list
from interviews.services.questions import (
    APPROVE,
    EDIT_APPROVE,
    REJECT,
    question_update,
    questions_generate,
    questions_review,
)
from interviews.services.sessions import screening_invite
from interviews.versions import version_changes
from jobs.errors import JobNotFound

recruiter_required = role_required(Role.RECRUITER)
expert_required = role_required(Role.DOMAIN_EXPERT)
PAGE_SIZE = 25


def _job(request, job_id):
    try:
        return job_for_questions(user=request.user, job_id=job_id)
    except JobNotFound as exc:
        raise Http404 from exc


def _question(request, question_id):
    try:
        return question_get(user=request.user, question_id=question_id)
    except QuestionNotFound as exc:
        raise Http404 from exc


@require_http_methods(["GET", "POST"])
@recruiter_required
def job_questions_view(request, job_id):
    """Generate drafts for a job; its questions by status, the approved bank first."""
    job = _job(request, job_id)
    form = GenerateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            drafts, meta = questions_generate(user=request.user, job=job, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, str(exc.detail))
        else:
            messages.success(
                request,
                f"{len(drafts)} draft(s) written by the {meta['engine']} engine; a domain "
                "expert approves them before they are used.",
            )
            return redirect("interviews:job_questions", job_id=job.pk)
    questions = list(question_list(user=request.user, job_id=job.pk))
    context = {
        "job": job,
        "form": form,
        "approved": [q for q in questions if q.status == QuestionStatus.APPROVED],
        "others": [q for q in questions if q.status != QuestionStatus.APPROVED],
    }
    return render(request, "interviews/job_questions.html", context)


@require_http_methods(["GET", "POST"])
@expert_required
def review_queue_view(request):
    """Drafts, oldest first: approve or reject the ticked ones at once."""
    if request.method == "POST":
        _bulk_review(request)
        return redirect(request.get_full_path())
    status = request.GET.get("status") or QuestionStatus.DRAFT
    if status not in QuestionStatus.values:
        status = QuestionStatus.DRAFT
    page = Paginator(question_list(user=request.user, status=status), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"page": page, "status": status, "statuses": QuestionStatus.choices}
    return render(request, "interviews/review_queue.html", context)


def _bulk_review(request) -> None:
    action = request.POST.get("action")
    ids = [int(pk) for pk in request.POST.getlist("question_ids") if pk.isdigit()]
    if action not in (APPROVE, REJECT) or not ids:
        messages.error(request, "Tick at least one question, then approve or reject.")
        return
    reason = request.POST.get("reason", "")
    decisions = [{"question_id": pk, "action": action, "reason": reason} for pk in ids]
    try:
        questions_review(user=request.user, decisions=decisions, ip=client_ip(request))
    except QuestionsNotReviewable as exc:
        reasons = "; ".join(f"#{pk}: {why[0]}" for pk, why in exc.errors.items())
        messages.error(request, f"{exc.detail} {reasons}")
    else:
        verb = "approved" if action == APPROVE else "rejected"
        messages.success(request, f"{len(ids)} question(s) {verb}.")


@require_http_methods(["GET", "POST"])
@recruiter_required
def question_view(request, question_id):
    """One question: edit it (a new version), or as an expert edit-and-approve; the
    versions with what changed; the "try the rubric" box for experts."""
    question = _question(request, question_id)
    form = QuestionEditForm(request.POST or None, initial=QuestionEditForm.initial_for(question))
    is_expert = request.user.has_role(Role.DOMAIN_EXPERT)
    if request.method == "POST" and form.is_valid():
        changes = {k: v for k, v in form.cleaned_data.items() if k != "key_points" or v}
        try:
            if is_expert and request.POST.get("action") == EDIT_APPROVE:
                questions_review(
                    user=request.user,
                    decisions=[
                        {"question_id": question.pk, "action": EDIT_APPROVE, "changes": changes}
                    ],
                    ip=client_ip(request),
                )
            else:
                question_update(user=request.user, question=question, changes=changes)
        except QuestionsNotReviewable as exc:
            form.add_error(None, next(iter(exc.errors.values()))[0])
        else:
            messages.success(request, "Question saved.")
            return redirect("interviews:question", question_id=question.pk)
    return render(request, "interviews/question.html", _question_context(request, question, form))


def _question_context(request, question, form, trial=None, trial_form=None) -> dict:
    return {
        "question": question,
        "form": form,
        "changes": version_changes(list(question.versions.order_by("number"))),
        "is_expert": request.user.has_role(Role.DOMAIN_EXPERT),
        "trial_form": trial_form or TryRubricForm(),
        "trial": trial,
    }


@require_POST
@expert_required
def try_rubric_view(request, question_id):
    question = _question(request, question_id)
    trial_form = TryRubricForm(request.POST)
    trial = None
    if trial_form.is_valid():
        trial = rubric.score(rubric.plan_item(question), trial_form.cleaned_data["answer_text"])
    form = QuestionEditForm(initial=QuestionEditForm.initial_for(question))
    context = _question_context(request, question, form, trial=trial, trial_form=trial_form)
    return render(request, "interviews/question.html", context)


@require_POST
@recruiter_required
def invite_view(request, application_id):
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            screening_invite(
                user=request.user,
                application_id=application_id,
                total_questions=form.cleaned_data["total_questions"],
                ip=client_ip(request),
            )
        except DomainError as exc:
            if exc.status_code == 404:
                raise Http404 from exc
            messages.error(request, str(exc.detail))
        else:
            messages.success(
                request, "Invitation sent: the applicant sees it in their practice page."
            )
    return redirect("ats:candidate", application_id=application_id)
