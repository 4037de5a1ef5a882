from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.ratelimit import RateLimitedMixin
from core.api.schema import ERROR_REF
from core.api.validation import validated
from core.http import client_ip
from gdpr.anonymous import REQUEST_ACCEPTED, anonymous_request_submit, normalise
from gdpr.api import serializers as s
from gdpr.api.permissions import IsAdminRole
from gdpr.audit_log import audit_entries
from gdpr.consents import CONSENT_TEXTS, consent_history, consent_record, latest_decisions
from gdpr.downloads import audit_csv_response
from gdpr.errors import ConsentTextOutdated
from gdpr.presenters import consent_rows
from gdpr.retention import (
    MAX_DAYS,
    MIN_DAYS,
    purge_expired,
    retention_overview,
    retention_update,
)


class ConsentView(APIView):
    """The signed-in person's consents: the current choice per purpose and every decision."""

    @extend_schema(responses=s.ConsentOverviewSerializer, tags=["gdpr"])
    def get(self, request):
        return Response(_overview(request.user))

    @extend_schema(
        request=s.ConsentDecisionSerializer,
        responses={
            201: s.ConsentOverviewSerializer,
            409: OpenApiResponse(ERROR_REF, description="consent_text_outdated"),
        },
        tags=["gdpr"],
    )
    def post(self, request):
        data = validated(s.ConsentDecisionSerializer, request.data)
        current = CONSENT_TEXTS[data["purpose"]].version
        if data.get("version", current) != current:
            raise ConsentTextOutdated()
        consent_record(
            user=request.user,
            purpose=data["purpose"],
            granted=data["granted"],
            ip=client_ip(request),
        )
        return Response(_overview(request.user), status=status.HTTP_201_CREATED)


def _overview(user) -> dict:
    history = list(consent_history(user=user))
    return {
        "purposes": consent_rows(latest_decisions(history)),
        "history": s.ConsentRecordSerializer(history, many=True).data,
    }


ADMIN_ONLY = {403: OpenApiResponse(ERROR_REF, description="Not an admin.")}


class RetentionView(APIView):
    """Admin: days each kind of data is kept before the periodic purge removes it."""

    permission_classes = [IsAdminRole]

    @extend_schema(responses={200: s.RetentionOverviewSerializer, **ADMIN_ONLY}, tags=["gdpr"])
    def get(self, request):
        return Response(_retention_body())

    @extend_schema(
        request=s.RetentionUpdateSerializer,
        responses={200: s.RetentionOverviewSerializer, **ADMIN_ONLY},
        tags=["gdpr"],
    )
    def put(self, request):
        data = validated(s.RetentionUpdateSerializer, request.data)
        retention_update(actor=request.user, days=data["days"], ip=client_ip(request))
        return Response(_retention_body())


def _retention_body() -> dict:
    return {"kinds": retention_overview(), "min_days": MIN_DAYS, "max_days": MAX_DAYS}


class RetentionPurgeView(APIView):
    """Admin: what the purge would remove now (a dry run), or run it now."""

    permission_classes = [IsAdminRole]

    @extend_schema(
        request=s.PurgeRequestSerializer,
        responses={200: s.PurgeReportSerializer, **ADMIN_ONLY},
        tags=["gdpr"],
    )
    def post(self, request):
        data = validated(s.PurgeRequestSerializer, request.data)
        return Response(purge_expired(dry_run=data["dry_run"], actor=request.user))


class AuditLogView(ListAPIView):
    """Admin: the audit log, newest first, filtered."""

    permission_classes = [IsAdminRole]
    serializer_class = s.AuditEntrySerializer

    def get_queryset(self):
        return audit_entries(**validated(s.AuditFilterSerializer, self.request.query_params))

    @extend_schema(
        parameters=[s.AuditFilterSerializer],
        responses={200: s.AuditEntrySerializer(many=True), **ADMIN_ONLY},
        tags=["gdpr"],
    )
    def get(self, request):
        return self.list(request)


class AuditLogCsvView(APIView):
    """Admin: the filtered audit log as CSV (the download itself is audited)."""

    permission_classes = [IsAdminRole]

    @extend_schema(
        parameters=[s.AuditFilterSerializer],
        responses={(200, "text/csv"): OpenApiTypes.BINARY, **ADMIN_ONLY},
        tags=["gdpr"],
    )
    def get(self, request):
        filters = validated(s.AuditFilterSerializer, request.query_params)
        return audit_csv_response(filters, actor=request.user, ip=client_ip(request))


class AnonymousRequestView(RateLimitedMixin, APIView):
    """An applicant without an account asks for an export or erasure of what they sent with
    an address; a link mailed to it confirms. The answer is the same whatever is held."""

    authentication_classes = []
    permission_classes = [AllowAny]
    rate_limit_group = "gdpr_request"

    def rate_limit_keys(self, request):
        data = request.data if hasattr(request.data, "get") else {}
        email = data.get("email")
        return {
            "gdpr_request_ip": client_ip(request),
            "gdpr_request_email": normalise(email) if isinstance(email, str) else "",
        }

    @extend_schema(
        request=s.AnonymousRequestSerializer,
        responses={202: s.AcceptedSerializer},
        tags=["gdpr"],
    )
    def post(self, request):
        data = validated(s.AnonymousRequestSerializer, request.data)
        anonymous_request_submit(email=data["email"], kind=data["kind"], ip=client_ip(request))
        return Response({"detail": REQUEST_ACCEPTED}, status=status.HTTP_202_ACCEPTED)
