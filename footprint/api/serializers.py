from rest_framework import serializers

from footprint.exposure import RISK_LEVELS
from footprint.models import SOURCE_STATES, ScanStatus

MAX_STACKOVERFLOW_ID = 2**31 - 1


class FootprintScanRequestSerializer(serializers.Serializer):
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


class FootprintScoreInputSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    source = serializers.CharField()
    value = serializers.JSONField(help_text="A count, or whether a checklist item is present.")
    median = serializers.FloatField(required=False)
    weight = serializers.FloatField(required=False)
    points = serializers.FloatField(required=False)


class FootprintScoreSerializer(serializers.Serializer):
    score = serializers.IntegerField(min_value=0, max_value=100)
    formula = serializers.CharField()
    inputs = FootprintScoreInputSerializer(many=True)
    not_visible = serializers.ListField(child=serializers.CharField())


class FootprintScoresSerializer(serializers.Serializer):
    visibility = FootprintScoreSerializer()
    activity = FootprintScoreSerializer()
    impact = FootprintScoreSerializer()
    expertise = FootprintScoreSerializer()
    professional = FootprintScoreSerializer()
    overall = FootprintScoreSerializer()


class FootprintSourceStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(SOURCE_STATES)
    message = serializers.CharField(required=False)
    retry_at = serializers.DateTimeField(required=False, allow_null=True)
    cached = serializers.BooleanField(required=False)
    calls = serializers.IntegerField(required=False)
    gaps = serializers.ListField(child=serializers.CharField(), required=False)


class FootprintSourcesSerializer(serializers.Serializer):
    github = FootprintSourceStatusSerializer(required=False)
    stackoverflow = FootprintSourceStatusSerializer(required=False)


class FootprintSkillSerializer(serializers.Serializer):
    name = serializers.CharField()
    category = serializers.CharField(allow_null=True)
    repos = serializers.IntegerField()
    topics = serializers.IntegerField()
    answers = serializers.IntegerField()
    answer_score = serializers.IntegerField()
    evidence = serializers.FloatField()


class FootprintScanSerializer(serializers.Serializer):
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


class FootprintPrivacyItemSerializer(serializers.Serializer):
    source = serializers.CharField()
    field = serializers.CharField()
    label = serializers.CharField()
    exposed = serializers.BooleanField()
    value = serializers.JSONField(allow_null=True)
    risk = serializers.ChoiceField(RISK_LEVELS)
    advice = serializers.CharField()


class FootprintPrivacyReportSerializer(serializers.Serializer):
    items = FootprintPrivacyItemSerializer(many=True)
    exposed = serializers.IntegerField()
    highest_risk = serializers.ChoiceField(RISK_LEVELS)


class FootprintScanDetailSerializer(FootprintScanSerializer):
    sources = FootprintSourcesSerializer()
    scores = FootprintScoresSerializer(allow_null=True, source="scores_or_none")
    skills = FootprintSkillSerializer(many=True)
    privacy_report = FootprintPrivacyReportSerializer(allow_null=True)
    github_analysis = serializers.JSONField(allow_null=True)
    stackoverflow_analysis = serializers.JSONField(allow_null=True)


class FootprintRecommendationSerializer(serializers.Serializer):
    score = serializers.CharField()
    input = serializers.CharField()
    gain = serializers.FloatField()
    text = serializers.CharField()


class FootprintRecommendationsSerializer(serializers.Serializer):
    scan_id = serializers.UUIDField()
    recommendations = FootprintRecommendationSerializer(many=True)


class FootprintInputChangeSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    before = serializers.JSONField(allow_null=True)
    after = serializers.JSONField(allow_null=True)


class FootprintScoreChangeSerializer(serializers.Serializer):
    before = serializers.IntegerField()
    after = serializers.IntegerField()
    change = serializers.IntegerField()
    inputs = FootprintInputChangeSerializer(many=True)


class FootprintCompareScoresSerializer(serializers.Serializer):
    visibility = FootprintScoreChangeSerializer()
    activity = FootprintScoreChangeSerializer()
    impact = FootprintScoreChangeSerializer()
    expertise = FootprintScoreChangeSerializer()
    professional = FootprintScoreChangeSerializer()
    overall = FootprintScoreChangeSerializer()


class FootprintCompareSerializer(serializers.Serializer):
    older = FootprintScanSerializer()
    newer = FootprintScanSerializer()
    scores = FootprintCompareScoresSerializer()
    skills_added = serializers.ListField(child=serializers.CharField())
    skills_removed = serializers.ListField(child=serializers.CharField())


class FootprintSharingSerializer(serializers.Serializer):
    share_with_recruiters = serializers.BooleanField()


class FootprintSkillsRequestSerializer(serializers.Serializer):
    skills = serializers.ListField(
        child=serializers.CharField(max_length=100),
        required=False,
        max_length=200,
        help_text="The scan's skills to add; all of them when absent.",
    )


class FootprintSkillsAddedSerializer(serializers.Serializer):
    added = serializers.ListField(child=serializers.CharField())
    profile_skills = serializers.ListField(child=serializers.CharField())
