"""The candidate's practice pages: start, answer one question at a time, complete, history.

Thin over the session services the API uses; they work without JavaScript (the timer and
the paste/tab counters are progressive enhancement in static/js/interviews/practice.js).
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import Role
from accounts.permissions import role_required
from core.errors import DomainError
from interviews import rubric
from interviews.charts import trend_chart
from interviews.errors import SessionNotFound
from interviews.forms import AnswerForm, PracticeStartForm
from interviews.models import SessionStatus, SessionType
from interviews.presenters import answer_view, question_view, session_view
from interviews.selectors import practice_stats, session_get, sessions_of
from interviews.services.sessions import (
    answer_submit,
    session_complete,
    session_delete,
    session_next_question,
    session_start,
)
from jobs.selectors import saved_jobs_for

candidate_required = role_required(Role.CANDIDATE)
HISTORY_SIZE = 20


def _session(request, session_id):
    try:
        return session_get(user=request.user, session_id=session_id)
    except SessionNotFound as exc:
        raise Http404 from exc


def _start_form(request, data=None) -> PracticeStartForm:
    saved = [entry.job for entry in saved_jobs_for(user=request.user)[:50]]
    return PracticeStartForm(data, roles=rubric.role_choices(), saved_jobs=saved)


@require_http_methods(["GET", "POST"])
@candidate_required
def practice_home_view(request):
    """Start a session; invitations to screenings; the history with its trend."""
    form = _start_form(request, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            session = session_start(
                user=request.user,
                session_type=SessionType.PRACTICE,
                job_role=data["job_role"].strip() or form.role_labels.get(data["role"], ""),
                difficulty=data["difficulty"],
                total_questions=data["total_questions"],
                job=_saved_job(request, data["job_id"]) if data["job_id"] else None,
            )
        except DomainError as exc:
            form.add_error(None, str(exc.detail))
        else:
            return redirect("interviews:practice_session", session_id=session.pk)
    stats = practice_stats(user=request.user)
    context = {
        "form": form,
        "invitations": sessions_of(user=request.user, status=SessionStatus.INVITED),
        "history": sessions_of(user=request.user)[:HISTORY_SIZE],
        "stats": stats,
        "chart": trend_chart(stats["trend"]),
    }
    return render(request, "interviews/practice.html", context)


def _saved_job(request, job_id: int):
    """The form only offers the user's saved jobs, so the choice is one of them."""
    return saved_jobs_for(user=request.user).get(job_id=job_id).job


@require_GET
@candidate_required
def practice_session_view(request, session_id):
    """The current question (with the feedback on the last answer), or the summary."""
    session = _session(request, session_id)
    answers = list(session.answers.order_by("position"))
    item = None
    if session.status != SessionStatus.COMPLETED:
        item = session_next_question(session=session)
    context = {
        "session": session,
        "view": session_view(session, answers=answers, for_owner=True),
        "question": question_view(item, session.questions_answered) if item else None,
        "last": answer_view(answers[-1], session=session, for_owner=True) if answers else None,
        "form": AnswerForm(initial={"question_id": item["id"]}) if item else None,
    }
    return render(request, "interviews/session.html", context)


@require_POST
@candidate_required
def practice_answer_view(request, session_id):
    session = _session(request, session_id)
    form = AnswerForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            answer_submit(
                session=session,
                question_id=data["question_id"],
                answer_text=data["answer_text"],
                time_taken_seconds=data["time_taken_seconds"],
                paste_count=data.get("paste_count") or 0,
                tab_switches=data.get("tab_switches") or 0,
            )
        except DomainError as exc:
            messages.error(request, str(exc.detail))
    else:
        messages.error(request, "Write an answer before sending it.")
    return redirect("interviews:practice_session", session_id=session.pk)


@require_POST
@candidate_required
def practice_complete_view(request, session_id):
    try:
        session_complete(session=_session(request, session_id))
    except DomainError as exc:
        messages.error(request, str(exc.detail))
    return redirect("interviews:practice_session", session_id=session_id)


@require_POST
@candidate_required
def practice_delete_view(request, session_id):
    try:
        session_delete(session=_session(request, session_id))
    except DomainError as exc:
        messages.error(request, str(exc.detail))
        return redirect("interviews:practice_session", session_id=session_id)
    messages.success(request, "Session deleted.")
    return redirect("interviews:practice")
