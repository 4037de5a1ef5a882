"""Staff views of the question bank, libraries, sessions, answers, live interviews and video
meetings.

Read-only: a question changes only through the services (each edit a version, each review
audited), so the writes here are the "Approve selected" and "Retire selected" actions, which
go through the review service. Sessions and answers are evidence and are never edited.
"""

from django.contrib import admin, messages

from core.admin import ReadOnlyAdmin
from interviews.errors import QuestionsNotReviewable
from interviews.models import (
    Answer,
    InterviewSession,
    LiveInterview,
    Question,
    QuestionVersion,
    SavedQuestion,
)
from interviews.services.questions import APPROVE, RETIRE, questions_review
from interviews.video.models import MeetingRecording, VideoMeeting


class QuestionVersionInline(admin.TabularInline):
    model = QuestionVersion
    extra = 0
    can_delete = False
    fields = ("number", "edited_by", "created_at", "content")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Question)
class QuestionAdmin(ReadOnlyAdmin):
    list_display = ("id", "short_text", "question_type", "difficulty", "status", "job", "version")
    list_filter = ("status", "question_type", "difficulty", "source")
    search_fields = ("text",)
    list_select_related = ("job",)
    inlines = [QuestionVersionInline]
    actions = ["approve_selected", "retire_selected"]

    @admin.display(description="Question")
    def short_text(self, obj):
        return obj.text[:80]

    def _review(self, request, queryset, action):
        decisions = [
            {"question_id": pk, "action": action} for pk in queryset.values_list("pk", flat=True)
        ]
        try:
            questions_review(user=request.user, decisions=decisions)
        except QuestionsNotReviewable as exc:
            reasons = "; ".join(f"{pk}: {why[0]}" for pk, why in exc.errors.items())
            self.message_user(request, f"Nothing changed. {reasons}", messages.WARNING)
        else:
            self.message_user(request, f"{len(decisions)} question(s) updated.", messages.SUCCESS)

    @admin.action(description="Approve selected questions")
    def approve_selected(self, request, queryset):
        self._review(request, queryset, APPROVE)

    @admin.action(description="Retire selected questions")
    def retire_selected(self, request, queryset):
        self._review(request, queryset, RETIRE)


@admin.register(QuestionVersion)
class QuestionVersionAdmin(ReadOnlyAdmin):
    list_display = ("question", "number", "edited_by", "created_at")
    list_select_related = ("question", "edited_by")


@admin.register(SavedQuestion)
class SavedQuestionAdmin(ReadOnlyAdmin):
    list_display = ("id", "owner", "category", "difficulty", "saved_at")
    list_filter = ("category", "difficulty")
    list_select_related = ("owner",)


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    can_delete = False
    fields = ("position", "question_id", "overall_score", "sentiment", "integrity_signals")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(InterviewSession)
class InterviewSessionAdmin(ReadOnlyAdmin):
    list_display = ("id", "user", "session_type", "status", "average_score", "created_at")
    list_filter = ("session_type", "status", "recommendation")
    list_select_related = ("user",)
    date_hierarchy = "created_at"
    inlines = [AnswerInline]


@admin.register(Answer)
class AnswerAdmin(ReadOnlyAdmin):
    list_display = ("session", "position", "question_id", "overall_score", "answered_at")
    list_select_related = ("session",)


@admin.register(LiveInterview)
class LiveInterviewAdmin(ReadOnlyAdmin):
    list_display = ("id", "user", "job_title", "status", "questions_answered", "overall_score")
    list_filter = ("status", "recommendation", "early_termination")
    list_select_related = ("user",)
    date_hierarchy = "created_at"


class MeetingRecordingInline(admin.TabularInline):
    model = MeetingRecording
    extra = 0
    can_delete = False
    fields = ("recording_type", "file_type", "file_size", "play_url", "recording_start")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(VideoMeeting)
class VideoMeetingAdmin(ReadOnlyAdmin):
    """Read-only: scheduling, moving and cancelling go through the services (Zoom, emails)."""

    list_display = ("title", "starts_at", "duration_minutes", "provider", "status", "sequence")
    list_filter = ("status", "provider")
    date_hierarchy = "starts_at"
    # Not host_url: Zoom's start link signs its holder in as the host.
    fields = (
        "application",
        "organizer",
        "interviewers",
        "title",
        "provider",
        "external_id",
        "join_url",
        "starts_at",
        "duration_minutes",
        "timezone",
        "status",
        "sequence",
        "ended_at",
        "cancelled_at",
        "created_at",
        "updated_at",
    )
    inlines = [MeetingRecordingInline]
