from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.health import UNHEALTHY, health_report


class HealthView(APIView):
    """Detailed health: every dependency probed; 503 when the database is down."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        responses={
            (200, "application/json"): inline_serializer(
                "HealthReport",
                {
                    "status": serializers.ChoiceField(["healthy", "degraded", "unhealthy"]),
                    "timestamp": serializers.DateTimeField(),
                    "version": serializers.CharField(),
                    "services": serializers.DictField(child=serializers.DictField()),
                    "system": serializers.DictField(),
                },
            )
        },
        tags=["system"],
    )
    def get(self, request):
        report = health_report()
        return Response(report, status=503 if report["status"] == UNHEALTHY else 200)
