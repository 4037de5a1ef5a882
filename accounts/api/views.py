from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import ListCreateAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import services, tokens
from accounts.api import serializers as s
from accounts.models import User, normalize_email
from accounts.permissions import IsAdmin, IsRecruiter
from accounts.selectors import users_list
from core.api.parsers import JSONParser
from core.api.ratelimit import RateLimitedMixin
from core.api.schema import ERROR_REF
from core.api.validation import validated
from core.http import client_ip

REFRESH_TOKEN_ERRORS = {
    401: OpenApiResponse(ERROR_REF, description="invalid_refresh_token"),
    403: OpenApiResponse(ERROR_REF, description="account_disabled"),
}


def _auth_response(user, status_code=status.HTTP_200_OK) -> Response:
    body = {**tokens.token_pair(user), "user": s.UserSerializer(user).data}
    return Response(body, status=status_code)


def _email_key(request) -> str:
    """The email a sign-in or sign-up targets, for per-account rate limits."""
    data = request.data if hasattr(request.data, "get") else {}
    raw = data.get("email") or data.get("username") or ""
    return normalize_email(raw) if isinstance(raw, str) else ""


class PublicAPIView(APIView):
    """No authentication: a stale token in the header must not block sign-in."""

    authentication_classes = []
    permission_classes = [AllowAny]


class RegisterView(RateLimitedMixin, PublicAPIView):
    rate_limit_group = "register"

    def rate_limit_keys(self, request):
        return {"register_ip": client_ip(request), "register_email": _email_key(request)}

    @extend_schema(
        request=s.RegisterSerializer,
        responses={
            201: s.AuthResponseSerializer,
            409: OpenApiResponse(ERROR_REF, description="email_taken"),
        },
        tags=["auth"],
    )
    def post(self, request):
        data = validated(s.RegisterSerializer, request.data)
        user = services.user_register(**data, ip=client_ip(request))
        return _auth_response(user, status.HTTP_201_CREATED)


class LoginView(RateLimitedMixin, PublicAPIView):
    rate_limit_group = "login"
    # OAuth2 clients send the password grant as a form.
    parser_classes = [JSONParser, FormParser, MultiPartParser]

    def rate_limit_keys(self, request):
        return {"login_ip": client_ip(request), "login_email": _email_key(request)}

    @extend_schema(
        request=s.LoginSerializer,
        responses={
            200: s.AuthResponseSerializer,
            401: OpenApiResponse(ERROR_REF, description="invalid_credentials"),
            403: OpenApiResponse(ERROR_REF, description="account_disabled"),
        },
        tags=["auth"],
    )
    def post(self, request):
        data = validated(s.LoginSerializer, request.data)
        user = services.user_authenticate(**data, ip=client_ip(request))
        return _auth_response(user)


class RefreshView(PublicAPIView):
    @extend_schema(
        request=s.RefreshSerializer,
        responses={200: s.TokenPairSerializer, **REFRESH_TOKEN_ERRORS},
        tags=["auth"],
    )
    def post(self, request):
        data = validated(s.RefreshSerializer, request.data)
        return Response(tokens.token_refresh(refresh_token=data["refresh_token"]))


class LogoutView(PublicAPIView):
    @extend_schema(
        request=s.LogoutSerializer, responses={204: None, **REFRESH_TOKEN_ERRORS}, tags=["auth"]
    )
    def post(self, request):
        data = validated(s.LogoutSerializer, request.data)
        tokens.token_revoke(refresh_token=data["refresh_token"], all_devices=data["all_devices"])
        return Response(status=status.HTTP_204_NO_CONTENT)


class VerifyEmailView(PublicAPIView):
    """Open the emailed link's token: the account's email is verified (again: no change)."""

    @extend_schema(
        request=s.VerifyEmailSerializer, responses={200: s.UserSerializer}, tags=["auth"]
    )
    def post(self, request):
        data = validated(s.VerifyEmailSerializer, request.data)
        user = services.user_verify_email(token=data["token"], ip=client_ip(request))
        return Response(s.UserSerializer(user).data)


class ResendVerificationView(RateLimitedMixin, APIView):
    """Mail the signed-in user a fresh verification link; 409 once verified."""

    rate_limit_group = "verify_email"

    def rate_limit_keys(self, request):
        return {"verify_email": str(request.user.pk)}

    @extend_schema(
        request=None,
        responses={
            202: s.DetailSerializer,
            409: OpenApiResponse(ERROR_REF, description="email_already_verified"),
        },
        tags=["auth"],
    )
    def post(self, request):
        services.email_verification_resend(user=request.user)
        return Response(
            {"detail": f"A new link is on its way to {request.user.email}."},
            status=status.HTTP_202_ACCEPTED,
        )


class MeView(APIView):
    @extend_schema(responses=s.UserSerializer, tags=["auth"])
    def get(self, request):
        return Response(s.UserSerializer(request.user).data)


class ProfileView(APIView):
    def _update(self, request, partial: bool):
        data = validated(s.ProfileSerializer, request.data, instance=request.user, partial=partial)
        user = services.user_update_profile(user=request.user, data=data, ip=client_ip(request))
        return Response(s.UserSerializer(user).data)

    @extend_schema(request=s.ProfileSerializer, responses=s.UserSerializer, tags=["auth"])
    def put(self, request):
        return self._update(request, partial=False)

    @extend_schema(request=s.ProfileSerializer, responses=s.UserSerializer, tags=["auth"])
    def patch(self, request):
        return self._update(request, partial=True)


class AccountView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(request=s.AccountDeleteSerializer, responses={204: None}, tags=["auth"])
    def delete(self, request):
        data = validated(s.AccountDeleteSerializer, request.data)
        services.account_delete_own(user=request.user, password=data.get("password", ""))
        return Response(status=status.HTTP_204_NO_CONTENT)


class UsersView(ListCreateAPIView):
    serializer_class = s.UserSerializer

    def get_permissions(self):
        return [IsAdmin()] if self.request.method == "GET" else [IsRecruiter()]

    def get_queryset(self):
        filters = validated(s.UserFilterSerializer, self.request.query_params)
        return users_list(
            role=filters.get("role", ""),
            search=filters.get("q", ""),
            is_active=filters.get("is_active"),
        )

    @extend_schema(parameters=[s.UserFilterSerializer], tags=["users"])
    def get(self, request):
        return self.list(request)

    @extend_schema(
        request=s.UserCreateSerializer, responses={201: s.UserSerializer}, tags=["users"]
    )
    def post(self, request):
        data = validated(s.UserCreateSerializer, request.data)
        user = services.user_create(creator=request.user, **data, ip=client_ip(request))
        return Response(s.UserSerializer(user).data, status=status.HTTP_201_CREATED)


class UserDetailView(APIView):
    """Admin: read a user, change their role or deactivate them."""

    permission_classes = [IsAdmin]

    @extend_schema(responses=s.UserSerializer, tags=["users"])
    def get(self, request, user_id: int):
        return Response(s.UserSerializer(get_object_or_404(User, pk=user_id)).data)

    @extend_schema(request=s.UserAccessSerializer, responses=s.UserSerializer, tags=["users"])
    def patch(self, request, user_id: int):
        user = get_object_or_404(User, pk=user_id)
        data = validated(s.UserAccessSerializer, request.data)
        user = services.user_set_access(
            actor=request.user, user=user, **data, ip=client_ip(request)
        )
        return Response(s.UserSerializer(user).data)
