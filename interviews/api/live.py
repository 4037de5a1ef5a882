"""The live AI interview's REST side under /api/v1/ai-interview/ (the interview itself runs
over the socket `/ws/ai-interview/`): its progress, its results, deleting it, and a health
check with the number of interviews in progress.

An interview is its owner's: anyone else's is a 404.
"""

from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.schema import ERROR_REF
from core.http import client_ip
from interviews.api.serializers import AnswerScoresSerializer
from interviews.errors import LiveInterviewNotCompleted
from interviews.live.phases import TOTAL_QUESTIONS
from interviews.models import LiveStatus, Recommendation
from interviews.services.live import live_active_count, live_delete, live_get, live_progress

TAGS = ["live AI interview"]
SERVICE = "AI Interview WebSocket"
VERSION = "1.0.0"


class LiveStatusSerializer(serializers.Serializer):
    session_id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=LiveStatus.choices)
    current_phase = serializers.CharField(
        allow_null=True, help_text="The phase of the last question asked; null before the first."
    )
    questions_asked = serializers.IntegerField()
    questions_answered = serializers.IntegerField()
    total_questions = serializers.IntegerField(help_text=f"Always {TOTAL_QUESTIONS}.")
    progress_percentage = serializers.FloatField(help_text="Questions asked of the total, 0-100.")
    has_feedback = serializers.BooleanField(help_text="Whether the analysis exists.")
    timestamp = serializers.DateTimeField()


class ScoredLiveAnswerSerializer(serializers.Serializer):
    question_id = serializers.CharField(help_text="The phase the question belongs to.")
    scores = AnswerScoresSerializer()
    matched_key_points = serializers.ListField(child=serializers.CharField())
    missing_key_points = serializers.ListField(child=serializers.CharField())
    feedback = serializers.ListField(child=serializers.CharField())
    model_answer = serializers.CharField()
    sentiment = serializers.CharField()
    confidence = serializers.FloatField()


class LiveAnalysisSerializer(serializers.Serializer):
    overall_score = serializers.FloatField(help_text="0-10, the mean of the answers' scores.")
    technical_score = serializers.FloatField()
    communication_score = serializers.FloatField()
    problem_solving_score = serializers.FloatField()
    cultural_fit_score = serializers.FloatField()
    confidence_score = serializers.FloatField()
    strengths = serializers.ListField(child=serializers.CharField())
    areas_for_improvement = serializers.ListField(child=serializers.CharField())
    overall_feedback = serializers.CharField()
    recommendation = serializers.ChoiceField(choices=Recommendation.choices)
    answers = ScoredLiveAnswerSerializer(many=True)


class LiveInterviewDataSerializer(serializers.Serializer):
    questions_asked = serializers.IntegerField()
    questions_answered = serializers.IntegerField()
    total_messages = serializers.IntegerField(help_text="Entries in the transcript.")
    early_termination = serializers.BooleanField()
    completion_time = serializers.DateTimeField()


class LiveTranscriptEntrySerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=["interviewer", "candidate"])
    kind = serializers.ChoiceField(choices=["welcome", "question", "answer", "ended", "completed"])
    text = serializers.CharField(allow_blank=True)
    phase = serializers.CharField(required=False)
    number = serializers.IntegerField(required=False)
    at = serializers.DateTimeField()


class LiveResultsSerializer(serializers.Serializer):
    session_id = serializers.UUIDField()
    job_title = serializers.CharField()
    analysis = LiveAnalysisSerializer()
    interview_data = LiveInterviewDataSerializer()
    transcript = LiveTranscriptEntrySerializer(many=True)
    timestamp = serializers.DateTimeField()


class LiveDeletedSerializer(serializers.Serializer):
    message = serializers.CharField()
    timestamp = serializers.DateTimeField()


class LiveHealthSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["healthy"])
    service = serializers.CharField()
    active_sessions = serializers.IntegerField(help_text="Interviews in progress.")
    timestamp = serializers.DateTimeField()
    version = serializers.CharField()


class StatusView(APIView):
    """Where the interview is: asked and answered questions of five."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=LiveStatusSerializer, tags=TAGS)
    def get(self, request, session_id):
        interview = live_get(user=request.user, interview_id=session_id)
        body = {**live_progress(interview), "timestamp": timezone.now()}
        return Response(LiveStatusSerializer(body).data)


class ResultsView(APIView):
    """The analysis, the scored answers and the transcript of a completed interview."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        responses={
            200: LiveResultsSerializer,
            409: OpenApiResponse(
                ERROR_REF, description="interview_not_completed: it has no results yet."
            ),
        },
        tags=TAGS,
    )
    def get(self, request, session_id):
        interview = live_get(user=request.user, interview_id=session_id)
        if interview.status != LiveStatus.COMPLETED:
            raise LiveInterviewNotCompleted()
        body = {
            "session_id": interview.pk,
            "job_title": interview.job_title,
            "analysis": interview.analysis,
            "interview_data": {
                "questions_asked": interview.questions_asked,
                "questions_answered": interview.questions_answered,
                "total_messages": len(interview.transcript),
                "early_termination": interview.early_termination,
                "completion_time": interview.completed_at,
            },
            "transcript": interview.transcript,
            "timestamp": timezone.now(),
        }
        return Response(LiveResultsSerializer(body).data)


class SessionView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        responses={
            200: LiveDeletedSerializer,
            409: OpenApiResponse(
                ERROR_REF,
                description="live_interview_not_deletable: a recruiter's invitation belongs "
                "to the application.",
            ),
        },
        tags=TAGS,
    )
    def delete(self, request, session_id):
        """Delete an interview you started, with its transcript."""
        live_delete(user=request.user, interview_id=session_id, ip=client_ip(request))
        body = {"message": f"Session {session_id} deleted.", "timestamp": timezone.now()}
        return Response(LiveDeletedSerializer(body).data)


class HealthView(APIView):
    """The live interview service is up; how many interviews are in progress."""

    permission_classes = [AllowAny]

    @extend_schema(responses=LiveHealthSerializer, tags=TAGS)
    def get(self, request):
        body = {
            "status": "healthy",
            "service": SERVICE,
            "active_sessions": live_active_count(),
            "timestamp": timezone.now(),
            "version": VERSION,
        }
        return Response(LiveHealthSerializer(body).data)
