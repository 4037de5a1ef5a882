"""Candidates for recruiters: the filtered list, one job's applicants ranked by fit, one
application in full, and scorecards.

Recruiters reach their own jobs' applicants (another recruiter's: 404); domain experts read
and score any application; candidates get 403.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsRecruiter
from ats.api.serializers import ApplicationJobSerializer, RecruiterHistorySerializer
from ats.models import Recommendation
from ats.presenters import candidate_detail
from ats.selectors import application_get_for_review, candidates_for_recruiter
from ats.services.ranking import candidates_ranked_for_job
from ats.services.scorecards import (
    MAX_CRITERIA,
    MAX_NOTES_LENGTH,
    scorecard_submit,
    scorecards_of,
    scorecards_summary,
)
from ats.stages import Stage
from core.api.pagination import PagePagination
from core.api.validation import IdField, validated

TAGS = ["ats"]
MAX_SKILLS = 10
DEFAULT_RANKED, MAX_RANKED = 100, 1000


def _listed(request, name: str) -> list[str]:
    """A list from a query parameter given repeatedly and/or comma-separated."""
    values = []
    for raw in request.query_params.getlist(name):
        values += [part.strip() for part in raw.split(",") if part.strip()]
    return values


# --- Input ---------------------------------------------------------------------------------


class CandidateFiltersSerializer(serializers.Serializer):
    job_id = IdField(required=False, help_text="One of your jobs.")
    stage = serializers.ListField(
        child=serializers.ChoiceField(choices=Stage.choices),
        required=False,
        help_text="Stages, repeated or comma-separated.",
    )
    skills = serializers.ListField(
        child=serializers.CharField(max_length=60),
        required=False,
        max_length=MAX_SKILLS,
        help_text="Skills of the job's the applicant must have (all of them), case-insensitive.",
    )
    min_score = serializers.IntegerField(required=False, min_value=0, max_value=100)
    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text="Part of the applicant's name; needs job_id.",
    )


class MatchingQuerySerializer(serializers.Serializer):
    job_id = IdField(help_text="One of your jobs.")
    limit = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_RANKED,
        default=DEFAULT_RANKED,
        help_text="How many of the best to return (all are scored and refreshed).",
    )


class FeedbackQuerySerializer(serializers.Serializer):
    application_id = serializers.UUIDField()


class ScorecardWriteSerializer(serializers.Serializer):
    """Your scorecard on an application: a second submission replaces your first."""

    application_id = serializers.UUIDField()
    ratings = serializers.DictField(
        child=serializers.IntegerField(min_value=1, max_value=5),
        help_text=f"1 to {MAX_CRITERIA} named criteria (names up to 60 characters), each rated "
        "with a whole number from 1 to 5.",
    )
    recommendation = serializers.ChoiceField(choices=Recommendation.choices)
    notes = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=MAX_NOTES_LENGTH
    )


# --- Output --------------------------------------------------------------------------------


class CandidateJobSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    company = serializers.CharField()


class CandidateRowSerializer(serializers.Serializer):
    """One applicant in the list: the name, never the contact details."""

    id = serializers.UUIDField(help_text="The application's id.")
    job = CandidateJobSerializer()
    applicant_name = serializers.CharField()
    is_registered = serializers.SerializerMethodField()
    stage = serializers.ChoiceField(choices=Stage.choices)
    stage_changed_at = serializers.DateTimeField()
    fit_score = serializers.IntegerField(allow_null=True)
    matched_skills = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()

    def get_is_registered(self, application) -> bool:
        return application.candidate_id is not None

    def get_matched_skills(self, application) -> list[str]:
        return list((application.fit or {}).get("matched_skills") or [])


class RankedCandidateSerializer(serializers.Serializer):
    application_id = serializers.UUIDField(source="application.pk")
    applicant_name = serializers.CharField(source="application.applicant_name")
    stage = serializers.ChoiceField(choices=Stage.choices, source="application.stage")
    score = serializers.IntegerField(
        allow_null=True, help_text="0-100, null when the resume has no readable text."
    )
    breakdown = serializers.SerializerMethodField()
    matched_skills = serializers.SerializerMethodField()
    missing_required_skills = serializers.SerializerMethodField()
    missing_preferred_skills = serializers.SerializerMethodField()
    reasons = serializers.SerializerMethodField()

    def _part(self, item, name, default):
        return (item.fit or {}).get(name, default)

    def get_breakdown(self, item) -> dict[str, int]:
        return self._part(item, "breakdown", {})

    def get_matched_skills(self, item) -> list[str]:
        return self._part(item, "matched_skills", [])

    def get_missing_required_skills(self, item) -> list[str]:
        return self._part(item, "missing_required_skills", [])

    def get_missing_preferred_skills(self, item) -> list[str]:
        return self._part(item, "missing_preferred_skills", [])

    def get_reasons(self, item) -> list[str]:
        return self._part(item, "reasons", [])


class RankingSerializer(serializers.Serializer):
    job = CandidateJobSerializer()
    count = serializers.IntegerField(help_text="Applicants scored; items holds the best `limit`.")
    items = RankedCandidateSerializer(many=True)


class ScorecardAuthorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class ScorecardSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    author = ScorecardAuthorSerializer(allow_null=True)
    ratings = serializers.DictField(child=serializers.IntegerField(min_value=1, max_value=5))
    recommendation = serializers.ChoiceField(choices=Recommendation.choices)
    notes = serializers.CharField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class RecommendationCountsSerializer(serializers.Serializer):
    strong_no = serializers.IntegerField()
    no = serializers.IntegerField()
    yes = serializers.IntegerField()
    strong_yes = serializers.IntegerField()


class ScorecardSummarySerializer(serializers.Serializer):
    count = serializers.IntegerField()
    average_by_criterion = serializers.DictField(child=serializers.FloatField())
    overall_average = serializers.FloatField(
        allow_null=True, help_text="The mean of each scorecard's own average rating."
    )
    recommendations = RecommendationCountsSerializer()


class FeedbackSerializer(serializers.Serializer):
    application_id = serializers.UUIDField()
    scorecards = ScorecardSerializer(many=True)
    summary = ScorecardSummarySerializer()


class CandidateApplicantSerializer(serializers.Serializer):
    name = serializers.CharField()
    email = serializers.CharField(
        allow_null=True, help_text="Null for a reviewer who does not manage the job."
    )
    phone = serializers.CharField(allow_null=True)
    candidate_id = serializers.IntegerField(allow_null=True)
    anonymous = serializers.BooleanField()


class ResumeEducationSerializer(serializers.Serializer):
    degree = serializers.CharField()
    field = serializers.CharField()
    institution = serializers.CharField()


class ResumeExperienceSerializer(serializers.Serializer):
    title = serializers.CharField()
    company = serializers.CharField()


class ResumeSummarySerializer(serializers.Serializer):
    skills = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Skill names by category.",
    )
    total_experience_years = serializers.FloatField(allow_null=True)
    experience = ResumeExperienceSerializer(many=True)
    education = ResumeEducationSerializer(many=True)


class AnalysisSkillMatchSerializer(serializers.Serializer):
    match_percentage = serializers.FloatField(allow_null=True)
    matched_skills = serializers.ListField(child=serializers.CharField())
    missing_required_skills = serializers.ListField(child=serializers.CharField())


class LatestAnalysisSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    overall_score = serializers.IntegerField(allow_null=True)
    job_title = serializers.CharField()
    completed_at = serializers.DateTimeField(allow_null=True)
    skill_match = AnalysisSkillMatchSerializer(allow_null=True)


class CandidateFitSerializer(serializers.Serializer):
    score = serializers.IntegerField(allow_null=True, source="fit_score")
    matched_skills = serializers.SerializerMethodField()
    missing_required_skills = serializers.SerializerMethodField()
    missing_preferred_skills = serializers.SerializerMethodField()

    def get_matched_skills(self, application) -> list[str]:
        return list((application.fit or {}).get("matched_skills") or [])

    def get_missing_required_skills(self, application) -> list[str]:
        return list((application.fit or {}).get("missing_required_skills") or [])

    def get_missing_preferred_skills(self, application) -> list[str]:
        return list((application.fit or {}).get("missing_preferred_skills") or [])


class CandidateDetailSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="application.pk")
    applicant = CandidateApplicantSerializer()
    job = ApplicationJobSerializer(source="application.job")
    stage = serializers.ChoiceField(choices=Stage.choices, source="application.stage")
    stage_changed_at = serializers.DateTimeField(source="application.stage_changed_at")
    allowed_next_stages = serializers.ListField(
        child=serializers.ChoiceField(choices=Stage.choices),
        help_text="Empty for a reviewer who does not manage the job.",
    )
    source = serializers.CharField(source="application.source")
    created_at = serializers.DateTimeField(source="application.created_at")
    cover_letter = serializers.CharField(source="application.cover_letter")
    fit = CandidateFitSerializer(source="application")
    resume_summary = ResumeSummarySerializer(allow_null=True)
    latest_analysis = LatestAnalysisSerializer(allow_null=True)
    history = RecruiterHistorySerializer(many=True)
    scorecards = ScorecardSerializer(many=True)
    scorecards_summary = ScorecardSummarySerializer()
    panels = serializers.SerializerMethodField(
        help_text="What other apps add about this applicant, by name (e.g. screening results)."
    )

    def get_panels(self, detail) -> dict[str, dict]:
        return {name: panel.data for name, panel in detail["panels"].items()}


# --- Views ---------------------------------------------------------------------------------


class CandidateListView(GenericAPIView):
    """Applicants to your jobs, best fit first: filter by job, stages, skills, minimum score."""

    permission_classes = [IsRecruiter]
    pagination_class = PagePagination
    serializer_class = CandidateRowSerializer

    @extend_schema(
        parameters=[CandidateFiltersSerializer],
        responses=CandidateRowSerializer(many=True),
        tags=TAGS,
    )
    def get(self, request):
        query = {key: request.query_params.get(key) for key in ("job_id", "min_score", "q")}
        query = {key: value for key, value in query.items() if value is not None}
        query |= {"stage": _listed(request, "stage"), "skills": _listed(request, "skills")}
        filters = validated(CandidateFiltersSerializer, query)
        applications = candidates_for_recruiter(
            user=request.user,
            job_id=filters.get("job_id"),
            stages=filters.get("stage") or (),
            skills=filters.get("skills") or (),
            min_score=filters.get("min_score"),
            q=filters.get("q") or "",
        )
        page = self.paginate_queryset(applications)
        return self.get_paginated_response(CandidateRowSerializer(page, many=True).data)


class CandidateMatchingView(APIView):
    """One of your jobs' applicants ranked by their fit computed now, with the matched and
    missing skills; changed stored scores are refreshed. Another recruiter's job: 404."""

    permission_classes = [IsRecruiter]

    @extend_schema(parameters=[MatchingQuerySerializer], responses=RankingSerializer, tags=TAGS)
    def get(self, request):
        query = validated(MatchingQuerySerializer, request.query_params)
        job, ranked = candidates_ranked_for_job(user=request.user, job_id=query["job_id"])
        body = {"job": job, "count": len(ranked), "items": ranked[: query["limit"]]}
        return Response(RankingSerializer(body).data)


class CandidateDetailView(APIView):
    """One application in full: the applicant, resume summary, latest analysis, history and
    scorecards. Contact details and allowed moves only for the job's owner and admins."""

    permission_classes = [IsRecruiter]

    @extend_schema(
        parameters=[OpenApiParameter("application_id", OpenApiTypes.UUID, OpenApiParameter.PATH)],
        responses=CandidateDetailSerializer,
        tags=TAGS,
    )
    def get(self, request, application_id):
        detail = candidate_detail(user=request.user, application_id=application_id)
        return Response(CandidateDetailSerializer(detail).data)


def _feedback(application, scorecards=None) -> dict:
    scorecards = scorecards_of(application) if scorecards is None else scorecards
    return {
        "application_id": application.pk,
        "scorecards": scorecards,
        "summary": scorecards_summary(application, scorecards),
    }


class FeedbackView(APIView):
    """Scorecards on an application: list them with their summary, or submit yours (201 the
    first time, 200 when it replaces your earlier one)."""

    permission_classes = [IsRecruiter]

    @extend_schema(parameters=[FeedbackQuerySerializer], responses=FeedbackSerializer, tags=TAGS)
    def get(self, request):
        query = validated(FeedbackQuerySerializer, request.query_params)
        application = application_get_for_review(
            user=request.user, application_id=query["application_id"]
        )
        return Response(FeedbackSerializer(_feedback(application)).data)

    @extend_schema(
        request=ScorecardWriteSerializer,
        responses={201: ScorecardSerializer, 200: ScorecardSerializer},
        tags=TAGS,
    )
    def post(self, request):
        data = validated(ScorecardWriteSerializer, request.data)
        application = application_get_for_review(
            user=request.user, application_id=data["application_id"]
        )
        scorecard, created = scorecard_submit(
            application=application,
            author=request.user,
            ratings=data["ratings"],
            recommendation=data["recommendation"],
            notes=data["notes"],
        )
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return Response(ScorecardSerializer(scorecard).data, status=code)
