"""Applying, the application status, and the application lists and details (thin views)."""

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from accounts.models import Role
from accounts.permissions import IsRecruiter
from ats import selectors as reads
from ats.api import serializers as s
from ats.errors import CandidateMayOnlyWithdraw, WithdrawByCandidateOnly
from ats.models import Application, StageChange
from ats.selectors import application_get_visible
from ats.services.applications import (
    APPLY_RATE_GROUP,
    application_apply,
    application_resume_download,
    application_withdraw,
)
from ats.services.pipeline import application_move_stage
from ats.stages import Stage
from core.api.parsers import JSONParser
from core.api.ratelimit import RateLimitedMixin
from core.api.schema import ERROR_REF
from core.api.validation import validated
from core.http import client_ip
from jobs.models import VECTOR_FIELDS
from jobs.selectors import job_get_for_user
from resumes.http import download_schema, file_response
from resumes.models import CONTENT_TYPES

TAGS = ["applications"]


def _wants_recruiter_view(user, application) -> bool:
    return user.role == Role.ADMIN or application.job.owner_id == user.pk


def _detail_body(application, *, recruiter_view: bool) -> dict:
    """The application re-read with its history (the recruiter's with who moved it)."""
    history = StageChange.objects.order_by("created_at", "id")
    if recruiter_view:
        history = history.select_related("actor")
    # The recruiter's view shows the parsed profile of a stored resume; nobody's the raw text.
    skips = ("resume__text",) if recruiter_view else ("resume__text", "resume__parsed_data")
    application = (
        Application.objects.select_related("job", "resume")
        .defer(*skips, *(f"job__{name}" for name in VECTOR_FIELDS))
        .prefetch_related(Prefetch("history", queryset=history))
        .get(pk=application.pk)
    )
    if recruiter_view:
        return s.RecruiterApplicationSerializer(application).data
    return s.CandidateApplicationSerializer(application).data


class ApplyView(RateLimitedMixin, GenericAPIView):
    serializer_class = s.ApplySerializer
    permission_classes = [AllowAny]
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    rate_limit_group = APPLY_RATE_GROUP

    def rate_limit_keys(self, request):
        return {"apply_ip": client_ip(request)}

    @extend_schema(
        request={
            "application/json": s.ApplySerializer,
            "multipart/form-data": s.ApplySerializer,
        },
        responses={
            201: s.CandidateApplicationSerializer,
            400: OpenApiResponse(
                ERROR_REF,
                description="Invalid input; consent_required (errors.consent) without consent; "
                "resume_required without a resume_id or file; unreadable files.",
            ),
            409: OpenApiResponse(
                ERROR_REF, description="already_applied: this email applied to this job."
            ),
            413: OpenApiResponse(ERROR_REF, description="The file is larger than the limit."),
        },
        description=(
            "Signed in: JSON with `resume_id` (your name and email come from your account), "
            "or multipart with `file`. Anonymous: multipart with name, email, optional phone, "
            "file, optional cover_letter, and consent=true. Files are checked like resume "
            "uploads (413 too large, 415 by extension, declared type or magic bytes)."
        ),
        tags=TAGS,
    )
    def post(self, request, job_id):
        job = job_get_for_user(user=request.user, job_id=job_id)
        data = validated(s.ApplySerializer, request.data, context={"request": request})
        application = application_apply(
            job=job, user=request.user, data=data, upload=data.get("file"), source=data["source"]
        )
        body = _detail_body(application, recruiter_view=False)
        return Response(body, status=status.HTTP_201_CREATED)


class JobApplicationsView(GenericAPIView):
    serializer_class = s.ApplicationListSerializer

    @extend_schema(
        parameters=[s.JobApplicationsQuerySerializer],
        responses=s.ApplicationListSerializer(many=True),
        description="The job owner's (or an admin's) list, best fit first. 404 for others.",
        tags=TAGS,
    )
    def get(self, request, job_id):
        query = validated(s.JobApplicationsQuerySerializer, request.query_params)
        job = reads.job_get_managed(user=request.user, job_id=job_id)
        applications = reads.job_applications(job=job, stage=query.get("stage", ""))
        page = self.paginate_queryset(applications)
        return self.get_paginated_response(s.ApplicationListSerializer(page, many=True).data)


class ApplicationStatusView(GenericAPIView):
    serializer_class = s.ApplicationStatusSerializer

    @extend_schema(responses=s.ApplicationStatusSerializer, tags=TAGS)
    def get(self, request, job_id):
        job = job_get_for_user(user=request.user, job_id=job_id)
        application = reads.application_of_user_for_job(user=request.user, job=job)
        own = application is not None and application.candidate_id == request.user.pk
        return Response(
            {
                "applied": application is not None,
                "application_id": str(application.pk) if own else None,
                "stage": application.stage if application is not None else None,
            }
        )


def _list_role(request) -> str:
    raw = request.query_params.get("as")
    if not raw:  # absent, or sent empty like every other optional parameter
        return "candidate" if request.user.role == Role.CANDIDATE else "recruiter"
    if raw not in ("candidate", "recruiter"):
        raise exceptions.ValidationError({"as": ["Choose candidate or recruiter."]})
    if raw == "recruiter" and not request.user.has_role(Role.RECRUITER):
        raise exceptions.PermissionDenied("Only recruiters have applications to their jobs.")
    return raw


class ApplicationListView(GenericAPIView):
    serializer_class = s.ApplicationListSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "as",
                OpenApiTypes.STR,
                enum=["candidate", "recruiter"],
                description="Your own applications, or those to your jobs (default by role).",
            ),
            s.ApplicationListQuerySerializer,
        ],
        responses=s.ApplicationListSerializer(many=True),
        tags=TAGS,
    )
    def get(self, request):
        as_role = _list_role(request)
        query = validated(s.ApplicationListQuerySerializer, request.query_params)
        applications = reads.applications_for_list(
            user=request.user,
            as_role=as_role,
            stage=query.get("stage", ""),
            job_id=query.get("job_id"),
        )
        page = self.paginate_queryset(applications)
        return self.get_paginated_response(s.ApplicationListSerializer(page, many=True).data)


class ApplicationResumeView(GenericAPIView):
    """The applicant's resume file, for the recruiter of the job (audited)."""

    permission_classes = [IsRecruiter]

    @extend_schema(
        responses=download_schema(CONTENT_TYPES.values()),
        tags=TAGS,
    )
    def get(self, request, application_id):
        application = reads.application_get_managed(
            user=request.user, application_id=application_id
        )
        download = application_resume_download(
            application=application, user=request.user, ip=client_ip(request)
        )
        return file_response(download.content, download.content_type, download.filename)


class ApplicationDetailView(GenericAPIView):
    serializer_class = s.CandidateApplicationSerializer

    @extend_schema(
        responses={
            200: OpenApiResponse(
                s.RecruiterApplicationSerializer,
                description=(
                    "The job owner gets the recruiter view (`view: recruiter`: contact details, "
                    "notes, who moved it); the applicant gets the candidate view "
                    "(`view: candidate`, CandidateApplication: their timeline without notes)."
                ),
            )
        },
        tags=TAGS,
    )
    def get(self, request, application_id):
        application = application_get_visible(user=request.user, application_id=application_id)
        recruiter_view = _wants_recruiter_view(request.user, application)
        return Response(_detail_body(application, recruiter_view=recruiter_view))

    @extend_schema(
        request=s.ApplicationUpdateSerializer,
        responses={
            200: s.RecruiterApplicationSerializer,
            403: OpenApiResponse(
                ERROR_REF, description="withdraw_by_candidate_only: a recruiter withdrawing."
            ),
            409: OpenApiResponse(
                ERROR_REF, description="stage_changed_meanwhile: someone moved it first."
            ),
        },
        description=(
            'The applicant withdraws with `{"stage": "withdrawn", "note"}`; the job owner '
            "moves it to an allowed stage with a note. Anything else is 400."
        ),
        tags=TAGS,
    )
    def patch(self, request, application_id):
        application = application_get_visible(user=request.user, application_id=application_id)
        data = validated(s.ApplicationUpdateSerializer, request.data)
        note = data.get("note", "")
        is_applicant = application.candidate_id == request.user.pk
        if data["stage"] == Stage.WITHDRAWN:
            if not is_applicant:
                raise WithdrawByCandidateOnly()
            application_withdraw(application=application, user=request.user, note=note)
        elif _wants_recruiter_view(request.user, application):
            application_move_stage(
                application=application, to_stage=data["stage"], actor=request.user, note=note
            )
        else:
            raise CandidateMayOnlyWithdraw()
        recruiter_view = _wants_recruiter_view(request.user, application)
        return Response(_detail_body(application, recruiter_view=recruiter_view))
