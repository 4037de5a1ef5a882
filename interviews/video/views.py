"""Recruiter pages (meetings list, schedule from the candidate page or the board, reschedule,
cancel) and the candidate's upcoming interviews. The same services as the API."""

from zoneinfo import ZoneInfo

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import Role
from accounts.permissions import role_required
from ats.selectors import application_get_managed, application_is_managed_by
from core.errors import DomainError, InvalidInput
from core.http import client_ip
from interviews.video.forms import FORM_PREFIX, MeetingForm, ScheduleForm
from interviews.video.models import VideoMeeting
from interviews.video.selectors import (
    interviewers_for,
    meeting_ends_at,
    meeting_get_managed,
    meetings_filtered,
    meetings_visible_to,
    upcoming_meetings_for_candidate,
)
from interviews.video.services import meeting_cancel, meeting_reschedule, meeting_schedule

recruiter_required = role_required(Role.RECRUITER)
candidate_required = role_required(Role.CANDIDATE)
LIST_LIMIT = 50


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else fallback


def _or_404(call, **kwargs):
    try:
        return call(**kwargs)
    except DomainError as exc:
        if exc.status_code == 404:
            raise Http404 from exc
        raise


def schedule_initial(user) -> dict:
    """The organiser interviews, in the zone of their last meeting (most keep one)."""
    last = VideoMeeting.objects.filter(organizer=user).order_by("-created_at").first()
    return {"timezone": last.timezone if last else "UTC", "interviewers": [user.pk]}


def meeting_row(meeting: VideoMeeting, *, user=None) -> dict:
    """A meeting for the pages and the candidate-page panel (which the API returns too, so
    plain values only)."""
    application = meeting.application
    return {
        "id": str(meeting.pk),
        "title": meeting.title,
        "application_id": str(application.pk),
        "candidate_name": application.applicant_name,
        "job_title": application.job.title,
        "company": application.job.company,
        "starts_at": meeting.starts_at,
        "local_start": meeting.starts_at.astimezone(ZoneInfo(meeting.timezone)),
        "ends_at": meeting_ends_at(meeting),
        "timezone": meeting.timezone,
        "duration_minutes": meeting.duration_minutes,
        "provider": meeting.get_provider_display(),
        "status": meeting.status,
        "status_label": meeting.get_status_display(),
        "join_url": meeting.join_url,
        "interviewers": [person.name or person.email for person in meeting.interviewers.all()],
        "can_change": user is not None
        and application_is_managed_by(user=user, application=application),
    }


@recruiter_required
@require_GET
def meetings_view(request):
    visible = meetings_visible_to(user=request.user)
    upcoming = meetings_filtered(visible, when="upcoming")[:LIST_LIMIT]
    past = meetings_filtered(visible, when="past")[:LIST_LIMIT]
    context = {
        "upcoming": [meeting_row(meeting, user=request.user) for meeting in upcoming],
        "past": [meeting_row(meeting, user=request.user) for meeting in past],
    }
    return render(request, "interviews/video/meetings.html", context)


@recruiter_required
@require_http_methods(["GET", "POST"])
def schedule_view(request, application_id):
    application = _or_404(application_get_managed, user=request.user, application_id=application_id)
    fallback = reverse("ats:candidate", args=[application.pk])
    people = interviewers_for(application=application)
    form = ScheduleForm(
        request.POST or None,
        interviewers=people,
        initial=schedule_initial(request.user),
        prefix=FORM_PREFIX,
    )
    if request.method == "POST" and form.is_valid():
        try:
            meeting_schedule(
                user=request.user,
                application_id=application.pk,
                starts_at=form.starts_at(),
                duration_minutes=form.cleaned_data["duration_minutes"],
                interviewer_ids=[person.pk for person in form.cleaned_data["interviewers"]],
                timezone_name=form.cleaned_data["timezone"],
                title=form.cleaned_data["title"],
                ip=client_ip(request),
            )
        except InvalidInput as exc:
            form.add_service_errors(exc.errors)
        except DomainError as exc:
            form.add_error(None, exc.detail)
        else:
            messages.success(
                request,
                f"Video interview scheduled; {application.applicant_name} and the interviewers "
                "get an invitation by email.",
            )
            return redirect(_safe_next(request, fallback))
    context = {
        "form": form,
        "application": application,
        "next": _safe_next(request, fallback),
    }
    return render(request, "interviews/video/schedule.html", context)


@recruiter_required
@require_http_methods(["GET", "POST"])
def reschedule_view(request, meeting_id):
    meeting = _or_404(meeting_get_managed, user=request.user, meeting_id=meeting_id)
    fallback = reverse("video:meetings")
    initial = {
        "start": meeting.starts_at.astimezone(ZoneInfo(meeting.timezone)).replace(tzinfo=None),
        "timezone": meeting.timezone,
        "duration_minutes": meeting.duration_minutes,
        "interviewers": [person.pk for person in meeting.interviewers.all()],
    }
    people = interviewers_for(application=meeting.application)
    form = MeetingForm(
        request.POST or None, interviewers=people, initial=initial, prefix=FORM_PREFIX
    )
    if request.method == "POST" and form.is_valid():
        try:
            meeting_reschedule(
                user=request.user,
                meeting_id=meeting.pk,
                starts_at=form.starts_at(),
                duration_minutes=form.cleaned_data["duration_minutes"],
                interviewer_ids=[person.pk for person in form.cleaned_data["interviewers"]],
                timezone_name=form.cleaned_data["timezone"],
                ip=client_ip(request),
            )
        except InvalidInput as exc:
            form.add_service_errors(exc.errors)
        except DomainError as exc:
            form.add_error(None, exc.detail)
        else:
            messages.success(request, "Meeting moved; everyone gets the updated invitation.")
            return redirect(_safe_next(request, fallback))
    context = {"form": form, "meeting": meeting, "next": _safe_next(request, fallback)}
    return render(request, "interviews/video/reschedule.html", context)


@recruiter_required
@require_POST
def cancel_view(request, meeting_id):
    meeting = _or_404(meeting_get_managed, user=request.user, meeting_id=meeting_id)
    try:
        meeting_cancel(user=request.user, meeting_id=meeting.pk, ip=client_ip(request))
    except DomainError as exc:
        messages.error(request, exc.detail)
    else:
        messages.success(request, "Meeting cancelled; everyone gets the cancellation.")
    return redirect(_safe_next(request, reverse("video:meetings")))


@candidate_required
@require_GET
def my_meetings_view(request):
    rows = [meeting_row(meeting) for meeting in upcoming_meetings_for_candidate(request.user)]
    return render(request, "interviews/video/my_meetings.html", {"upcoming": rows})
