from http import HTTPStatus

from core.errors import ConflictError, DomainError


class EmailTaken(ConflictError):
    error_code = "email_taken"
    message = "An account with this email already exists."


class InvalidCredentials(DomainError):
    status_code = HTTPStatus.UNAUTHORIZED
    error_code = "invalid_credentials"
    message = "Email or password is incorrect."


class AccountDisabled(DomainError):
    status_code = HTTPStatus.FORBIDDEN
    error_code = "account_disabled"
    message = "This account is disabled."


class InvalidRefreshToken(DomainError):
    status_code = HTTPStatus.UNAUTHORIZED
    error_code = "invalid_refresh_token"
    message = "The refresh token is invalid, expired or already used."


class RoleNotAllowed(DomainError):
    status_code = HTTPStatus.FORBIDDEN
    error_code = "role_not_allowed"
    message = "You may only create users with a role below your own."


class InvalidVerificationToken(DomainError):
    error_code = "invalid_verification_token"
    message = "This verification link is not valid. Ask for a new one."


class VerificationTokenExpired(DomainError):
    error_code = "verification_token_expired"
    message = "This verification link has expired. Ask for a new one."


class EmailAlreadyVerified(ConflictError):
    error_code = "email_already_verified"
    message = "Your email is already verified."
