"""Data export endpoints: request an export, follow it, download it through its signed link."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.ratelimit import RateLimitedMixin
from core.api.schema import ERROR_REF
from core.api.validation import validated
from core.http import client_ip
from gdpr.export import (
    export_download,
    export_download_available,
    export_file_name,
    export_get,
    export_request,
    exports_for_user,
)
from gdpr.export_links import export_download_token
from gdpr.http import ZIP, zip_response
from gdpr.models import DataExport


class ExportSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField(
        help_text="The signed link, while the export is ready and not expired; else null."
    )

    class Meta:
        model = DataExport
        fields = [
            "id",
            "status",
            "created_at",
            "completed_at",
            "expires_at",
            "downloaded_at",
            "size_bytes",
            "error_message",
            "download_url",
        ]

    def get_download_url(self, export: DataExport) -> str | None:
        if not export_download_available(export):
            return None
        path = reverse("gdpr-export-download", kwargs={"export_id": export.pk})
        return f"{path}?token={export_download_token(export)}"


class DownloadQuerySerializer(serializers.Serializer):
    token = serializers.CharField(max_length=200, help_text="The token of the signed link.")


class ExportListView(RateLimitedMixin, ListAPIView):
    serializer_class = ExportSerializer
    rate_limit_group = "gdpr_export"

    def rate_limit_keys(self, request):
        return {"gdpr_export": str(request.user.pk)} if request.method == "POST" else {}

    def get_queryset(self):
        return exports_for_user(user=self.request.user)

    @extend_schema(tags=["gdpr"], summary="Your data exports, newest first")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=None,
        responses={202: ExportSerializer},
        tags=["gdpr"],
        summary="Export everything held about you",
        description=(
            "Starts a background job that writes a zip with one JSON and one CSV file per "
            "kind of data, plus your original files. An export still being prepared is "
            "returned instead of starting another. An email says when it is ready."
        ),
    )
    def post(self, request):
        export = export_request(user=request.user, ip=client_ip(request))
        return Response(ExportSerializer(export).data, status=status.HTTP_202_ACCEPTED)


class ExportDetailView(APIView):
    @extend_schema(
        responses={
            200: ExportSerializer,
            404: OpenApiResponse(ERROR_REF, description="No such export, or not yours."),
        },
        tags=["gdpr"],
        summary="An export's status and, once ready, its download link",
    )
    def get(self, request, export_id):
        return Response(ExportSerializer(export_get(user=request.user, export_id=export_id)).data)


class ExportDownloadView(APIView):
    @extend_schema(
        parameters=[DownloadQuerySerializer],
        responses={
            (200, ZIP): OpenApiTypes.BINARY,
            404: OpenApiResponse(
                ERROR_REF, description="No such export, not yours, or the link is not valid."
            ),
            409: OpenApiResponse(ERROR_REF, description="The export is not ready yet."),
            410: OpenApiResponse(ERROR_REF, description="The link expired; the file is deleted."),
        },
        tags=["gdpr"],
        summary="Download an export through its signed link",
    )
    def get(self, request, export_id):
        token = validated(DownloadQuerySerializer, request.query_params)["token"]
        export = export_get(user=request.user, export_id=export_id)
        content = export_download(
            export=export, token=token, user=request.user, ip=client_ip(request)
        )
        return zip_response(content, export_file_name(export))
