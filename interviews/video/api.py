"""The video-meeting API under /api/v1/video/: meetings of applications, their recordings,
and Zoom's webhook. Thin: every rule is in interviews.video.services and selectors."""

from django.db.models import Count
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsRecruiter
from core.api.pagination import PagePagination
from core.api.ratelimit import RateLimitedMixin
from core.api.schema import ERROR_REF
from core.api.validation import IdField, validated
from core.http import client_ip
from interviews.video.models import MeetingProvider, MeetingStatus
from interviews.video.selectors import (
    MAX_DURATION_MINUTES,
    meeting_ends_at,
    meeting_get_visible,
    meetings_filtered,
    meetings_visible_to,
    recordings_visible_to,
)
from interviews.video.services import (
    MAX_INTERVIEWERS,
    MIN_DURATION_MINUTES,
    meeting_cancel,
    meeting_reschedule,
    meeting_schedule,
)
from interviews.video.webhook import handle_event, parse_event, verify_signature

TAGS = ["video meetings"]
PROVIDER_FAILED = OpenApiResponse(ERROR_REF, description="Zoom failed; nothing was changed")
NOT_CHANGEABLE = OpenApiResponse(ERROR_REF, description="The meeting ended or was cancelled")


class AwareDateTimeField(serializers.DateTimeField):
    """A date-time with its UTC offset: a naive one is refused rather than guessed."""

    default_error_messages = {
        "naive": "Give the time with its UTC offset, e.g. 2026-12-08T09:30:00+01:00."
    }

    def enforce_timezone(self, value):
        if value.tzinfo is None:
            self.fail("naive")
        return super().enforce_timezone(value)


class MeetingWriteSerializer(serializers.Serializer):
    start_time = AwareDateTimeField(help_text="In the future, with its UTC offset.")
    duration_minutes = serializers.IntegerField(
        min_value=MIN_DURATION_MINUTES, max_value=MAX_DURATION_MINUTES, default=45
    )
    interviewer_ids = serializers.ListField(
        child=IdField(),
        min_length=1,
        max_length=MAX_INTERVIEWERS,
        help_text="Users of the job's hiring side: its recruiters, domain experts, admins.",
    )
    timezone = serializers.CharField(
        max_length=64, default="UTC", help_text="IANA name the invitation shows, e.g. Europe/Paris."
    )


class ScheduleSerializer(MeetingWriteSerializer):
    application_id = serializers.UUIDField(help_text="An application to one of your jobs.")
    title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class RescheduleSerializer(MeetingWriteSerializer):
    """Any of the fields; those left out keep their value."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
            field.default = serializers.empty

    def validate(self, attrs):
        if not attrs:
            raise serializers.ValidationError(
                {"start_time": ["Give start_time, duration_minutes, timezone or interviewer_ids."]}
            )
        return attrs


class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    email = serializers.EmailField()


class MeetingSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    application_id = serializers.UUIDField()
    job_id = serializers.IntegerField()
    job_title = serializers.CharField()
    candidate_name = serializers.CharField()
    title = serializers.CharField()
    provider = serializers.ChoiceField(choices=MeetingProvider.choices)
    zoom_meeting_id = serializers.CharField(allow_blank=True)
    join_url = serializers.URLField()
    start_time = serializers.DateTimeField()
    end_time = serializers.DateTimeField()
    duration_minutes = serializers.IntegerField()
    timezone = serializers.CharField()
    status = serializers.ChoiceField(choices=MeetingStatus.choices)
    sequence = serializers.IntegerField(help_text="The invitation's revision (iCalendar).")
    interviewers = PersonSerializer(many=True)
    recordings_count = serializers.IntegerField()
    ended_at = serializers.DateTimeField(allow_null=True)
    cancelled_at = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


def meeting_body(meeting) -> dict:
    application = meeting.application
    return {
        "id": meeting.pk,
        "application_id": application.pk,
        "job_id": application.job_id,
        "job_title": application.job.title,
        "candidate_name": application.applicant_name,
        "title": meeting.title,
        "provider": meeting.provider,
        "zoom_meeting_id": meeting.external_id,
        "join_url": meeting.join_url,
        "start_time": meeting.starts_at,
        "end_time": meeting_ends_at(meeting),
        "duration_minutes": meeting.duration_minutes,
        "timezone": meeting.timezone,
        "status": meeting.status,
        "sequence": meeting.sequence,
        "interviewers": [
            {"id": person.pk, "name": person.name, "email": person.email}
            for person in meeting.interviewers.all()
        ],
        "recordings_count": _recordings_count(meeting),
        "ended_at": meeting.ended_at,
        "cancelled_at": meeting.cancelled_at,
        "created_at": meeting.created_at,
        "updated_at": meeting.updated_at,
    }


def _recordings_count(meeting) -> int:
    counted = getattr(meeting, "recordings_count", None)
    return meeting.recordings.count() if counted is None else counted


class MeetingsQuerySerializer(serializers.Serializer):
    when = serializers.ChoiceField(choices=["upcoming", "past"], required=False)
    status = serializers.ChoiceField(choices=MeetingStatus.choices, required=False)
    application_id = serializers.UUIDField(required=False)


class PerUserWrites(RateLimitedMixin):
    rate_limit_group = "meetings"

    def rate_limit_keys(self, request):
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return {}
        return {self.rate_limit_group: str(request.user.pk)}


class MeetingListView(PerUserWrites, GenericAPIView):
    """Meetings of applications to your jobs and those you interview in; schedule one."""

    permission_classes = [IsRecruiter]
    pagination_class = PagePagination
    serializer_class = MeetingSerializer

    @extend_schema(
        parameters=[MeetingsQuerySerializer], responses=MeetingSerializer(many=True), tags=TAGS
    )
    def get(self, request):
        query = validated(MeetingsQuerySerializer, request.query_params)
        meetings = meetings_filtered(
            meetings_visible_to(user=request.user),
            when=query.get("when", ""),
            status=query.get("status", ""),
            application_id=query.get("application_id"),
        ).annotate(recordings_count=Count("recordings"))
        page = self.paginate_queryset(meetings)
        return self.get_paginated_response(
            MeetingSerializer([meeting_body(meeting) for meeting in page], many=True).data
        )

    @extend_schema(
        request=ScheduleSerializer,
        responses={201: MeetingSerializer, 502: PROVIDER_FAILED},
        tags=TAGS,
    )
    def post(self, request):
        data = validated(ScheduleSerializer, request.data)
        meeting = meeting_schedule(
            user=request.user,
            application_id=data["application_id"],
            starts_at=data["start_time"],
            duration_minutes=data["duration_minutes"],
            interviewer_ids=data["interviewer_ids"],
            timezone_name=data["timezone"],
            title=data["title"],
            ip=client_ip(request),
        )
        return Response(
            MeetingSerializer(meeting_body(meeting)).data, status=status.HTTP_201_CREATED
        )


class MeetingDetailView(PerUserWrites, APIView):
    """One meeting; PATCH moves it (everyone gets the update), DELETE cancels it."""

    permission_classes = [IsRecruiter]

    @extend_schema(responses=MeetingSerializer, tags=TAGS)
    def get(self, request, meeting_id):
        meeting = meeting_get_visible(user=request.user, meeting_id=meeting_id)
        return Response(MeetingSerializer(meeting_body(meeting)).data)

    @extend_schema(
        request=RescheduleSerializer,
        responses={200: MeetingSerializer, 409: NOT_CHANGEABLE, 502: PROVIDER_FAILED},
        tags=TAGS,
    )
    def patch(self, request, meeting_id):
        data = validated(RescheduleSerializer, request.data)
        meeting = meeting_reschedule(
            user=request.user,
            meeting_id=meeting_id,
            starts_at=data.get("start_time"),
            duration_minutes=data.get("duration_minutes"),
            interviewer_ids=data.get("interviewer_ids"),
            timezone_name=data.get("timezone"),
            ip=client_ip(request),
        )
        return Response(MeetingSerializer(meeting_body(meeting)).data)

    @extend_schema(
        responses={204: None, 409: NOT_CHANGEABLE, 502: PROVIDER_FAILED},
        tags=TAGS,
    )
    def delete(self, request, meeting_id):
        meeting_cancel(user=request.user, meeting_id=meeting_id, ip=client_ip(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class RecordingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    meeting_id = serializers.UUIDField()
    meeting_title = serializers.CharField()
    application_id = serializers.UUIDField()
    recording_type = serializers.CharField(allow_blank=True)
    file_type = serializers.CharField(allow_blank=True)
    file_size = serializers.IntegerField(allow_null=True)
    play_url = serializers.CharField(allow_blank=True)
    download_url = serializers.CharField(allow_blank=True)
    recording_start = serializers.DateTimeField(allow_null=True)
    recording_end = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()


class RecordingsQuerySerializer(serializers.Serializer):
    meeting_id = serializers.UUIDField(required=False)


def recording_body(recording) -> dict:
    return {
        "id": recording.pk,
        "meeting_id": recording.meeting_id,
        "meeting_title": recording.meeting.title,
        "application_id": recording.meeting.application_id,
        "recording_type": recording.recording_type,
        "file_type": recording.file_type,
        "file_size": recording.file_size,
        "play_url": recording.play_url,
        "download_url": recording.download_url,
        "recording_start": recording.recording_start,
        "recording_end": recording.recording_end,
        "created_at": recording.created_at,
    }


class RecordingListView(GenericAPIView):
    """Zoom cloud recordings of the meetings you see, newest first."""

    permission_classes = [IsRecruiter]
    pagination_class = PagePagination
    serializer_class = RecordingSerializer

    @extend_schema(
        parameters=[RecordingsQuerySerializer], responses=RecordingSerializer(many=True), tags=TAGS
    )
    def get(self, request):
        query = validated(RecordingsQuerySerializer, request.query_params)
        recordings = recordings_visible_to(user=request.user)
        if query.get("meeting_id"):
            recordings = recordings.filter(meeting_id=query["meeting_id"])
        page = self.paginate_queryset(recordings.order_by("-created_at", "-id"))
        return self.get_paginated_response(
            RecordingSerializer([recording_body(item) for item in page], many=True).data
        )


class WebhookSerializer(serializers.Serializer):
    event = serializers.CharField(help_text="endpoint.url_validation, meeting.ended, …")
    payload = serializers.DictField(required=False)


class WebhookAnswerSerializer(serializers.Serializer):
    plainToken = serializers.CharField(required=False)  # Zoom's own field names
    encryptedToken = serializers.CharField(required=False)
    event = serializers.CharField(required=False)
    recorded = serializers.BooleanField(required=False)


class ZoomWebhookView(APIView):
    """Zoom's event notifications, signed with ZOOM_WEBHOOK_SECRET (x-zm-signature)."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        request=WebhookSerializer,
        responses={
            200: WebhookAnswerSerializer,
            401: OpenApiResponse(ERROR_REF, description="Signature missing, wrong or stale"),
        },
        tags=TAGS,
    )
    def post(self, request):
        body = request.body
        verify_signature(
            body=body,
            signature=request.headers.get("x-zm-signature", ""),
            timestamp=request.headers.get("x-zm-request-timestamp", ""),
        )
        return Response(handle_event(parse_event(body)))
