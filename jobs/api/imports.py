"""POST /api/v1/jobs/import: postings from an uploaded JSON/CSV feed or a JSearch search."""

from django.conf import settings
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsRecruiter
from core.api.parsers import JSONParser
from core.api.ratelimit import RateLimitedMixin
from core.api.schema import ERROR_REF
from core.api.validation import validated
from jobs.imports.feeds import feed_check_size, feed_rows
from jobs.imports.jsearch import DATE_POSTED_CHOICES, MAX_PAGES, jsearch_rows
from jobs.imports.service import jobs_import

FEED_SOURCE = "feed"
JSEARCH_SOURCE = "jsearch"
SOURCE_FIELD = {
    "max_length": 50,
    "help_text": "Name of the feed: postings are known by (source, their id in it).",
}


class FeedImportSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="A JSON list of postings or a CSV with a header row.")
    source = serializers.RegexField(
        r"^[a-z0-9][a-z0-9_.-]*$", required=False, default=FEED_SOURCE, **SOURCE_FIELD
    )
    dry_run = serializers.BooleanField(required=False, default=False)


class JSearchImportSerializer(serializers.Serializer):
    source = serializers.ChoiceField(
        choices=[JSEARCH_SOURCE],
        help_text='"jsearch"; to upload a feed, send a file instead.',
        error_messages={
            "invalid_choice": 'Send a feed as a multipart "file", or "source": "jsearch" with a '
            "query.",
            "required": 'Send a feed as a multipart "file", or "source": "jsearch" with a query.',
        },
    )
    query = serializers.CharField(max_length=200, help_text='e.g. "python developer in Berlin"')
    pages = serializers.IntegerField(min_value=1, max_value=MAX_PAGES, default=1)
    country = serializers.RegexField(r"^[A-Za-z]{2}$", required=False, allow_blank=True)
    date_posted = serializers.ChoiceField(choices=DATE_POSTED_CHOICES, required=False)
    dry_run = serializers.BooleanField(required=False, default=False)


class RowErrorSerializer(serializers.Serializer):
    row = serializers.IntegerField(help_text="1-based: the data row of a CSV, the item of JSON.")
    source_job_id = serializers.CharField()
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


class ImportReportSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    unchanged = serializers.IntegerField()
    failed = serializers.IntegerField()
    errors = RowErrorSerializer(many=True)
    job_ids = serializers.ListField(child=serializers.IntegerField())
    dry_run = serializers.BooleanField()


class JobImportView(RateLimitedMixin, APIView):
    permission_classes = [IsRecruiter]
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    rate_limit_group = "job_import"

    def rate_limit_keys(self, request):
        return {self.rate_limit_group: str(request.user.pk)}

    @extend_schema(
        request={
            "multipart/form-data": FeedImportSerializer,
            "application/json": JSearchImportSerializer,
        },
        responses={
            200: ImportReportSerializer,
            413: OpenApiResponse(ERROR_REF, description="The feed is larger than the limit"),
            502: OpenApiResponse(ERROR_REF, description="JSearch failed or refused the key"),
        },
        description=(
            "Upload a feed (multipart `file`) or, when the server has a JSearch key, search "
            "JSearch (JSON body). Postings already imported from the same source update "
            "instead of duplicating; invalid rows are listed in `errors` and not written."
        ),
        tags=["jobs"],
    )
    def post(self, request):
        if "file" in request.FILES or request.content_type.startswith("multipart/"):
            data = validated(FeedImportSerializer, request.data)
            rows = self._feed_rows(data["file"])
        else:
            data = validated(JSearchImportSerializer, request.data)
            rows = jsearch_rows(
                data["query"],
                pages=data["pages"],
                country=data.get("country", ""),
                date_posted=data.get("date_posted", ""),
            )
        report = jobs_import(
            owner=request.user, rows=rows, source=data["source"], dry_run=data["dry_run"]
        )
        return Response(ImportReportSerializer(report.as_dict()).data)

    @staticmethod
    def _feed_rows(upload) -> list[dict]:
        feed_check_size(upload.size)
        return feed_rows(
            name=upload.name, data=upload.read(settings.JOB_IMPORT_MAX_UPLOAD_BYTES + 1)
        )
