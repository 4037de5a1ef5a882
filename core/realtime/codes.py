"""Close codes (4000-4999 are the application's) and the error codes of socket messages."""

UNAUTHENTICATED = 4401
FORBIDDEN = 4403
NOT_FOUND = 4404

# `error_code` of `{"type": "error", "error_code": ..., "detail": ...}` messages.
ERROR_UNAUTHENTICATED = "unauthenticated"
ERROR_FORBIDDEN = "forbidden"
ERROR_NOT_FOUND = "not_found"
ERROR_ALREADY_AUTHENTICATED = "already_authenticated"
ERROR_MESSAGE_TOO_LARGE = "message_too_large"
ERROR_RATE_LIMITED = "rate_limited"
ERROR_INVALID_JSON = "invalid_json"
ERROR_INVALID_MESSAGE = "invalid_message"
ERROR_UNKNOWN_TYPE = "unknown_type"
ERROR_SERVER = "server_error"
