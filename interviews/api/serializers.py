"""Shapes shared by the interviews API: questions with their rubric, and versions."""

from rest_framework import serializers

from interviews.models import Difficulty, QuestionType

MAX_TEXT = 2000
MAX_GOLD = 6000
MAX_KEY_POINTS = 12
MAX_SKILLS = 12


class KeyPointSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=300)
    weight = serializers.FloatField(
        required=False,
        min_value=0.0,
        max_value=10.0,
        help_text="Relative importance; 1 if omitted.",
    )
    alternatives = serializers.ListField(
        child=serializers.CharField(max_length=300), required=False, default=list, max_length=10
    )


class QuestionFieldsSerializer(serializers.Serializer):
    """The editable part of a question (all optional: PATCH uses it as is)."""

    text = serializers.CharField(max_length=MAX_TEXT, required=False)
    question_type = serializers.ChoiceField(choices=QuestionType.choices, required=False)
    difficulty = serializers.ChoiceField(choices=Difficulty.choices, required=False)
    skills = serializers.ListField(
        child=serializers.CharField(max_length=60), required=False, max_length=MAX_SKILLS
    )
    gold_answer = serializers.CharField(max_length=MAX_GOLD, required=False)
    key_points = KeyPointSerializer(many=True, required=False, max_length=MAX_KEY_POINTS)
    expected_seconds = serializers.IntegerField(required=False, min_value=15, max_value=1800)

    def validate_key_points(self, value):
        if not value:
            raise serializers.ValidationError("Give at least one key point.")
        return value


class QuestionVersionSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    content = serializers.DictField()
    edited_by = serializers.IntegerField(source="edited_by_id", allow_null=True)
    created_at = serializers.DateTimeField()


class QuestionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    job_id = serializers.IntegerField(allow_null=True)
    text = serializers.CharField()
    question_type = serializers.CharField()
    difficulty = serializers.CharField()
    skills = serializers.ListField(child=serializers.CharField())
    gold_answer = serializers.CharField()
    key_points = KeyPointSerializer(many=True)
    expected_seconds = serializers.IntegerField()
    status = serializers.CharField()
    rejection_reason = serializers.CharField()
    source = serializers.CharField()
    engine = serializers.CharField()
    version = serializers.IntegerField()
    created_by = serializers.IntegerField(source="created_by_id", allow_null=True)
    edited_by = serializers.IntegerField(source="edited_by_id", allow_null=True)
    approved_by = serializers.IntegerField(source="approved_by_id", allow_null=True)
    approved_at = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class QuestionDetailSerializer(QuestionSerializer):
    versions = QuestionVersionSerializer(many=True, source="versions.all")


class AnswerScoresSerializer(serializers.Serializer):
    relevance = serializers.FloatField()
    completeness = serializers.FloatField()
    accuracy = serializers.FloatField()
    clarity = serializers.FloatField()
    overall = serializers.FloatField()


class ScoredAnswerSerializer(serializers.Serializer):
    """What the scorer says about one answer: the same for a session and for a trial."""

    scores = AnswerScoresSerializer()
    matched_key_points = serializers.ListField(child=serializers.CharField())
    missing_key_points = serializers.ListField(child=serializers.CharField())
    feedback = serializers.ListField(child=serializers.CharField())
    model_answer = serializers.CharField()
    sentiment = serializers.CharField()
