from rest_framework import status

from core.errors import ConflictError, DomainError


class EmailTaken(ConflictError):
    default_code = "email_taken"
    default_detail = "An account with this email already exists."


class InvalidCredentials(DomainError):
    status_code = status.HTTP_401_UNAUTHORIZED
    default_code = "invalid_credentials"
    default_detail = "Email or password is incorrect."


class AccountDisabled(DomainError):
    status_code = status.HTTP_403_FORBIDDEN
    default_code = "account_disabled"
    default_detail = "This account is disabled."


class InvalidRefreshToken(DomainError):
    status_code = status.HTTP_401_UNAUTHORIZED
    default_code = "invalid_refresh_token"
    default_detail = "The refresh token is invalid, expired or already used."


class RoleNotAllowed(DomainError):
    status_code = status.HTTP_403_FORBIDDEN
    default_code = "role_not_allowed"
    default_detail = "You may only create users with a role below your own."
