"""Erasure endpoints: preview what deleting the account erases and keeps, then confirm."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.ratelimit import RateLimitedMixin
from core.api.validation import validated
from core.http import client_ip
from gdpr.erasure import erasure_confirm, erasure_preview


class ErasureLineSerializer(serializers.Serializer):
    label = serializers.CharField()
    title = serializers.CharField()
    count = serializers.IntegerField()
    outcome = serializers.ChoiceField(choices=["erased", "anonymised"])
    reason = serializers.CharField(help_text="Why anonymised records stay; empty when erased.")


class ErasurePreviewSerializer(serializers.Serializer):
    erased = ErasureLineSerializer(many=True)
    anonymised = ErasureLineSerializer(many=True)


class ErasureConfirmSerializer(serializers.Serializer):
    password = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=128,
        trim_whitespace=False,
        style={"input_type": "password"},
        help_text="Your current password; required for accounts with a password.",
    )


class ErasurePreviewView(APIView):
    @extend_schema(
        responses=ErasurePreviewSerializer,
        tags=["gdpr"],
        summary="What deleting your account erases, and what it keeps anonymised and why",
    )
    def get(self, request):
        lines = erasure_preview(user=request.user, ip=client_ip(request))
        preview = {
            "erased": [line for line in lines if line.outcome == "erased"],
            "anonymised": [line for line in lines if line.outcome == "anonymised"],
        }
        return Response(ErasurePreviewSerializer(preview).data)


class ErasureView(RateLimitedMixin, APIView):
    rate_limit_group = "gdpr_erasure"

    def rate_limit_keys(self, request):
        return {"gdpr_erasure": str(request.user.pk)}

    @extend_schema(
        request=ErasureConfirmSerializer,
        responses={204: None},
        tags=["gdpr"],
        summary="Delete your account and erase your personal data",
        description=(
            "The same erasure as `DELETE /api/v1/auth/account`. A wrong password is a 400 "
            "with `errors.password`; nothing is erased then."
        ),
    )
    def post(self, request):
        data = validated(ErasureConfirmSerializer, request.data)
        erasure_confirm(user=request.user, password=data.get("password", ""))
        return Response(status=status.HTTP_204_NO_CONTENT)
