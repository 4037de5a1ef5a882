from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.ratelimit import RateLimitedMixin
from core.api.schema import ERROR_REF
from core.api.validation import validated
from core.http import client_ip
from footprint import selectors, services
from footprint.api import serializers as s

NOT_FINISHED = OpenApiResponse(ERROR_REF, description="The scan has not finished, or failed.")


class ScanView(RateLimitedMixin, APIView):
    rate_limit_group = "footprint_scan"
    queues_jobs_on = ("post",)

    def rate_limit_keys(self, request):
        return {"footprint_scan": str(request.user.pk)}

    @extend_schema(
        request=s.FootprintScanRequestSerializer,
        responses={202: s.FootprintScanSerializer},
        tags=["footprint"],
        summary="Scan GitHub and Stack Overflow in the background",
        description="Without a username or id, the links of your profile are scanned. "
        "Progress arrives on /ws/notifications/ as `footprint_progress` messages.",
    )
    def post(self, request):
        data = validated(s.FootprintScanRequestSerializer, request.data)
        scan = services.scan_start(
            owner=request.user,
            github_username=data.get("github_username", ""),
            stackoverflow_id=data.get("stackoverflow_id"),
            ip=client_ip(request),
        )
        return Response(s.FootprintScanSerializer(scan).data, status=status.HTTP_202_ACCEPTED)


class ScanHistoryView(ListAPIView):
    serializer_class = s.FootprintScanSerializer

    def get_queryset(self):
        return selectors.scan_history(user=self.request.user)

    @extend_schema(tags=["footprint"], summary="Your scans, newest first")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class ScanDetailView(APIView):
    @extend_schema(responses=s.FootprintScanDetailSerializer, tags=["footprint"])
    def get(self, request, scan_id):
        scan = selectors.scan_get(user=request.user, scan_id=scan_id)
        return Response(s.FootprintScanDetailSerializer(scan).data)

    @extend_schema(responses={204: None}, tags=["footprint"])
    def delete(self, request, scan_id):
        scan = selectors.scan_get(user=request.user, scan_id=scan_id)
        services.scan_delete(scan=scan, user=request.user, ip=client_ip(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class RecommendationsView(APIView):
    @extend_schema(
        responses={200: s.FootprintRecommendationsSerializer, 409: NOT_FINISHED}, tags=["footprint"]
    )
    def get(self, request, scan_id):
        scan = services.scan_require_completed(
            selectors.scan_get(user=request.user, scan_id=scan_id)
        )
        return Response({"scan_id": scan.pk, "recommendations": scan.recommendations})


class CompareView(APIView):
    @extend_schema(
        responses={200: s.FootprintCompareSerializer, 409: NOT_FINISHED}, tags=["footprint"]
    )
    def get(self, request, first_id, second_id):
        first = selectors.scan_get(user=request.user, scan_id=first_id)
        second = selectors.scan_get(user=request.user, scan_id=second_id)
        comparison = services.scans_compare(first=first, second=second)
        return Response(s.FootprintCompareSerializer(comparison).data)


class SkillsView(APIView):
    @extend_schema(
        request=s.FootprintSkillsRequestSerializer,
        responses={200: s.FootprintSkillsAddedSerializer, 409: NOT_FINISHED},
        tags=["footprint"],
        summary="Add the scan's skills to your profile",
    )
    def post(self, request, scan_id):
        data = validated(s.FootprintSkillsRequestSerializer, request.data)
        scan = selectors.scan_get(user=request.user, scan_id=scan_id)
        added = services.scan_skills_add(
            scan=scan, user=request.user, skills=data.get("skills"), ip=client_ip(request)
        )
        return Response({"added": added, "profile_skills": request.user.skills})


class SharingView(APIView):
    @extend_schema(responses=s.FootprintSharingSerializer, tags=["footprint"])
    def get(self, request):
        return Response({"share_with_recruiters": selectors.sharing_enabled(user=request.user)})

    @extend_schema(
        request=s.FootprintSharingSerializer,
        responses=s.FootprintSharingSerializer,
        tags=["footprint"],
        summary="Let recruiters you applied to see your latest scan",
    )
    def put(self, request):
        data = validated(s.FootprintSharingSerializer, request.data)
        sharing = services.sharing_set(
            user=request.user, share=data["share_with_recruiters"], ip=client_ip(request)
        )
        return Response({"share_with_recruiters": sharing.share_with_recruiters})
