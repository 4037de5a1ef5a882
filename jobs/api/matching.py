"""Ranking open jobs for one of the caller's resumes, and one job's compatibility with it."""

from collections.abc import Mapping

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.ratelimit import RateLimitedMixin
from core.api.validation import IdField, validated
from jobs.filters import PAGE_KEYS, JobFiltersSerializer, job_filters_parse
from jobs.matching.service import job_compatibility, match_jobs
from jobs.models import ExperienceLevel, JobType, SalaryPeriod, WorkMode
from jobs.selectors import job_get_for_user
from resumes.selectors import resume_get

TAGS = ["jobs"]
MAX_LIMIT = 100


class StrictSerializer(serializers.Serializer):
    """Refuses keys it does not know, so a misspelt option is an error, not silently ignored."""

    refuses_unknown_fields = True

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            unknown = sorted(str(key) for key in data if key not in self.fields)
            if unknown:
                raise serializers.ValidationError({key: ["Unknown field."] for key in unknown})
        return super().to_internal_value(data)


@extend_schema_field(JobFiltersSerializer)
class FiltersField(serializers.DictField):
    """The job list's filters as a JSON object, read by the list's own parser."""

    def to_internal_value(self, data):
        data = super().to_internal_value(data)
        unknown = sorted(key for key in data if key in PAGE_KEYS)
        if unknown:
            raise serializers.ValidationError({key: ["Unknown filter."] for key in unknown})
        return job_filters_parse(data, user=self.context.get("user"))


class MatchPreferencesSerializer(StrictSerializer):
    """Where and how you want to work."""

    location = serializers.CharField(
        required=False,
        allow_null=True,
        allow_blank=True,
        max_length=200,
        help_text='Where you want to work; default: your resume\'s location, "" for anywhere.',
    )
    work_modes = serializers.ListField(
        child=serializers.ChoiceField(choices=WorkMode.choices),
        required=False,
        allow_empty=False,
        max_length=len(WorkMode.choices),
        help_text="Work modes you accept; default: all. Jobs of other modes are left out.",
    )


class JobMatchSerializer(StrictSerializer):
    """A resume of yours to rank the open jobs for; unknown keys are refused."""

    resume_id = serializers.UUIDField(help_text="One of your resumes.")
    limit = serializers.IntegerField(min_value=1, max_value=MAX_LIMIT, default=20)
    filters = FiltersField(required=False, help_text="The job list's filters, to narrow the jobs.")
    preferences = MatchPreferencesSerializer(required=False)


class JobCompatibilitySerializer(StrictSerializer):
    """A resume of yours and a job you can see; unknown keys are refused."""

    resume_id = serializers.UUIDField(help_text="One of your resumes.")
    job_id = IdField(help_text="A job you can see.")


class MatchedJobSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    company = serializers.CharField()
    location = serializers.CharField()
    work_mode = serializers.ChoiceField(choices=WorkMode.choices)
    job_type = serializers.ChoiceField(choices=JobType.choices)
    experience_level = serializers.ChoiceField(choices=ExperienceLevel.choices, allow_blank=True)
    salary_min = serializers.IntegerField(allow_null=True)
    salary_max = serializers.IntegerField(allow_null=True)
    salary_currency = serializers.CharField()
    salary_period = serializers.ChoiceField(choices=SalaryPeriod.choices)
    short_code = serializers.CharField()
    job_link = serializers.CharField(help_text="The job's short share path, /j/<code>.")


class MatchPartsSerializer(serializers.Serializer):
    required_skills = serializers.IntegerField()
    preferred_skills = serializers.IntegerField()
    similarity = serializers.IntegerField()
    experience = serializers.IntegerField()
    location = serializers.IntegerField()


class MatchBreakdownSerializer(MatchPartsSerializer):
    """Each part 0..100 of its own weight; the weighted sum is the score."""


class MatchWeightsSerializer(MatchPartsSerializer):
    """Points of 100 each part is worth."""


class MatchPreferencesUsedSerializer(serializers.Serializer):
    location = serializers.CharField(allow_null=True)
    work_modes = serializers.ListField(child=serializers.ChoiceField(choices=WorkMode.choices))


class JobMatchItemSerializer(serializers.Serializer):
    job = MatchedJobSerializer()
    score = serializers.IntegerField(min_value=0, max_value=100)
    breakdown = MatchBreakdownSerializer()
    matched_skills = serializers.ListField(child=serializers.CharField())
    missing_required_skills = serializers.ListField(child=serializers.CharField())
    missing_preferred_skills = serializers.ListField(child=serializers.CharField())
    reasons = serializers.ListField(child=serializers.CharField())


class JobMatchResultSerializer(serializers.Serializer):
    """The ranked jobs, with the weights and preferences the scores used."""

    resume_id = serializers.UUIDField()
    backend = serializers.CharField(help_text="The text similarity backend: tfidf or embeddings.")
    considered = serializers.IntegerField(help_text="Open jobs scored (after filters).")
    weights = MatchWeightsSerializer()
    preferences = MatchPreferencesUsedSerializer()
    items = JobMatchItemSerializer(many=True)


class SkillMatchAnalysisSerializer(serializers.Serializer):
    total_required_skills = serializers.IntegerField()
    matched_skills = serializers.ListField(child=serializers.CharField())
    missing_required_skills = serializers.ListField(child=serializers.CharField())
    missing_preferred_skills = serializers.ListField(child=serializers.CharField())
    match_percentage = serializers.FloatField()
    strengths = serializers.ListField(child=serializers.CharField())
    areas_for_improvement = serializers.ListField(child=serializers.CharField())


class SkillGapItemSerializer(serializers.Serializer):
    skill_name = serializers.CharField()
    priority = serializers.ChoiceField(choices=["required", "preferred"])
    category = serializers.CharField()
    impact = serializers.CharField()


class SkillGapRecommendationSerializer(serializers.Serializer):
    skill_gap = SkillGapItemSerializer()
    recommended_projects = serializers.ListField(child=serializers.DictField())
    learning_resources = serializers.ListField(child=serializers.DictField())
    learning_path = serializers.CharField()


class MatchSimilaritySerializer(serializers.Serializer):
    score = serializers.FloatField()
    backend = serializers.CharField()


class JobCompatibilityResultSerializer(serializers.Serializer):
    """The match score of one job, with an analysis's skill match and skill gaps."""

    resume_id = serializers.UUIDField()
    job_id = serializers.IntegerField()
    job = MatchedJobSerializer()
    score = serializers.IntegerField(min_value=0, max_value=100)
    breakdown = MatchBreakdownSerializer()
    weights = MatchWeightsSerializer()
    reasons = serializers.ListField(child=serializers.CharField())
    skill_match_analysis = SkillMatchAnalysisSerializer()
    skill_gap_recommendations = SkillGapRecommendationSerializer(many=True)
    similarity = MatchSimilaritySerializer()


class JobMatchView(RateLimitedMixin, APIView):
    """Open jobs ranked for one of your resumes, best first: a 0-100 score, its parts, the
    matched and missing skills, and the reasons in words. Another user's resume: 404."""

    rate_limit_group = "job_match"

    def rate_limit_keys(self, request):
        return {self.rate_limit_group: str(request.user.pk)}

    @extend_schema(
        request={"application/json": JobMatchSerializer},
        responses=JobMatchResultSerializer,
        tags=TAGS,
    )
    def post(self, request):
        data = validated(JobMatchSerializer, request.data, context={"user": request.user})
        resume = resume_get(user=request.user, resume_id=data["resume_id"])
        body = match_jobs(
            resume=resume,
            filters=data.get("filters"),
            preferences=data.get("preferences"),
            limit=data["limit"],
            user=request.user,
        )
        return Response(body)


class JobCompatibilityView(APIView):
    """How one of your resumes meets one job: the match score and its parts, and the skill
    match and skill gaps an analysis against that job gives. A resume that is not yours, or
    a job you cannot see: 404."""

    @extend_schema(
        request={"application/json": JobCompatibilitySerializer},
        responses=JobCompatibilityResultSerializer,
        tags=TAGS,
    )
    def post(self, request):
        data = validated(JobCompatibilitySerializer, request.data)
        resume = resume_get(user=request.user, resume_id=data["resume_id"])
        job = job_get_for_user(user=request.user, job_id=data["job_id"])
        return Response(job_compatibility(resume=resume, job=job))
