"""The project's URLs plus the floors the benchmarks compare with: `bench/bare` (what a DRF
view costs on this server) and `bench/jobs` (a plain DRF list of the same jobs).
"""

from django.urls import path
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from config import urls as project_urls
from jobs.models import Job, JobStatus


class BareView(APIView):
    """No authentication, no permission check, no database: DRF and the middleware only."""

    authentication_classes = []
    permission_classes = [AllowAny]

    def get(self, request):
        return Response({"ok": True})


class BareJobSerializer(serializers.ModelSerializer):
    class Meta:
        model = Job
        exclude = ("vector", "search_vector")


class BareJobListView(ListAPIView):
    """Open jobs, newest first, paginated like the API: no visibility rules, no owner, no links."""

    authentication_classes = []
    permission_classes = [AllowAny]
    serializer_class = BareJobSerializer
    queryset = (
        Job.objects.filter(status=JobStatus.OPEN)
        .defer("vector", "search_vector")
        .order_by("-created_at", "-id")
    )


urlpatterns = [
    *project_urls.urlpatterns,
    path("bench/bare", BareView.as_view(), name="bench-bare"),
    path("bench/jobs", BareJobListView.as_view(), name="bench-jobs"),
]

# Error handlers are read from the root URLconf, so keep the project's.
handler400 = project_urls.handler400
handler403 = project_urls.handler403
handler404 = project_urls.handler404
handler500 = project_urls.handler500
