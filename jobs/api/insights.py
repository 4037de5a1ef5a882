from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.schema import DESCRIPTIONS, ERROR_REF
from jobs.filters import JobFiltersSerializer, job_filters_parse
from jobs.insights import job_insights


class SkillDemandSerializer(serializers.Serializer):
    skill = serializers.CharField()
    category = serializers.CharField(help_text="Taxonomy category key, or 'other'.")
    count = serializers.IntegerField(help_text="Open jobs listing the skill.")
    share = serializers.FloatField(help_text="count / total_jobs, 0 to 1.")


class _SalaryRangeSerializer(serializers.Serializer):
    currency = serializers.CharField()
    count = serializers.IntegerField(help_text="Jobs with a salary in this group (at least 3).")
    median = serializers.IntegerField()
    p25 = serializers.IntegerField()
    p75 = serializers.IntegerField()
    min = serializers.IntegerField()
    max = serializers.IntegerField()


class SalaryByTitleSerializer(_SalaryRangeSerializer):
    title = serializers.CharField(help_text="The title without seniority words.")


class SalaryByLocationSerializer(_SalaryRangeSerializer):
    location = serializers.CharField()


class WorkModeSharesSerializer(serializers.Serializer):
    onsite = serializers.FloatField()
    hybrid = serializers.FloatField()
    remote = serializers.FloatField()


class WeeklyPostingsSerializer(serializers.Serializer):
    week_start = serializers.DateField(help_text="The Monday the week starts on.")
    count = serializers.IntegerField()


class JobInsightsSerializer(serializers.Serializer):
    total_jobs = serializers.IntegerField()
    demand_by_skill = SkillDemandSerializer(many=True)
    salary_by_title = SalaryByTitleSerializer(many=True)
    salary_by_location = SalaryByLocationSerializer(many=True)
    work_modes = WorkModeSharesSerializer()
    remote_share = serializers.FloatField()
    postings_per_week = WeeklyPostingsSerializer(many=True)
    generated_at = serializers.DateTimeField()
    cached = serializers.BooleanField()


class JobInsightsView(APIView):
    """Market insights over open jobs, narrowed by the job list's filters."""

    permission_classes = [AllowAny]

    @extend_schema(
        # The list's filters; sorting changes nothing in totals.
        parameters=[JobFiltersSerializer],
        responses={
            200: JobInsightsSerializer,
            400: OpenApiResponse(response=ERROR_REF, description=DESCRIPTIONS["400"]),
        },
        description=(
            "Demand by skill (top 25), annual salary median and quartiles by title and by "
            "location (groups of at least 3 salaries; monthly x12, hourly x2080), work-mode "
            "shares and postings per week for the last 12 weeks. Cached for up to 10 minutes; "
            "any job change refreshes it."
        ),
        tags=["jobs"],
    )
    def get(self, request):
        filters = job_filters_parse(request.query_params, user=request.user)
        return Response(job_insights(filters=filters))
