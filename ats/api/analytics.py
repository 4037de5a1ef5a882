"""Hiring analytics (funnel, conversion, time in stage, time to hire, sources) and the
recruiter's jobs with their applications counted by stage.

Recruiters and the roles above them; a job of another recruiter is a 404, candidates get 403.
"""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from accounts.permissions import IsRecruiter
from ats.analytics import ats_analytics, job_stats_queryset, job_stats_row
from ats.models import ApplicationSource
from ats.stages import Stage
from core.api.pagination import PagePagination
from core.api.schema import DESCRIPTIONS, ERROR_REF
from core.api.validation import IdField, validated
from jobs.models import JobStatus

TAGS = ["ats"]


# --- Input ---------------------------------------------------------------------------------


class AnalyticsQuerySerializer(serializers.Serializer):
    job_id = IdField(required=False, help_text="One of your jobs; all of them without it.")
    since = serializers.DateField(
        required=False, help_text="Applications sent on or after this day (YYYY-MM-DD)."
    )
    until = serializers.DateField(
        required=False, help_text="Applications sent on or before this day (YYYY-MM-DD)."
    )

    def validate(self, attrs):
        since, until = attrs.get("since"), attrs.get("until")
        if since and until and since > until:
            raise serializers.ValidationError({"until": ["Must be on or after since."]})
        return attrs


# --- Output --------------------------------------------------------------------------------


class FunnelStageSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=Stage.choices, help_text="A stage of the funnel.")
    reached = serializers.IntegerField(
        help_text="Applications that entered this stage or a later one of the funnel."
    )
    current = serializers.IntegerField(help_text="Applications in this stage now.")


# "from" is a Python keyword, so these two are built from a dict of fields.
ConversionSerializer = type(
    "ConversionSerializer",
    (serializers.Serializer,),
    {
        "from": serializers.ChoiceField(choices=Stage.choices),
        "to": serializers.ChoiceField(choices=Stage.choices, help_text="The next funnel stage."),
        "rate": serializers.FloatField(
            allow_null=True,
            help_text="reached(to) / reached(from), 0 to 1; null when none reached `from`.",
        ),
    },
)
StageCountsSerializer = type(
    "StageCountsSerializer",
    (serializers.Serializer,),
    {stage.value: serializers.IntegerField() for stage in Stage},
)


class DurationSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Applications measured.")
    average_days = serializers.FloatField(allow_null=True)
    median_days = serializers.FloatField(allow_null=True)


class TimeInStageSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=Stage.choices)
    count = serializers.IntegerField(help_text="Applications that spent time in the stage.")
    average_days = serializers.FloatField(allow_null=True)
    median_days = serializers.FloatField(allow_null=True)


class SourceSerializer(serializers.Serializer):
    source = serializers.ChoiceField(choices=ApplicationSource.choices)
    applications = serializers.IntegerField()
    hired = serializers.IntegerField()
    hire_rate = serializers.FloatField(allow_null=True, help_text="hired / applications.")


class PerJobSerializer(serializers.Serializer):
    job_id = serializers.IntegerField()
    title = serializers.CharField()
    applications = serializers.IntegerField()
    hired = serializers.IntegerField()


class AnalyticsSerializer(serializers.Serializer):
    applications = serializers.IntegerField()
    funnel = FunnelStageSerializer(many=True)
    conversion = ConversionSerializer(many=True)
    time_in_stage = TimeInStageSerializer(
        many=True, help_text="Per application, the total time spent in the stage (open: until now)."
    )
    time_to_hire = DurationSerializer(help_text="From applied to hired.")
    rejected = serializers.IntegerField(help_text="Applications rejected now.")
    withdrawn = serializers.IntegerField()
    by_source = SourceSerializer(many=True)
    per_job = PerJobSerializer(
        many=True, required=False, help_text="Only without job_id: most applications first."
    )


class JobStatsSerializer(serializers.Serializer):
    job_id = serializers.IntegerField()
    title = serializers.CharField()
    status = serializers.ChoiceField(choices=JobStatus.choices)
    posted_at = serializers.DateTimeField(allow_null=True)
    applications = serializers.IntegerField()
    by_stage = StageCountsSerializer()


# --- Views ---------------------------------------------------------------------------------


class AnalyticsView(GenericAPIView):
    """Hiring analytics over the applications to your jobs, or to one of them."""

    permission_classes = [IsRecruiter]
    serializer_class = AnalyticsSerializer

    @extend_schema(
        parameters=[AnalyticsQuerySerializer],
        responses={
            200: AnalyticsSerializer,
            400: OpenApiResponse(response=ERROR_REF, description=DESCRIPTIONS["400"]),
            404: OpenApiResponse(response=ERROR_REF, description="No such job, or not yours."),
        },
        description=(
            "Funnel (applications that reached each stage and are in it now), conversion "
            "between consecutive funnel stages, time in each stage, time to hire, rejected and "
            "withdrawn counts, and applications and hires per source; with no job_id, also "
            "per job. since/until narrow to applications sent in those days."
        ),
        tags=TAGS,
    )
    def get(self, request):
        query = validated(AnalyticsQuerySerializer, request.query_params)
        return Response(AnalyticsSerializer(ats_analytics(user=request.user, **query)).data)


class JobStatsView(GenericAPIView):
    """Your jobs (every job for an admin), newest first, with applications counted by stage."""

    permission_classes = [IsRecruiter]
    serializer_class = JobStatsSerializer
    pagination_class = PagePagination

    @extend_schema(responses=JobStatsSerializer(many=True), tags=TAGS)
    def get(self, request):
        page = self.paginate_queryset(job_stats_queryset(user=request.user))
        rows = [job_stats_row(values) for values in page]
        return self.get_paginated_response(JobStatsSerializer(rows, many=True).data)
