from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.schema import ERROR_REF
from core.api.validation import validated
from core.http import client_ip
from gdpr.api import serializers as s
from gdpr.consents import CONSENT_TEXTS, consent_history, consent_record, latest_decisions
from gdpr.errors import ConsentTextOutdated
from gdpr.presenters import consent_rows


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
