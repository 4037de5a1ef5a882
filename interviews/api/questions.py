"""The question bank: generate drafts, write one, review many, list, read, edit, try the rubric.

Recruiters write questions for their own jobs (another recruiter's job or question: 404);
domain experts and admins review and see the whole bank; candidates get 403.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsDomainExpert, IsRecruiter
from core.api.pagination import PagePagination
from core.api.ratelimit import RateLimitedMixin
from core.api.validation import validated
from core.http import client_ip
from interviews import rubric
from interviews.api.serializers import (
    MAX_GOLD,
    MAX_SKILLS,
    MAX_TEXT,
    KeyPointSerializer,
    QuestionDetailSerializer,
    QuestionFieldsSerializer,
    QuestionSerializer,
    ScoredAnswerSerializer,
)
from interviews.models import Difficulty, QuestionStatus, QuestionType
from interviews.selectors import (
    approved_questions_for_job,
    job_for_questions,
    question_get,
    question_list,
)
from interviews.services.questions import (
    APPROVE,
    EDIT_APPROVE,
    MAX_GENERATED,
    REJECT,
    RETIRE,
    question_create,
    question_update,
    questions_generate,
    questions_review,
)

TAGS = ["questions"]
MAX_DECISIONS = 100
MAX_ANSWER = 10000


class PerUserRateLimit(RateLimitedMixin):
    """Generation costs (a model call when Gemini is keyed): counted per user."""

    def rate_limit_keys(self, request):
        return {self.rate_limit_group: str(request.user.pk)}


class GenerateSerializer(serializers.Serializer):
    job_id = serializers.IntegerField(required=False, min_value=1)
    skills = serializers.ListField(
        child=serializers.CharField(max_length=60), required=False, max_length=MAX_SKILLS
    )
    difficulty = serializers.ChoiceField(choices=Difficulty.choices, default=Difficulty.MEDIUM)
    count = serializers.IntegerField(min_value=1, max_value=MAX_GENERATED, default=5)
    types = serializers.ListField(
        child=serializers.ChoiceField(choices=QuestionType.choices), required=False, default=list
    )

    def validate(self, attrs):
        if not attrs.get("job_id") and not attrs.get("skills"):
            raise serializers.ValidationError({"skills": ["Give job_id or skills."]})
        return attrs


class GeneratedSerializer(serializers.Serializer):
    questions = QuestionSerializer(many=True)
    engine = serializers.CharField(help_text="local or gemini: which engine wrote the words.")
    model = serializers.CharField(allow_null=True)
    fallback_reason = serializers.CharField(allow_null=True)


class CreateSerializer(QuestionFieldsSerializer):
    job_id = serializers.IntegerField(required=False, min_value=1)
    text = serializers.CharField(max_length=MAX_TEXT)
    question_type = serializers.ChoiceField(choices=QuestionType.choices)
    difficulty = serializers.ChoiceField(choices=Difficulty.choices)
    gold_answer = serializers.CharField(max_length=MAX_GOLD)
    key_points = KeyPointSerializer(many=True, required=False, max_length=12)


class DecisionSerializer(serializers.Serializer):
    question_id = serializers.IntegerField(min_value=1)
    action = serializers.ChoiceField(choices=[APPROVE, REJECT, EDIT_APPROVE, RETIRE])
    reason = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")
    changes = QuestionFieldsSerializer(required=False)


class ReviewSerializer(serializers.Serializer):
    decisions = DecisionSerializer(many=True, min_length=1, max_length=MAX_DECISIONS)


class ListQuerySerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=QuestionStatus.choices, required=False)
    job_id = serializers.IntegerField(required=False, min_value=1)
    skill = serializers.CharField(required=False, max_length=60)
    type = serializers.ChoiceField(choices=QuestionType.choices, required=False)
    difficulty = serializers.ChoiceField(choices=Difficulty.choices, required=False)


class JobQuestionsQuerySerializer(serializers.Serializer):
    approved = serializers.BooleanField(required=False, default=True)


class TryAnswerSerializer(serializers.Serializer):
    answer_text = serializers.CharField(max_length=MAX_ANSWER)
    time_taken_seconds = serializers.IntegerField(required=False, min_value=0, max_value=36000)


class GenerateView(PerUserRateLimit, APIView):
    """Draft questions with gold answers and key points for a job or a list of skills."""

    permission_classes = [IsRecruiter]
    rate_limit_group = "generation"

    @extend_schema(request=GenerateSerializer, responses={201: GeneratedSerializer}, tags=TAGS)
    def post(self, request):
        data = validated(GenerateSerializer, request.data)
        job = (
            job_for_questions(user=request.user, job_id=data["job_id"])
            if data.get("job_id")
            else None
        )
        drafts, meta = questions_generate(
            user=request.user,
            job=job,
            skills=data.get("skills") or (),
            difficulty=data["difficulty"],
            count=data["count"],
            types=data["types"],
        )
        body = {"questions": drafts, **meta}
        return Response(GeneratedSerializer(body).data, status=status.HTTP_201_CREATED)


class QuestionListView(GenericAPIView):
    """The bank and the expert's queue (`?status=draft`, oldest first), filtered; or write one
    question (its key points are proposed from the gold answer when none are given)."""

    permission_classes = [IsRecruiter]
    pagination_class = PagePagination
    serializer_class = QuestionSerializer

    @extend_schema(
        parameters=[ListQuerySerializer], responses=QuestionSerializer(many=True), tags=TAGS
    )
    def get(self, request):
        query = validated(ListQuerySerializer, request.query_params)
        questions = question_list(
            user=request.user,
            status=query.get("status", ""),
            job_id=query.get("job_id"),
            skill=query.get("skill", ""),
            question_type=query.get("type", ""),
            difficulty=query.get("difficulty", ""),
        )
        page = self.paginate_queryset(questions)
        return self.get_paginated_response(QuestionSerializer(page, many=True).data)

    @extend_schema(request=CreateSerializer, responses={201: QuestionDetailSerializer}, tags=TAGS)
    def post(self, request):
        data = validated(CreateSerializer, request.data)
        job_id = data.pop("job_id", None)
        job = job_for_questions(user=request.user, job_id=job_id) if job_id else None
        question = question_create(user=request.user, job=job, **data)
        return Response(QuestionDetailSerializer(question).data, status=status.HTTP_201_CREATED)


class ReviewView(APIView):
    """Approve, reject (with a reason), edit-and-approve or retire many questions at once; if
    any decision cannot be made, none is, and `errors` names each question and why."""

    permission_classes = [IsDomainExpert]

    @extend_schema(request=ReviewSerializer, responses=QuestionSerializer(many=True), tags=TAGS)
    def post(self, request):
        data = validated(ReviewSerializer, request.data)
        questions = questions_review(
            user=request.user, decisions=data["decisions"], ip=client_ip(request)
        )
        return Response(QuestionSerializer(questions, many=True).data)


class QuestionDetailView(APIView):
    """One question with its versions; PATCH edits it (every change is a new version)."""

    permission_classes = [IsRecruiter]

    @extend_schema(responses=QuestionDetailSerializer, tags=TAGS)
    def get(self, request, question_id):
        question = question_get(user=request.user, question_id=question_id)
        return Response(QuestionDetailSerializer(question).data)

    @extend_schema(request=QuestionFieldsSerializer, responses=QuestionDetailSerializer, tags=TAGS)
    def patch(self, request, question_id):
        changes = validated(QuestionFieldsSerializer, request.data)
        question = question_get(user=request.user, question_id=question_id)
        question = question_update(user=request.user, question=question, changes=changes)
        return Response(QuestionDetailSerializer(question).data)


class JobQuestionsView(GenericAPIView):
    """A job's questions: the approved bank by default, `?approved=false` for all of them."""

    permission_classes = [IsRecruiter]
    pagination_class = PagePagination
    serializer_class = QuestionSerializer

    @extend_schema(
        parameters=[JobQuestionsQuerySerializer], responses=QuestionSerializer(many=True), tags=TAGS
    )
    def get(self, request, job_id):
        query = validated(JobQuestionsQuerySerializer, request.query_params)
        job = job_for_questions(user=request.user, job_id=job_id)
        if query["approved"]:
            questions = approved_questions_for_job(job=job)
        else:
            questions = question_list(user=request.user, job_id=job.pk)
        page = self.paginate_queryset(questions)
        return self.get_paginated_response(QuestionSerializer(page, many=True).data)


class TryRubricView(APIView):
    """Score an answer against a question's rubric: exactly what a session would give."""

    permission_classes = [IsDomainExpert]

    @extend_schema(request=TryAnswerSerializer, responses=ScoredAnswerSerializer, tags=TAGS)
    def post(self, request, question_id):
        data = validated(TryAnswerSerializer, request.data)
        question = question_get(user=request.user, question_id=question_id)
        scored = rubric.score(
            rubric.plan_item(question),
            data["answer_text"],
            time_taken_seconds=data.get("time_taken_seconds"),
        )
        return Response(ScoredAnswerSerializer(scored).data)
