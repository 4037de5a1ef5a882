"""Practice and screening sessions under /api/v1/interview/, and screening invitations.

A session is its owner's: anyone else's is a 404. A screening candidate gets no scores back
(the rubric is the employer's); the recruiter reads them on the candidate page.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsCandidate, IsRecruiter
from core.api.pagination import PagePagination
from core.api.validation import validated
from core.http import client_ip
from interviews.api.serializers import AnswerScoresSerializer
from interviews.models import Difficulty, SessionStatus, SessionType
from interviews.presenters import answer_view, question_view, session_view
from interviews.selectors import practice_stats, session_get, sessions_of
from interviews.services.sessions import (
    answer_submit,
    screening_invite,
    session_complete,
    session_delete,
    session_next_question,
    session_start,
)
from jobs.selectors import job_get_saved_or_visible

TAGS = ["interview sessions"]
MAX_QUESTIONS = 20
MAX_ANSWER = 10000


class StartSerializer(serializers.Serializer):
    session_type = serializers.ChoiceField(
        choices=[SessionType.PRACTICE, SessionType.MOCK], default=SessionType.PRACTICE
    )
    job_role = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    difficulty = serializers.ChoiceField(choices=Difficulty.choices, default=Difficulty.MEDIUM)
    total_questions = serializers.IntegerField(min_value=1, max_value=MAX_QUESTIONS, default=5)
    job_id = serializers.IntegerField(required=False, min_value=1)
    skills = serializers.ListField(
        child=serializers.CharField(max_length=60), required=False, default=list, max_length=12
    )

    def validate(self, attrs):
        if not attrs.get("job_id") and not attrs["job_role"].strip() and not attrs["skills"]:
            raise serializers.ValidationError(
                {"job_role": ["Give a job role, skills or a job_id."]}
            )
        return attrs


class AnswerSerializer(serializers.Serializer):
    session_id = serializers.UUIDField()
    question_id = serializers.CharField(max_length=40)
    answer_text = serializers.CharField(max_length=MAX_ANSWER, trim_whitespace=True)
    time_taken_seconds = serializers.IntegerField(min_value=0, max_value=36000)
    paste_count = serializers.IntegerField(min_value=0, max_value=1000, default=0)
    tab_switches = serializers.IntegerField(min_value=0, max_value=1000, default=0)


class SessionsQuerySerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=SessionStatus.choices, required=False)
    session_type = serializers.ChoiceField(choices=SessionType.choices, required=False)


class InviteSerializer(serializers.Serializer):
    application_id = serializers.UUIDField(help_text="An application to one of your jobs.")
    total_questions = serializers.IntegerField(min_value=1, max_value=MAX_QUESTIONS, default=5)


class QuestionOutSerializer(serializers.Serializer):
    id = serializers.CharField()
    text = serializers.CharField()
    question_type = serializers.CharField()
    difficulty = serializers.CharField()
    skills = serializers.ListField(child=serializers.CharField())
    expected_seconds = serializers.IntegerField()
    position = serializers.IntegerField(help_text="1-based.")


class NextQuestionSerializer(serializers.Serializer):
    session_id = serializers.UUIDField()
    question = QuestionOutSerializer(allow_null=True, help_text="Null once all are answered.")
    questions_answered = serializers.IntegerField()
    total_questions = serializers.IntegerField()


class AnswerOutSerializer(serializers.Serializer):
    answer_id = serializers.IntegerField()
    question_id = serializers.CharField()
    scores = AnswerScoresSerializer(allow_null=True)
    matched_key_points = serializers.ListField(child=serializers.CharField())
    missing_key_points = serializers.ListField(child=serializers.CharField())
    feedback = serializers.ListField(child=serializers.CharField())
    model_answer = serializers.CharField(allow_null=True)
    sentiment = serializers.CharField(allow_null=True)
    questions_answered = serializers.IntegerField()
    total_questions = serializers.IntegerField()
    is_last = serializers.BooleanField()


class SessionOutSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    session_type = serializers.CharField()
    job_role = serializers.CharField()
    job_id = serializers.IntegerField(allow_null=True)
    difficulty = serializers.CharField()
    status = serializers.CharField()
    total_questions = serializers.IntegerField()
    questions_answered = serializers.IntegerField()
    average_score = serializers.FloatField(allow_null=True)
    recommendation = serializers.CharField(allow_null=True)
    ratings = serializers.DictField(allow_null=True)
    created_at = serializers.DateTimeField()
    started_at = serializers.DateTimeField(allow_null=True)
    completed_at = serializers.DateTimeField(allow_null=True)


class SessionDetailSerializer(SessionOutSerializer):
    summary = serializers.DictField(allow_null=True)
    answers = serializers.ListField(child=serializers.DictField())


def _session(request, session_id):
    return session_get(user=request.user, session_id=session_id)


class StartView(APIView):
    """Start a practice session: the job's approved bank when it has one, else the starter
    bank by role and skills (offline)."""

    permission_classes = [IsCandidate]

    @extend_schema(request=StartSerializer, responses={201: SessionDetailSerializer}, tags=TAGS)
    def post(self, request):
        data = validated(StartSerializer, request.data)
        job_id = data.pop("job_id", None)
        job = job_get_saved_or_visible(user=request.user, job_id=job_id) if job_id else None
        session = session_start(user=request.user, job=job, **data)
        body = session_view(session, answers=[], for_owner=True)
        return Response(SessionDetailSerializer(body).data, status=status.HTTP_201_CREATED)


class NextQuestionView(APIView):
    permission_classes = [IsCandidate]

    @extend_schema(responses=NextQuestionSerializer, tags=TAGS)
    def get(self, request, session_id):
        session = _session(request, session_id)
        item = session_next_question(session=session)
        body = {
            "session_id": session.pk,
            "question": question_view(item, session.questions_answered) if item else None,
            "questions_answered": session.questions_answered,
            "total_questions": session.total_questions,
        }
        return Response(NextQuestionSerializer(body).data)


class AnswerView(APIView):
    """Answer the current question: scored at once (400 for another question's id, 409
    after completion). Paste count and tab switches are what the page saw; kept as evidence."""

    permission_classes = [IsCandidate]

    @extend_schema(request=AnswerSerializer, responses={201: AnswerOutSerializer}, tags=TAGS)
    def post(self, request):
        data = validated(AnswerSerializer, request.data)
        session = _session(request, data.pop("session_id"))
        answer = answer_submit(session=session, **data)
        body = answer_view(answer, session=session, for_owner=True)
        return Response(AnswerOutSerializer(body).data, status=status.HTTP_201_CREATED)


class CompleteView(APIView):
    """Finish: overall score, ratings, feedback and the recommendation."""

    permission_classes = [IsCandidate]

    @extend_schema(request=None, responses=SessionDetailSerializer, tags=TAGS)
    def post(self, request, session_id):
        session = session_complete(session=_session(request, session_id))
        body = session_view(session, answers=list(session.answers.all()), for_owner=True)
        return Response(SessionDetailSerializer(body).data)


class SessionListView(GenericAPIView):
    """Your sessions, newest first; `?status=invited` lists screening invitations."""

    permission_classes = [IsCandidate]
    pagination_class = PagePagination
    serializer_class = SessionOutSerializer

    @extend_schema(
        parameters=[SessionsQuerySerializer], responses=SessionOutSerializer(many=True), tags=TAGS
    )
    def get(self, request):
        query = validated(SessionsQuerySerializer, request.query_params)
        sessions = sessions_of(
            user=request.user,
            status=query.get("status", ""),
            session_type=query.get("session_type", ""),
        )
        page = self.paginate_queryset(sessions)
        rows = [session_view(session, answers=None, for_owner=True) for session in page]
        return self.get_paginated_response(SessionOutSerializer(rows, many=True).data)


class SessionDetailView(APIView):
    permission_classes = [IsCandidate]

    @extend_schema(responses=SessionDetailSerializer, tags=TAGS)
    def get(self, request, session_id):
        session = _session(request, session_id)
        body = session_view(session, answers=list(session.answers.all()), for_owner=True)
        return Response(SessionDetailSerializer(body).data)

    @extend_schema(responses={204: None}, tags=TAGS)
    def delete(self, request, session_id):
        session_delete(session=_session(request, session_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class TrendPointSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    completed_at = serializers.DateTimeField()
    average_score = serializers.FloatField()
    session_type = serializers.CharField()
    job_role = serializers.CharField()


class StatsSerializer(serializers.Serializer):
    total_sessions = serializers.IntegerField()
    completed_sessions = serializers.IntegerField()
    average_score = serializers.FloatField(allow_null=True)
    best_score = serializers.FloatField(allow_null=True)
    questions_answered = serializers.IntegerField()
    average_answer_score = serializers.FloatField(allow_null=True)
    average_by_dimension = serializers.DictField(child=serializers.FloatField(allow_null=True))
    trend = TrendPointSerializer(many=True, help_text="The last 20 completed, oldest first.")


class StatsView(APIView):
    """Your practice statistics (screenings are the employer's and stay out)."""

    permission_classes = [IsCandidate]

    @extend_schema(responses=StatsSerializer, tags=TAGS)
    def get(self, request):
        return Response(StatsSerializer(practice_stats(user=request.user)).data)


class InviteView(APIView):
    """Invite an applicant of your job to a screening session on its approved questions."""

    permission_classes = [IsRecruiter]

    @extend_schema(request=InviteSerializer, responses={201: SessionOutSerializer}, tags=TAGS)
    def post(self, request):
        data = validated(InviteSerializer, request.data)
        session = screening_invite(user=request.user, ip=client_ip(request), **data)
        body = session_view(session, answers=None, for_owner=False)
        return Response(SessionOutSerializer(body).data, status=status.HTTP_201_CREATED)
