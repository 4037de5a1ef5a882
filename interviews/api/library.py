"""Personal questions from one's own analysed resume, regenerated answers, and the library."""

from collections.abc import Mapping

from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsCandidate
from core.api.pagination import PagePagination
from core.api.schema import ERROR_REF
from core.api.validation import validated
from interviews.api.questions import PerUserRateLimit
from interviews.models import Difficulty, QuestionType
from interviews.selectors import library_for_user, saved_question_get
from interviews.services.library import (
    library_delete,
    library_save,
    personal_questions,
    suggested_answer,
)

TAGS = ["question library"]
MAX_PERSONAL = 20


class PersonalRequestSerializer(serializers.Serializer):
    analysis_id = serializers.UUIDField(help_text="One of your completed analyses.")
    job_title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    company = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    num_questions = serializers.IntegerField(min_value=1, max_value=MAX_PERSONAL, default=10)


class PersonalQuestionSerializer(serializers.Serializer):
    id = serializers.CharField()
    question = serializers.CharField()
    category = serializers.ChoiceField(choices=QuestionType.choices)
    difficulty = serializers.ChoiceField(choices=Difficulty.choices)
    answer = serializers.CharField()


class PersonalResponseSerializer(serializers.Serializer):
    questions = PersonalQuestionSerializer(many=True)
    analysis_id = serializers.UUIDField()
    engine = serializers.CharField()
    generated_at = serializers.DateTimeField()


class RegenerateSerializer(serializers.Serializer):
    analysis_id = serializers.UUIDField()
    question_id = serializers.CharField(max_length=40, required=False, default="")
    question = serializers.CharField(max_length=2000)
    job_title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    variant = serializers.IntegerField(
        min_value=1, max_value=100, default=1, help_text="Ask again with 2, 3, ... for others."
    )


class RegeneratedSerializer(serializers.Serializer):
    question_id = serializers.CharField()
    answer = serializers.CharField()
    engine = serializers.CharField()
    regenerated_at = serializers.DateTimeField()


class SaveSerializer(serializers.Serializer):
    question = serializers.CharField(max_length=2000)
    answer = serializers.CharField(max_length=6000, required=False, allow_blank=True, default="")
    category = serializers.ChoiceField(choices=QuestionType.choices)
    difficulty = serializers.ChoiceField(choices=Difficulty.choices)
    tags = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False, default=list, max_length=10
    )
    job_title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    company = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class SavedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    question = serializers.CharField()
    answer = serializers.CharField()
    category = serializers.CharField()
    difficulty = serializers.CharField()
    tags = serializers.ListField(child=serializers.CharField())
    job_title = serializers.CharField()
    company = serializers.CharField()
    saved_at = serializers.DateTimeField()


class LibraryQuerySerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=QuestionType.choices, required=False)
    difficulty = serializers.ChoiceField(choices=Difficulty.choices, required=False)
    tags = serializers.CharField(required=False, help_text="Comma-separated: all must match.")


def _lowered(data, names):
    """The seeds wrote categories capitalised ("Technical", "Problem-Solving"): accept both.
    A body that is not an object is passed on as it is, for the serializer to refuse."""
    if not isinstance(data, Mapping):
        return data
    data = data.copy()
    for name in names:
        if isinstance(data.get(name), str):
            data[name] = data[name].strip().casefold().replace("-", "_")
    return data


class PersonalQuestionsView(PerUserRateLimit, APIView):
    """Questions about your own resume, each with an answer drawn only from its facts."""

    permission_classes = [IsCandidate]
    rate_limit_group = "generation"

    @extend_schema(
        request=PersonalRequestSerializer, responses=PersonalResponseSerializer, tags=TAGS
    )
    def post(self, request):
        data = validated(PersonalRequestSerializer, request.data)
        questions, meta = personal_questions(user=request.user, **data)
        body = {
            "questions": questions,
            "analysis_id": data["analysis_id"],
            "engine": meta["engine"],
            "generated_at": timezone.now(),
        }
        return Response(PersonalResponseSerializer(body).data)


class RegenerateAnswerView(PerUserRateLimit, APIView):
    """Another suggested answer to one question, from the same resume facts."""

    permission_classes = [IsCandidate]
    rate_limit_group = "generation"

    @extend_schema(request=RegenerateSerializer, responses=RegeneratedSerializer, tags=TAGS)
    def post(self, request):
        data = validated(RegenerateSerializer, request.data)
        answer, meta = suggested_answer(
            user=request.user,
            analysis_id=data["analysis_id"],
            question=data["question"],
            job_title=data["job_title"],
            variant=data["variant"],
        )
        body = {
            "question_id": data["question_id"],
            "answer": answer,
            "engine": meta["engine"],
            "regenerated_at": timezone.now(),
        }
        return Response(RegeneratedSerializer(body).data)


class LibraryView(GenericAPIView):
    """Your saved questions (filter by category, difficulty, tags), or save one (409 when it
    is already there)."""

    permission_classes = [IsCandidate]
    pagination_class = PagePagination
    serializer_class = SavedSerializer

    @extend_schema(
        parameters=[LibraryQuerySerializer], responses=SavedSerializer(many=True), tags=TAGS
    )
    def get(self, request):
        query = validated(
            LibraryQuerySerializer, _lowered(request.query_params, ("category", "difficulty"))
        )
        tags = tuple(
            tag.strip().casefold() for tag in query.get("tags", "").split(",") if tag.strip()
        )
        entries = library_for_user(
            user=request.user,
            category=query.get("category", ""),
            difficulty=query.get("difficulty", ""),
            tags=tags,
        )
        page = self.paginate_queryset(entries)
        return self.get_paginated_response(SavedSerializer(page, many=True).data)

    @extend_schema(
        request=SaveSerializer,
        responses={
            201: SavedSerializer,
            409: OpenApiResponse(ERROR_REF, description="question_already_saved"),
        },
        tags=TAGS,
    )
    def post(self, request):
        data = validated(SaveSerializer, _lowered(request.data, ("category", "difficulty")))
        entry = library_save(user=request.user, **data)
        return Response(SavedSerializer(entry).data, status=status.HTTP_201_CREATED)


class LibraryEntryView(APIView):
    permission_classes = [IsCandidate]

    @extend_schema(responses={204: None}, tags=TAGS)
    def delete(self, request, saved_id):
        library_delete(entry=saved_question_get(user=request.user, saved_id=saved_id))
        return Response(status=status.HTTP_204_NO_CONTENT)
