from rest_framework import serializers

from footprint.models import ScanStatus

MAX_STACKOVERFLOW_ID = 2**31 - 1


class ScanRequestSerializer(serializers.Serializer):
    github_username = serializers.RegexField(
        r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$",
        required=False,
        allow_blank=True,
        max_length=39,
        error_messages={
            "invalid": "Not a valid GitHub username (letters, digits, single hyphens)."
        },
        help_text="Defaults to the GitHub link of your profile.",
    )
    stackoverflow_id = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=MAX_STACKOVERFLOW_ID,
        help_text="The number in your Stack Overflow profile link; defaults to your profile's.",
    )


class ScoreInputSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    source = serializers.CharField()
    value = serializers.JSONField(help_text="A count, or whether a checklist item is present.")
    median = serializers.FloatField(required=False)
    weight = serializers.FloatField(required=False)
    points = serializers.FloatField(required=False)


class ScoreSerializer(serializers.Serializer):
    score = serializers.IntegerField(min_value=0, max_value=100)
    formula = serializers.CharField()
    inputs = ScoreInputSerializer(many=True)
    not_visible = serializers.ListField(child=serializers.CharField())


class ScoresSerializer(serializers.Serializer):
    visibility = ScoreSerializer()
    activity = ScoreSerializer()
    impact = ScoreSerializer()
    expertise = ScoreSerializer()
    professional = ScoreSerializer()
    overall = ScoreSerializer()


class SourceStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(["ok", "failed", "skipped"])
    message = serializers.CharField(required=False)
    retry_at = serializers.DateTimeField(required=False, allow_null=True)
    cached = serializers.BooleanField(required=False)
    calls = serializers.IntegerField(required=False)
    gaps = serializers.ListField(child=serializers.CharField(), required=False)


class SourcesSerializer(serializers.Serializer):
    github = SourceStatusSerializer(required=False)
    stackoverflow = SourceStatusSerializer(required=False)


class SkillSerializer(serializers.Serializer):
    name = serializers.CharField()
    category = serializers.CharField(allow_null=True)
    repos = serializers.IntegerField()
    topics = serializers.IntegerField()
    answers = serializers.IntegerField()
    answer_score = serializers.IntegerField()
    evidence = serializers.FloatField()


class ScanSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    github_username = serializers.CharField()
    stackoverflow_id = serializers.IntegerField(allow_null=True)
    status = serializers.ChoiceField(ScanStatus.choices)
    progress = serializers.IntegerField()
    current_step = serializers.CharField()
    error_message = serializers.CharField()
    visibility_score = serializers.IntegerField(allow_null=True)
    activity_score = serializers.IntegerField(allow_null=True)
    impact_score = serializers.IntegerField(allow_null=True)
    expertise_score = serializers.IntegerField(allow_null=True)
    professional_score = serializers.IntegerField(allow_null=True)
    overall_score = serializers.IntegerField(allow_null=True)
    created_at = serializers.DateTimeField()
    completed_at = serializers.DateTimeField(allow_null=True)


class PrivacyItemSerializer(serializers.Serializer):
    source = serializers.CharField()
    field = serializers.CharField()
    label = serializers.CharField()
    exposed = serializers.BooleanField()
    value = serializers.JSONField(allow_null=True)
    risk = serializers.ChoiceField(["high", "medium", "low", "none"])
    advice = serializers.CharField()


class PrivacyReportSerializer(serializers.Serializer):
    items = PrivacyItemSerializer(many=True)
    exposed = serializers.IntegerField()
    highest_risk = serializers.ChoiceField(["high", "medium", "low", "none"])


class ScanDetailSerializer(ScanSerializer):
    sources = SourcesSerializer()
    scores = ScoresSerializer(allow_null=True, source="scores_or_none")
    skills = SkillSerializer(many=True)
    privacy_report = PrivacyReportSerializer(allow_null=True)
    github_analysis = serializers.JSONField(allow_null=True)
    stackoverflow_analysis = serializers.JSONField(allow_null=True)


class RecommendationSerializer(serializers.Serializer):
    score = serializers.CharField()
    input = serializers.CharField()
    gain = serializers.FloatField()
    text = serializers.CharField()


class RecommendationsSerializer(serializers.Serializer):
    scan_id = serializers.UUIDField()
    recommendations = RecommendationSerializer(many=True)


class InputChangeSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    before = serializers.JSONField(allow_null=True)
    after = serializers.JSONField(allow_null=True)


class ScoreChangeSerializer(serializers.Serializer):
    before = serializers.IntegerField()
    after = serializers.IntegerField()
    change = serializers.IntegerField()
    inputs = InputChangeSerializer(many=True)


class CompareScoresSerializer(serializers.Serializer):
    visibility = ScoreChangeSerializer()
    activity = ScoreChangeSerializer()
    impact = ScoreChangeSerializer()
    expertise = ScoreChangeSerializer()
    professional = ScoreChangeSerializer()
    overall = ScoreChangeSerializer()


class CompareSerializer(serializers.Serializer):
    older = ScanSerializer()
    newer = ScanSerializer()
    scores = CompareScoresSerializer()
    skills_added = serializers.ListField(child=serializers.CharField())
    skills_removed = serializers.ListField(child=serializers.CharField())


class SharingSerializer(serializers.Serializer):
    share_with_recruiters = serializers.BooleanField()


class SkillsRequestSerializer(serializers.Serializer):
    skills = serializers.ListField(
        child=serializers.CharField(max_length=100),
        required=False,
        max_length=200,
        help_text="The scan's skills to add; all of them when absent.",
    )


class SkillsAddedSerializer(serializers.Serializer):
    added = serializers.ListField(child=serializers.CharField())
    profile_skills = serializers.ListField(child=serializers.CharField())
