"""The live AI interview pages: choose a job and a resume, take the interview (the socket
does the talking: static/js/interviews/live.js), read its results; and the recruiter's
invitation from the candidate page."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from accounts.models import Role
from accounts.permissions import role_required
from core.errors import DomainError
from core.http import client_ip
from interviews.errors import LiveInterviewNotFound
from interviews.live.phases import PHASES, TOTAL_QUESTIONS
from interviews.models import LiveInterview, LiveStatus
from interviews.presenters import live_exchanges
from interviews.services.live import live_get, live_invite
from jobs.selectors import saved_jobs_for
from resumes.selectors import resumes_for_user

candidate_required = role_required(Role.CANDIDATE)
recruiter_required = role_required(Role.RECRUITER)
HISTORY_SIZE = 20
SOCKET_PATH = "/ws/ai-interview/"


def _own(request, interview_id) -> LiveInterview:
    try:
        return live_get(user=request.user, interview_id=interview_id)
    except LiveInterviewNotFound as exc:
        raise Http404 from exc


def _phases() -> list[dict]:
    return [{"value": str(phase), "label": phase.label} for phase in PHASES]


@require_GET
@candidate_required
def live_home_view(request):
    """The setup form (the script starts the interview over the socket), invitations and
    earlier interviews."""
    interviews = LiveInterview.objects.filter(user=request.user).order_by("-created_at")
    context = {
        "resumes": resumes_for_user(user=request.user).filter(parsed_data__isnull=False),
        "saved_jobs": [entry.job for entry in saved_jobs_for(user=request.user)[:50]],
        "invitations": interviews.filter(status=LiveStatus.INVITED),
        "history": interviews.exclude(status=LiveStatus.INVITED)[:HISTORY_SIZE],
        "socket_path": SOCKET_PATH,
        "phases": _phases(),
        "total_questions": TOTAL_QUESTIONS,
    }
    return render(request, "interviews/live.html", context)


@require_GET
@candidate_required
def live_interview_view(request, interview_id):
    """One interview: the script reconnects with its id and resumes at the current question."""
    interview = _own(request, interview_id)
    if interview.status == LiveStatus.COMPLETED:
        return redirect("interviews:live_results", interview_id=interview.pk)
    context = {
        "interview": interview,
        "socket_path": f"{SOCKET_PATH}?session_id={interview.pk}",
        "results_url": reverse("interviews:live_results", args=[interview.pk]),
        "phases": _phases(),
        "total_questions": TOTAL_QUESTIONS,
    }
    return render(request, "interviews/live_session.html", context)


@require_GET
@candidate_required
def live_results_view(request, interview_id):
    interview = _own(request, interview_id)
    if interview.status != LiveStatus.COMPLETED:
        return redirect("interviews:live_session", interview_id=interview.pk)
    context = {"interview": interview, "exchanges": live_exchanges(interview)}
    return render(request, "interviews/live_results.html", context)


@require_POST
@recruiter_required
def live_invite_view(request, application_id):
    try:
        live_invite(user=request.user, application_id=application_id, ip=client_ip(request))
    except DomainError as exc:
        if exc.status_code == 404:
            raise Http404 from exc
        messages.error(request, str(exc.detail))
    else:
        messages.success(request, "Invitation sent: the applicant gets an email with the link.")
    return redirect("ats:candidate", application_id=application_id)
