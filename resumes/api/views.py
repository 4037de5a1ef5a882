from dataclasses import replace

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.parsers import JSONParser
from core.api.ratelimit import RateLimitedMixin
from core.api.validation import validated
from core.http import client_ip
from resumes import selectors
from resumes.api import serializers as s
from resumes.exports import export_analysis
from resumes.files import check_upload
from resumes.http import (
    cover_letter_stem,
    document_response,
    download_schema,
    enhanced_resume_stem,
    file_response,
    formats_schema,
    template_sample_stem,
)
from resumes.job_targets import job_target_resolve
from resumes.models import CONTENT_TYPES
from resumes.rendering import TEMPLATES, template_sample
from resumes.services import analyses, documents
from resumes.services.resumes import (
    resume_delete,
    resume_download_original,
    resume_from_text,
    resume_store,
    resume_upload,
)

FORMAT_PARAMETER = OpenApiParameter("format", str, enum=s.EXPORT_FORMATS, required=True)
DOCUMENT_FORMAT_PARAMETER = OpenApiParameter("format", str, enum=s.DOCUMENT_FORMATS)


class PerUserRateLimit(RateLimitedMixin):
    def rate_limit_keys(self, request):
        return {self.rate_limit_group: str(request.user.pk)}


class ResumeUploadView(PerUserRateLimit, APIView):
    rate_limit_group = "resume_upload"
    parser_classes = [MultiPartParser]

    @extend_schema(
        request={"multipart/form-data": s.UploadSerializer},
        responses={201: s.ResumeDetailSerializer},
        tags=["resumes"],
    )
    def post(self, request):
        data = validated(s.UploadSerializer, request.data)
        resume = resume_upload(
            owner=request.user,
            upload=check_upload(data["file"]),
            linkedin_url=data.get("linkedin_url", ""),
            ip=client_ip(request),
        )
        return Response(s.ResumeDetailSerializer(resume).data, status=status.HTTP_201_CREATED)


class ResumeListView(ListAPIView):
    serializer_class = s.ResumeSerializer

    def get_queryset(self):
        return selectors.resumes_for_user(user=self.request.user).defer("text", "parsed_data")

    @extend_schema(tags=["resumes"])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class ResumeDetailView(APIView):
    @extend_schema(responses=s.ResumeDetailSerializer, tags=["resumes"])
    def get(self, request, resume_id):
        resume = selectors.resume_get(user=request.user, resume_id=resume_id)
        return Response(s.ResumeDetailSerializer(resume).data)

    @extend_schema(responses={204: None}, tags=["resumes"])
    def delete(self, request, resume_id):
        resume = selectors.resume_get(user=request.user, resume_id=resume_id)
        resume_delete(resume=resume, user=request.user, ip=client_ip(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class ResumeDownloadView(APIView):
    @extend_schema(responses=download_schema(CONTENT_TYPES.values()), tags=["resumes"])
    def get(self, request, resume_id):
        resume = selectors.resume_get(user=request.user, resume_id=resume_id)
        content = resume_download_original(resume=resume, user=request.user, ip=client_ip(request))
        return file_response(content, resume.content_type, resume.original_name)


class AnalysisListView(PerUserRateLimit, ListAPIView):
    serializer_class = s.AnalysisSerializer
    rate_limit_group = "analysis"
    parser_classes = [JSONParser, MultiPartParser]
    queues_jobs_on = ("post",)

    def rate_limit_keys(self, request):
        return super().rate_limit_keys(request) if request.method == "POST" else {}

    def get_queryset(self):
        resume_id = self.request.query_params.get("resume_id")
        if resume_id is not None:
            resume_id = validated(s.AnalysisFilterSerializer, {"resume_id": resume_id})["resume_id"]
        return selectors.analyses_for_user(user=self.request.user, resume_id=resume_id).defer(
            "result", "job_target"
        )

    @extend_schema(parameters=[OpenApiParameter("resume_id", OpenApiTypes.UUID)], tags=["analyses"])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request={
            "application/json": s.AnalysisStartSerializer,
            "multipart/form-data": s.AnalysisStartSerializer,
        },
        responses={202: s.AnalysisSerializer},
        tags=["analyses"],
    )
    def post(self, request):
        data = validated(s.AnalysisStartSerializer, request.data)
        job = job_target_resolve(
            user=request.user,
            job_id=data.get("job_id"),
            description=data.get("job_description", ""),
            title=data.get("job_title", ""),
        )
        analysis = analyses.analysis_start(
            owner=request.user,
            resume=self._resume(request, data),
            job=job,
            job_posting_id=data.get("job_id"),
        )
        return Response(s.AnalysisSerializer(analysis).data, status=status.HTTP_202_ACCEPTED)

    def _resume(self, request, data):
        if data.get("resume_id"):
            return selectors.resume_get(user=request.user, resume_id=data["resume_id"])
        if data.get("cv_text"):
            return resume_from_text(owner=request.user, text=data["cv_text"])
        return resume_store(
            owner=request.user,
            upload=check_upload(data["cv_file"]),
            source="analysis_file",
            ip=client_ip(request),
        )


class AnalysisDetailView(APIView):
    @extend_schema(responses=s.AnalysisDetailSerializer, tags=["analyses"])
    def get(self, request, analysis_id):
        analysis = selectors.analysis_get(user=request.user, analysis_id=analysis_id)
        return Response(s.AnalysisDetailSerializer(analysis).data)

    @extend_schema(responses={204: None}, tags=["analyses"])
    def delete(self, request, analysis_id):
        analysis = selectors.analysis_get(user=request.user, analysis_id=analysis_id)
        analyses.analysis_delete(analysis=analysis)
        return Response(status=status.HTTP_204_NO_CONTENT)


class AnalysisRetryView(PerUserRateLimit, APIView):
    rate_limit_group = "analysis"
    queues_jobs_on = ("post",)

    @extend_schema(request=None, responses={202: s.AnalysisSerializer}, tags=["analyses"])
    def post(self, request, analysis_id):
        analysis = selectors.analysis_get(user=request.user, analysis_id=analysis_id)
        analysis = analyses.analysis_retry(analysis=analysis)
        return Response(s.AnalysisSerializer(analysis).data, status=status.HTTP_202_ACCEPTED)


class AnalysisExportView(APIView):
    @extend_schema(
        parameters=[FORMAT_PARAMETER],
        responses=formats_schema(s.EXPORT_FORMATS),
        tags=["analyses"],
    )
    def get(self, request, analysis_id):
        fmt = validated(s.FormatSerializer, request.query_params)["format"]
        analysis = selectors.analysis_get(user=request.user, analysis_id=analysis_id)
        result = analyses.analysis_require_completed(analysis=analysis)
        content, content_type, filename = export_analysis(
            result, analysis_id=str(analysis.pk), fmt=fmt
        )
        return file_response(content, content_type, filename)


class TemplateListView(APIView):
    @extend_schema(responses=s.TemplateSerializer(many=True), tags=["resumes"])
    def get(self, request):
        return Response(s.TemplateSerializer(TEMPLATES, many=True).data)


class TemplateDownloadView(APIView):
    @extend_schema(
        parameters=[DOCUMENT_FORMAT_PARAMETER],
        responses=formats_schema(s.DOCUMENT_FORMATS),
        tags=["resumes"],
    )
    def get(self, request, template_id):
        fmt = validated(s.DocumentFormatSerializer, request.query_params)["format"]
        content = template_sample(template_id, fmt)
        return document_response(content, fmt, template_sample_stem(template_id))


class EnhanceView(PerUserRateLimit, APIView):
    rate_limit_group = "generation"

    @extend_schema(
        request=s.EnhanceSerializer, responses={201: s.EnhancementSerializer}, tags=["resumes"]
    )
    def post(self, request):
        data = validated(s.EnhanceSerializer, request.data)
        resume = selectors.resume_get(user=request.user, resume_id=data["resume_id"])
        job = job_target_resolve(
            user=request.user,
            job_id=data.get("job_id"),
            description=data.get("job_description", ""),
            title=data.get("job_title") or data.get("target_role", ""),
        )
        enhancement = documents.enhancement_create(
            owner=request.user, resume=resume, job=job, target_role=data.get("target_role", "")
        )
        return Response(s.EnhancementSerializer(enhancement).data, status=status.HTTP_201_CREATED)


class EnhancementDetailView(APIView):
    @extend_schema(responses=s.EnhancementSerializer, tags=["resumes"])
    def get(self, request, enhancement_id):
        enhancement = selectors.enhancement_get(user=request.user, enhancement_id=enhancement_id)
        return Response(s.EnhancementSerializer(enhancement).data)


class EnhancementDecisionsView(APIView):
    @extend_schema(
        request=s.DecisionsSerializer, responses=s.EnhancementSerializer, tags=["resumes"]
    )
    def post(self, request, enhancement_id):
        data = validated(s.DecisionsSerializer, request.data)
        enhancement = selectors.enhancement_get(user=request.user, enhancement_id=enhancement_id)
        enhancement = documents.enhancement_decide(
            enhancement=enhancement, decisions=data["decisions"], edits=data.get("edits")
        )
        return Response(s.EnhancementSerializer(enhancement).data)


class DownloadEnhancedView(PerUserRateLimit, APIView):
    rate_limit_group = "generation"

    @extend_schema(
        request=s.DownloadEnhancedSerializer,
        responses=formats_schema(s.DOCUMENT_FORMATS),
        tags=["resumes"],
    )
    def post(self, request, resume_id):
        data = validated(s.DownloadEnhancedSerializer, request.data)
        enhancement = selectors.enhancement_get(
            user=request.user, enhancement_id=data["enhancement_id"]
        )
        if enhancement.resume_id != resume_id:
            raise Http404
        content = documents.enhancement_render(
            enhancement=enhancement,
            template_id=data["template"],
            fmt=data["format"],
            accepted_ids=data.get("accepted_ids"),
        )
        return document_response(content, data["format"], enhanced_resume_stem(enhancement.resume))


class CoverLetterListView(ListAPIView):
    serializer_class = s.CoverLetterSerializer

    def get_queryset(self):
        return selectors.cover_letters_for_user(user=self.request.user)

    @extend_schema(tags=["resumes"])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class CoverLetterGenerateView(PerUserRateLimit, APIView):
    rate_limit_group = "generation"

    @extend_schema(
        request=s.CoverLetterRequestSerializer,
        responses={201: s.CoverLetterSerializer},
        tags=["resumes"],
    )
    def post(self, request):
        data = validated(s.CoverLetterRequestSerializer, request.data)
        resume = selectors.resume_get(user=request.user, resume_id=data["resume_id"])
        job = job_target_resolve(
            user=request.user,
            job_id=data.get("job_id"),
            description=data.get("job_description", ""),
            title=data.get("job_title", ""),
        )
        if data.get("company"):
            job = replace(job, company=data["company"])
        letter = documents.cover_letter_create(
            owner=request.user, resume=resume, job=job, tone=data["tone"]
        )
        return Response(s.CoverLetterSerializer(letter).data, status=status.HTTP_201_CREATED)


class CoverLetterDetailView(APIView):
    @extend_schema(responses=s.CoverLetterSerializer, tags=["resumes"])
    def get(self, request, letter_id):
        letter = selectors.cover_letter_get(user=request.user, letter_id=letter_id)
        return Response(s.CoverLetterSerializer(letter).data)

    @extend_schema(responses={204: None}, tags=["resumes"])
    def delete(self, request, letter_id):
        letter = selectors.cover_letter_get(user=request.user, letter_id=letter_id)
        documents.cover_letter_delete(letter=letter)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CoverLetterDownloadView(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("format", str, enum=s.LETTER_FORMATS)],
        responses=formats_schema(s.LETTER_FORMATS),
        tags=["resumes"],
    )
    def get(self, request, letter_id):
        fmt = validated(s.LetterFormatSerializer, request.query_params)["format"]
        letter = selectors.cover_letter_get(user=request.user, letter_id=letter_id)
        content = documents.cover_letter_render(letter=letter, fmt=fmt)
        return document_response(content, fmt, cover_letter_stem(letter))
