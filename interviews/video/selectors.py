"""Who sees which meetings and recordings, and who may interview.

A meeting is seen by those who manage its application (the job's owner, admins) and by its
interviewers; only the managers change it. Anyone else gets a 404, however it exists.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone

from accounts.models import Role
from interviews.video.errors import MeetingNotFound
from interviews.video.models import MeetingRecording, MeetingStatus, VideoMeeting

MAX_DURATION_MINUTES = 480
# Domain experts and admins review every application (ats.selectors.REVIEWS_ALL).
SHARED_INTERVIEWER_ROLES = (Role.DOMAIN_EXPERT, Role.ADMIN)


def _meetings() -> QuerySet[VideoMeeting]:
    return VideoMeeting.objects.select_related(
        "application__job", "application__candidate", "organizer"
    ).prefetch_related("interviewers")


def meetings_visible_to(*, user) -> QuerySet[VideoMeeting]:
    if user.role == Role.ADMIN:
        return _meetings()
    interviewing = VideoMeeting.interviewers.through.objects.filter(user=user).values(
        "videomeeting_id"
    )
    return _meetings().filter(Q(application__job__owner=user) | Q(pk__in=interviewing))


def meetings_managed_by(*, user) -> QuerySet[VideoMeeting]:
    if user.role == Role.ADMIN:
        return _meetings()
    return _meetings().filter(application__job__owner=user)


def meeting_get_visible(*, user, meeting_id) -> VideoMeeting:
    meeting = meetings_visible_to(user=user).filter(pk=meeting_id).first()
    if meeting is None:
        raise MeetingNotFound()
    return meeting


def meeting_get_managed(*, user, meeting_id) -> VideoMeeting:
    meeting = meetings_managed_by(user=user).filter(pk=meeting_id).first()
    if meeting is None:
        raise MeetingNotFound()
    return meeting


def meetings_filtered(
    queryset: QuerySet[VideoMeeting], *, when: str = "", status: str = "", application_id=None
) -> QuerySet[VideoMeeting]:
    """`when`: "upcoming" (soonest first) or "past" (latest first); else by start time."""
    now = timezone.now()
    if application_id:
        queryset = queryset.filter(application_id=application_id)
    if status:
        queryset = queryset.filter(status=status)
    if when == "upcoming":
        return queryset.filter(
            status=MeetingStatus.SCHEDULED,
            starts_at__gt=now - timedelta(minutes=MAX_DURATION_MINUTES),
        ).order_by("starts_at", "id")
    if when == "past":
        return queryset.filter(Q(starts_at__lte=now) | ~Q(status=MeetingStatus.SCHEDULED)).order_by(
            "-starts_at", "-id"
        )
    return queryset.order_by("starts_at", "id")


def meeting_ends_at(meeting: VideoMeeting):
    return meeting.starts_at + timedelta(minutes=meeting.duration_minutes)


def upcoming_meetings_for_candidate(user) -> list[VideoMeeting]:
    """The candidate's scheduled interviews that have not ended yet, soonest first."""
    now = timezone.now()
    meetings = (
        VideoMeeting.objects.select_related("application__job")
        .prefetch_related("interviewers")
        .filter(
            application__candidate=user,
            status=MeetingStatus.SCHEDULED,
            starts_at__gt=now - timedelta(minutes=MAX_DURATION_MINUTES),
        )
        .order_by("starts_at", "id")
    )
    return [meeting for meeting in meetings if meeting_ends_at(meeting) > now]


def meetings_for_application(*, application) -> QuerySet[VideoMeeting]:
    return _meetings().filter(application=application).order_by("-starts_at", "-id")


def recordings_visible_to(*, user) -> QuerySet[MeetingRecording]:
    meetings = meetings_visible_to(user=user).values("pk")
    return MeetingRecording.objects.select_related("meeting__application__job").filter(
        meeting__in=meetings
    )


def interviewers_for(*, application) -> QuerySet:
    """Who may interview for the application's job: its owner, the recruiters who post jobs
    for the same company, and the domain experts and admins who review every application."""
    job = application.job
    people = Q(pk=job.owner_id) | Q(role__in=SHARED_INTERVIEWER_ROLES)
    if job.company.strip():
        people |= Q(role=Role.RECRUITER, jobs__company__iexact=job.company.strip())
    users = get_user_model().objects.filter(people, is_active=True)
    return get_user_model().objects.filter(pk__in=users.values("pk")).order_by("name", "email")
